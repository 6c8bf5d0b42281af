/**
 * The GraphQL documents the site's pages run (through `createSiteQueryRunner`), one
 * per page, with the shapes of their answers. They are plain API queries: anything
 * a page shows, an anonymous API client can read the same way.
 */
import type { CountedList } from "./i18n/site-language.js";
import { CHOICES_QUERY } from "./queries/choices.js";
import { COMPARE_QUERY } from "./queries/compare.js";
import { COMPARE_PER_INHABITANT_QUERY } from "./queries/compare-per-inhabitant.js";
import { LESSONS_QUERY } from "./queries/lessons.js";
import { SEARCH_QUERY } from "./queries/search.js";
import {
  CHANGE_FILTERS_QUERY,
  CHANGE_NODE,
  CHANGES_QUERY,
  type ChangeEntry,
  LATEST_CHANGES,
} from "./changes/changes.query.js";

/** A source as pages cite it. */
export interface SourceRef {
  key: string;
  title: string;
  url: string | null;
  publisher: string | null;
  publishedOn: string | null;
}

export interface TopicRef {
  key: string;
  label: string;
}

export interface Named {
  slug: string;
  name: string;
}

export interface ProjectRef {
  slug: string;
  title: string;
  status: string;
  summary: string;
  municipality: Named;
  topics: TopicRef[];
}

/** A project as its own city's page lists it, without the city. */
export type CityProjectRef = Omit<ProjectRef, "municipality">;

const SOURCE = "fragment SiteSource on Source { key title url publisher publishedOn }";
const PROJECT_REF =
  "fragment SiteProjectRef on Project { slug title status summary municipality { slug name } topics { key label } }";
/** A project on its own city's page, which names no city: one statement fewer than `SiteProjectRef`. */
const CITY_PROJECT = "fragment SiteCityProject on Project { slug title status summary topics { key label } }";

export const HOME_QUERY = `query SiteHome {
  municipalities(first: 0) { totalCount totalCountIsExact }
  providers(first: 0) { totalCount totalCountIsExact }
  lessons(first: 0) { totalCount totalCountIsExact }
  topics(first: 100) { nodes { key label description } }
  stats { projectCount projectsByTopicAndState { topic { key } count } }
  ${LATEST_CHANGES}
}
${CHANGE_NODE}`;

export interface HomeData {
  municipalities: CountedList;
  providers: CountedList;
  lessons: CountedList;
  topics: { nodes: (TopicRef & { description: string })[] };
  stats: { projectCount: number; projectsByTopicAndState: { topic: { key: string }; count: number }[] };
  changes: { nodes: ChangeEntry[] };
}

export const CITIES_QUERY = `query SiteCities($after: String) {
  municipalities(first: 100, after: $after) {
    totalCount totalCountIsExact
    nodes { slug name state stateName population }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface CitiesData {
  municipalities: CountedList & {
    nodes: (Named & { state: string; stateName: string; population: number | null })[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** How many of a city's engagements, decisions and indicators its page shows (the first in the API's order). */
export const CITY_PAGE_LISTS = { engagements: 100, decisions: 100, indicators: 20 };

export const CITY_QUERY = `query SiteCity($slug: String!) {
  municipality(slug: $slug) {
    slug name officialKey stateName district governmentRegion population populationAsOf website note updatedAt
    sources { ...SiteSource }
    strategies {
      slug title status adoptedOn summary vision
      sources { ...SiteSource }
      fieldsOfAction { title description topics { key label } sources { ...SiteSource } }
    }
    projects(first: 100) { nodes { ...SiteCityProject } }
    engagements(first: ${CITY_PAGE_LISTS.engagements}) { id role description since provider { slug name } sources { ...SiteSource } }
    lessons(first: 100) { slug title kind body project { slug title } topics { key label } sources { ...SiteSource } }
    decisions(first: ${CITY_PAGE_LISTS.decisions}) { key body reference title date outcome description sources { ...SiteSource } }
    indicators(first: ${CITY_PAGE_LISTS.indicators}) { key name value unit asOf note sources { ...SiteSource } values { value asOf note } }
  }
  workingGroups(filter: { municipalities: [$slug] }, first: 20) {
    nodes { slug name description cadence otherMembers members(first: 50) { slug name } topics { key label } sources { ...SiteSource } }
  }
}
${SOURCE}
${CITY_PROJECT}`;

export interface CityData {
  municipality:
    | (Named & {
        officialKey: string;
        stateName: string;
        district: string | null;
        governmentRegion: string | null;
        population: number | null;
        populationAsOf: string | null;
        website: string | null;
        note: string | null;
        updatedAt: string;
        sources: SourceRef[];
        strategies: {
          slug: string;
          title: string;
          status: string;
          adoptedOn: string | null;
          summary: string;
          vision: string | null;
          sources: SourceRef[];
          fieldsOfAction: { title: string; description: string | null; topics: TopicRef[]; sources: SourceRef[] }[];
        }[];
        projects: { nodes: CityProjectRef[] };
        engagements: {
          id: string;
          role: string;
          description: string;
          since: string | null;
          provider: Named;
          sources: SourceRef[];
        }[];
        lessons: {
          slug: string;
          title: string;
          kind: string;
          body: string;
          project: { slug: string; title: string } | null;
          topics: TopicRef[];
          sources: SourceRef[];
        }[];
        decisions: DecisionRef[];
        indicators: IndicatorRef[];
      })
    | null;
  /** The working groups the city is a member of. */
  workingGroups: { nodes: WorkingGroupRef[] };
}

/** A council decision as the city and strategy pages show it. */
export interface DecisionRef {
  /** Read where the page anchors the decision (the city page). */
  key?: string;
  body: string;
  reference: string | null;
  title: string;
  date: string | null;
  outcome: string;
  description: string | null;
  sources: SourceRef[];
}

/** A measured figure as the city and strategy pages show it. */
export interface IndicatorRef {
  /** Read where the page anchors the indicator (the city page). */
  key?: string;
  name: string;
  value: number;
  unit: string;
  asOf: string | null;
  note: string | null;
  sources: SourceRef[];
  /** The dated values, oldest first; the last is `value` and `asOf`. */
  values: { value: number; asOf: string | null; note: string | null }[];
}

/** A working group as the city page shows it. */
export interface WorkingGroupRef {
  slug: string;
  name: string;
  description: string;
  cadence: string | null;
  otherMembers: string | null;
  members: Named[];
  topics: TopicRef[];
  sources: SourceRef[];
}

/** One step of a project's public status history, as the project page shows it. */
export interface StatusStep {
  status: string;
  since: string | null;
  source: { title: string; publishedOn: string | null } | null;
}

export const PROJECT_QUERY = `query SiteProject($slug: String!) {
  project(slug: $slug) {
    ...SiteProjectRef
    statusAsOf startedOn plannedEndOn completedOn note updatedAt
    statusHistory { status since source { title publishedOn } }
    municipality { stateName }
    partners { slug name }
    strategy { slug title }
    fieldOfAction { title }
    providers { slug name }
    products { name vendor { slug name } }
    replacedProducts { name vendor { slug name } }
    lessons(first: 50) { title kind body }
    costs(first: 50) { amount currency period kind description note sources { ...SiteSource } }
    costSummary(first: 10) { currency oneOff oneOffItemCount annual annualItemCount overStatedTerms overStatedTermsItemCount }
    sources { ...SiteSource }
    similar(first: 5) { reasons project { ...SiteProjectRef } }
  }
}
${SOURCE}
${PROJECT_REF}`;

export interface ProjectData {
  project:
    | (ProjectRef & {
        statusAsOf: string | null;
        statusHistory: StatusStep[];
        startedOn: string | null;
        plannedEndOn: string | null;
        completedOn: string | null;
        updatedAt: string;
        note: string | null;
        municipality: Named & { stateName: string };
        partners: Named[];
        strategy: { slug: string; title: string } | null;
        fieldOfAction: { title: string } | null;
        providers: Named[];
        products: { name: string; vendor: Named | null }[];
        replacedProducts: { name: string; vendor: Named | null }[];
        lessons: { title: string; kind: string; body: string }[];
        costs: {
          amount: string;
          currency: string;
          period: string;
          kind: string;
          description: string;
          note: string | null;
          sources: SourceRef[];
        }[];
        costSummary: {
          currency: string;
          oneOff: string | null;
          oneOffItemCount: number;
          annual: string | null;
          annualItemCount: number;
          overStatedTerms: string | null;
          overStatedTermsItemCount: number;
        }[];
        sources: SourceRef[];
        similar: { reasons: string[]; project: ProjectRef }[];
      })
    | null;
}

export const PROVIDERS_QUERY = `query SiteProviders($after: String) {
  providers(first: 100, after: $after) {
    totalCount totalCountIsExact
    nodes { slug name kind seat statesServed }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface ProvidersData {
  providers: CountedList & {
    nodes: (Named & { kind: string; seat: string | null; statesServed: string[] })[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const PROVIDER_QUERY = `query SiteProvider($slug: String!) {
  provider(slug: $slug) {
    slug name legalName kind description seat website statesServed updatedAt
    clients(first: 100) { roles since municipality { slug name stateName } }
    products(first: 50) { name description topics { key label } }
    sources { ...SiteSource }
  }
  projects(first: 100, filter: { providers: [$slug] }) { nodes { ...SiteProjectRef } }
}
${SOURCE}
${PROJECT_REF}`;

export interface ProviderData {
  provider:
    | (Named & {
        legalName: string | null;
        kind: string;
        description: string;
        seat: string | null;
        website: string | null;
        statesServed: string[];
        updatedAt: string;
        clients: { roles: string[]; since: string | null; municipality: Named & { stateName: string } }[];
        products: { name: string; description: string; topics: TopicRef[] }[];
        sources: SourceRef[];
      })
    | null;
  projects: { nodes: ProjectRef[] };
}

export const TOPICS_QUERY = `query SiteTopics {
  topics(first: 100) { nodes { key label description } }
  stats { projectsByTopicAndState { topic { key } count } }
}`;

export interface TopicsData {
  topics: { nodes: (TopicRef & { description: string })[] };
  stats: { projectsByTopicAndState: { topic: { key: string }; count: number }[] };
}

/** A topic with its cities and projects. */
export const TOPIC_QUERY = `query SiteTopic($key: String!) {
  topic(key: $key) {
    key label description municipalities(first: 100) { fieldsOfAction projects municipality { slug name stateName } }
  }
  projects(first: 100, filter: { topics: [$key] }) { nodes { ...SiteProjectRef } }
}
${PROJECT_REF}`;

export interface TopicData {
  topic:
    | (TopicRef & {
        description: string;
        municipalities: { fieldsOfAction: number; projects: number; municipality: Named & { stateName: string } }[];
      })
    | null;
  projects: { nodes: ProjectRef[] };
}

export const STRATEGY_QUERY = `query SiteStrategy($slug: String!) {
  strategy(slug: $slug) {
    slug title status statusAsOf presentedOn adoptedOn horizon summary vision note updatedAt
    municipality { slug name stateName }
    sources { ...SiteSource }
    fieldsOfAction { position title description updatedAt topics { key label } sources { ...SiteSource } }
    budget(first: 100) { year amount category description note updatedAt sources { ...SiteSource } }
    indicators(first: 50) { name value unit asOf note updatedAt sources { ...SiteSource } values { value asOf note } }
    decisions { body reference title date outcome description sources { ...SiteSource } }
    consultants { slug name }
    projects(first: 100) { ...SiteProjectRef }
  }
}
${SOURCE}
${PROJECT_REF}`;

/** An amount of money as the API gives it: a decimal string, e.g. `120000.00`. */
type Decimal = string;

export interface StrategyData {
  strategy: {
    slug: string;
    title: string;
    status: string;
    statusAsOf: string | null;
    presentedOn: string | null;
    adoptedOn: string | null;
    horizon: number | null;
    summary: string;
    vision: string | null;
    note: string | null;
    updatedAt: string;
    municipality: Named & { stateName: string };
    sources: SourceRef[];
    fieldsOfAction: {
      position: number;
      title: string;
      description: string | null;
      updatedAt: string;
      topics: TopicRef[];
      sources: SourceRef[];
    }[];
    budget: {
      year: number;
      amount: Decimal;
      category: string;
      description: string;
      note: string | null;
      updatedAt: string;
      sources: SourceRef[];
    }[];
    indicators: (IndicatorRef & { updatedAt: string })[];
    decisions: DecisionRef[];
    consultants: Named[];
    projects: ProjectRef[];
  } | null;
}

/** Every document, by name, for the test that validates them against the schema. */
export const SITE_QUERIES: Readonly<Record<string, string>> = {
  HOME_QUERY,
  CITIES_QUERY,
  CITY_QUERY,
  PROJECT_QUERY,
  PROVIDERS_QUERY,
  PROVIDER_QUERY,
  TOPICS_QUERY,
  TOPIC_QUERY,
  CHOICES_QUERY,
  COMPARE_QUERY,
  COMPARE_PER_INHABITANT_QUERY,
  LESSONS_QUERY,
  SEARCH_QUERY,
  STRATEGY_QUERY,
  CHANGES_QUERY,
  CHANGE_FILTERS_QUERY,
};
