import type { VNode } from "preact";
import type { Viewer } from "../../../schema/token/viewer.js";
import { pageElement } from "../../site/i18n/site-language.js";
import { CityPage } from "../../site/pages/city.js";
import { ProjectPage } from "../../site/pages/project.js";
import { StrategyPage } from "../../site/pages/strategy.js";
import {
  CITY_QUERY,
  type CityData,
  PROJECT_QUERY,
  type ProjectData,
  STRATEGY_QUERY,
  type StrategyData,
} from "../../site/queries.js";
import type { RunSiteQuery } from "../../site/run-query.js";
import type { RecordKind } from "../my-records.js";
import { DECISION_LABELS, ENGAGEMENT_LABELS, enumLabel, type KindLabels } from "./labels.js";
import { STRATEGY_PART_KINDS, STRATEGY_PARTS_READ, strategyParts } from "./strategy-parts.js";

/** A list of allowed values a picker offers: `topics`, `providers`, … (loaded by choices.ts). */
export type ChoiceList =
  | "topics"
  | "providers"
  | "products"
  | "municipalities"
  | "sources"
  | "strategies"
  | "fieldsOfAction"
  | "projects"
  | "decisions";

/**
 * One record type an editor writes through a form: where its pages are, which input types of the API its form
 * is derived from, which mutations it runs, how it is read back, and which fields pick from a list.
 */
export interface FormKind {
  /** The URL segment under /meine-kommune, e.g. `projekte`. */
  segment: string;
  /** The kind "Meine Kommune" lists it as. */
  listKind: RecordKind;
  /** German: "Projekt", and the heading of a new one, "Neues Projekt". */
  noun: string;
  newHeading: string;
  /**
   * The field that names the record in URLs: `slug`, `key` for sources, decisions and indicators, or the global `id`
   * where it has neither (engagements, a strategy's fields of action and budget lines).
   */
  keyField: "slug" | "key" | "id";
  /** How a record without a `title` of its own is named in headings (an engagement: its provider and role). */
  titleOf?: (record: Record<string, unknown>) => string;
  /** Labels of this kind's fields that differ from the shared ones (labels.ts FIELD_LABELS). */
  labels?: KindLabels;
  /** Fields shown as one line although another kind's field of that name is a text (a decision's `body`). */
  oneLine?: readonly string[];
  /** For a strategy's parts: their create input names the strategy, whose city is theirs, rather than a city. */
  ownedThrough?: "strategy";
  /** Query parameters of the "new" form that preset a field, e.g. `?strategie=…` the strategy a part belongs to. */
  prefill?: Readonly<Record<string, string>>;
  /** Values the "new" form starts with, where the API keeps a value rather than none (an indicator's `betterWhen`). */
  defaults?: Readonly<Record<string, string>>;
  /** What the edit form shows below the form, from the record as read (a strategy's parts; a part's strategy). */
  related?: (record: Record<string, unknown>) => VNode | null;
  createInput: string;
  updateInput: string;
  /** The API's name of the type in mutation names: `Project` for `createProject`, `publishProject`, … */
  mutationType: string;
  /**
   * A GraphQL document reading the city's record by `$key` as `record`: `id version publicationState`,
   * `municipality { slug }` where the type has one, and the input's fields (relations as `{ slug }`, `{ key }`
   * or `{ id }`); `revisions` on request. `pick` takes it from the answer.
   */
  read: string;
  pick: (data: Record<string, unknown>, key: string) => Record<string, unknown> | null;
  /**
   * Whether the history is read by the record's ID (`node`) rather than by `read` with `$withRevisions`: for reads of
   * a whole list, whose revisions for every item would cost more than the API allows.
   */
  revisionsById?: boolean;
  /**
   * The order the form shows the fields in (the schema lists them alphabetically; a row's fields as `group.field`);
   * fields not named follow.
   */
  order: readonly string[];
  /** Input fields the form leaves out (the API keeps their values, since a field left out is no change). */
  omitted?: readonly string[];
  /** Fields whose values come from a list of allowed values; a row's field as `group.field` (`costs.sources`). */
  choices: Readonly<Record<string, ChoiceList>>;
  /** Where the public sees it once published, if it has a page of its own. */
  publicPath?: (key: string) => string;
  /**
   * Its public page rendered from the record as the editor reads it (a draft too): the page's own query and template;
   * `city` is the editor's municipality, for records shown on its city page.
   */
  preview?: (
    run: RunSiteQuery,
    viewer: Viewer,
    key: string,
    origin: string | null,
    city: string,
  ) => Promise<VNode | null>;
}

/** The common part of every read: identity, version and state. */
const RECORD = "id version publicationState";

/** Picks the record the read's root field `record` found (null when none, or one the editor may not see). */
const fromRoot = (data: Record<string, unknown>) => (data.record as Record<string, unknown> | null) ?? null;

export const FORM_KINDS: readonly FormKind[] = [
  {
    segment: "projekte",
    listKind: "projekt",
    noun: "Projekt",
    newHeading: "Neues Projekt",
    keyField: "slug",
    createInput: "CreateProjectInput",
    updateInput: "ProjectInput",
    mutationType: "Project",
    order: [
      "title",
      "slug",
      "summary",
      "status",
      "statusAsOf",
      "startedOn",
      "plannedEndOn",
      "completedOn",
      "topics",
      "strategy",
      "fieldOfAction",
      "providers",
      "products",
      "replacedProducts",
      "partners",
      "costs",
      "sources",
      "note",
      "costs.amount",
      "costs.currency",
      "costs.kind",
      "costs.period",
      "costs.description",
      "costs.note",
      "costs.sources",
    ],
    read: `query EditorProject($key: String!, $revisions: Int!, $withRevisions: Boolean!) {
      record: project(slug: $key) {
        ${RECORD} slug municipality { slug }
        title summary status statusAsOf startedOn plannedEndOn completedOn note
        strategy { slug } fieldOfAction { id } topics { key } providers { slug } products { slug }
        replacedProducts { slug } partners { slug } sources { key }
        costs { id amount currency kind period description note sources { key } }
        revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
      }
    }`,
    pick: fromRoot,
    choices: {
      topics: "topics",
      providers: "providers",
      products: "products",
      replacedProducts: "products",
      partners: "municipalities",
      sources: "sources",
      "costs.sources": "sources",
      strategy: "strategies",
      fieldOfAction: "fieldsOfAction",
    },
    publicPath: (key) => `/projekte/${key}`,
    preview: async (run, viewer, slug, origin) => {
      const { project } = await run<ProjectData>(PROJECT_QUERY, { slug }, viewer);
      return project && pageElement(ProjectPage, { project, origin });
    },
  },
  {
    segment: "erfahrungen",
    listKind: "erfahrung",
    noun: "Erfahrung",
    newHeading: "Neue Erfahrung",
    keyField: "slug",
    createInput: "CreateLessonInput",
    updateInput: "LessonInput",
    mutationType: "LessonLearned",
    order: ["title", "slug", "kind", "body", "project", "topics", "sources"],
    read: `query EditorLesson($key: String!, $revisions: Int!, $withRevisions: Boolean!) {
      record: lesson(slug: $key) {
        ${RECORD} slug municipality { slug }
        title body kind project { slug } topics { key } sources { key }
        revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
      }
    }`,
    pick: fromRoot,
    choices: { topics: "topics", sources: "sources", project: "projects" },
  },
  {
    segment: "strategien",
    listKind: "strategie",
    noun: "Strategie",
    newHeading: "Neue Strategie",
    keyField: "slug",
    createInput: "CreateStrategyInput",
    updateInput: "StrategyInput",
    mutationType: "Strategy",
    order: [
      "title",
      "slug",
      "summary",
      "vision",
      "status",
      "statusAsOf",
      "presentedOn",
      "adoptedOn",
      "horizon",
      "consultants",
      "decisions",
      "sources",
      "note",
    ],
    read: `query EditorStrategy($key: String!, $revisions: Int!, $withRevisions: Boolean!) {
      record: strategy(slug: $key) {
        ${RECORD} slug municipality { slug }
        title summary vision status statusAsOf adoptedOn presentedOn horizon note consultants { slug } sources { key }
        decisions { key }
        ${STRATEGY_PARTS_READ}
        revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
      }
    }`,
    pick: fromRoot,
    choices: { consultants: "providers", sources: "sources", decisions: "decisions" },
    publicPath: (key) => `/strategien/${key}`,
    preview: async (run, viewer, slug) => {
      const { strategy } = await run<StrategyData>(STRATEGY_QUERY, { slug }, viewer);
      return strategy && pageElement(StrategyPage, { strategy });
    },
    related: strategyParts,
  },
  {
    segment: "quellen",
    listKind: "quelle",
    noun: "Quelle",
    newHeading: "Neue Quelle",
    keyField: "key",
    createInput: "CreateSourceInput",
    updateInput: "SourceInput",
    mutationType: "Source",
    order: ["title", "key", "publisher", "author", "publishedOn", "url", "note"],
    read: `query EditorSource($key: String!, $revisions: Int!, $withRevisions: Boolean!) {
      record: source(key: $key) {
        ${RECORD} key title author publisher publishedOn url note municipality { slug }
        revisions(first: $revisions) @include(if: $withRevisions) { action actor at version changes { field before after } }
      }
    }`,
    // A source the hub's operators keep (no municipality) is no city's to edit.
    pick: (data) => {
      const record = fromRoot(data);
      return record?.municipality ? record : null;
    },
    choices: {},
  },
  ...cityRecordKinds(),
  ...STRATEGY_PART_KINDS,
];

// Council decisions and engagements (issue 14): records without a page of their own, shown on the city page.

/** The city page, read as the editor (drafts too): where the public sees a city's decisions and providers. */
async function cityPreview(run: RunSiteQuery, viewer: Viewer, _key: string, _origin: string | null, city: string) {
  const { municipality, workingGroups } = await run<CityData>(CITY_QUERY, { slug: city }, viewer);
  return municipality && pageElement(CityPage, { city: municipality, workingGroups: workingGroups.nodes });
}

/** The form kinds of decisions and engagements, which "Meine Kommune" lists as `beschluss` and `beauftragung`. */
function cityRecordKinds(): FormKind[] {
  return [
    {
      segment: "beschluesse",
      listKind: "beschluss",
      noun: "Beschluss",
      newHeading: "Neuer Beschluss",
      keyField: "key",
      createInput: "CreateDecisionInput",
      updateInput: "DecisionInput",
      mutationType: "Decision",
      order: ["title", "key", "reference", "body", "date", "outcome", "description", "sources", "note"],
      read: `query EditorDecision($city: String!, $key: String!) {
        municipality(slug: $city) {
          decision(key: $key) { ${RECORD} key title body reference date outcome description note sources { key } }
        }
      }`,
      pick: (data) => (data.municipality as { decision: Record<string, unknown> | null } | null)?.decision ?? null,
      revisionsById: true,
      labels: DECISION_LABELS,
      oneLine: ["body"],
      choices: { sources: "sources" },
      preview: cityPreview,
    },
    {
      segment: "beauftragungen",
      listKind: "beauftragung",
      noun: "Beauftragung",
      newHeading: "Neue Beauftragung",
      keyField: "id",
      createInput: "CreateEngagementInput",
      updateInput: "EngagementInput",
      mutationType: "Engagement",
      order: ["provider", "role", "since", "description", "sources", "note"],
      read: `query EditorEngagement($key: ID!) {
        record: node(id: $key) {
          __typename
          ... on Engagement {
            ${RECORD} role since description note provider { slug name } sources { key } municipality { slug }
          }
        }
      }`,
      pick: (data) => {
        const node = data.record as Record<string, unknown> | null;
        return node?.__typename === "Engagement" ? node : null;
      },
      revisionsById: true,
      titleOf: engagementTitle,
      labels: ENGAGEMENT_LABELS,
      choices: { provider: "providers", sources: "sources" },
      preview: cityPreview,
    },
  ];
}

/** An engagement as a heading names it: "KRZN – IT-Betrieb". */
function engagementTitle(record: Record<string, unknown>): string {
  const provider = (record.provider as { name?: string } | undefined)?.name ?? "";
  const role = typeof record.role === "string" ? enumLabel("EngagementRole", record.role, record.role) : "";
  return [provider, role].filter(Boolean).join(" – ");
}

/** The form kind of a URL segment, or undefined. */
export function formKindOf(segment: string): FormKind | undefined {
  return FORM_KINDS.find((kind) => kind.segment === segment);
}

/** The form kind "Meine Kommune" links a listed record kind to. */
export function formKindOfList(kind: RecordKind): FormKind | undefined {
  return FORM_KINDS.find((candidate) => candidate.listKind === kind);
}

/** The base path of a kind's pages, and of one record's. */
export function kindPath(kind: FormKind, key?: string | null): string {
  return key ? `/meine-kommune/${kind.segment}/${encodeURIComponent(key)}` : `/meine-kommune/${kind.segment}`;
}
