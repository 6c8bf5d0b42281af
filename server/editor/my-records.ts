import type { RunSiteQuery } from "../site/run-query.js";
import type { Viewer } from "../../schema/token/viewer.js";
import { ENGAGEMENT_ROLE_LABELS, type EngagementRole } from "../../schema/engagement/engagement-role.enum.js";

/** The kinds of record "Meine Kommune" lists, with their German names; the keys are the `art` filter's values. */
export const RECORD_KINDS = {
  projekt: "Projekt",
  strategie: "Strategie",
  erfahrung: "Erfahrung",
  quelle: "Quelle",
  beschluss: "Beschluss",
  beauftragung: "Beauftragung",
  handlungsfeld: "Handlungsfeld",
  haushaltsposten: "Haushaltsposten",
  kennzahl: "Kennzahl",
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;

/** The publication states the `stand` filter offers. */
export const STATES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type StateFilter = (typeof STATES)[number];

/** How many records of each kind the page lists at most, latest change first. */
const RECORDS_PER_KIND = 100;

/** One record of the editor's city as the list shows it. */
export interface EditorRecord {
  kind: RecordKind;
  key: string;
  title: string;
  publicationState: string;
  updatedAt: string;
  /** The public page, for published records that have one. */
  href: string | null;
}

const RECORDS_QUERY = `query EditorRecords($city: String!, $first: Int!) {
  projects(filter: { municipalities: [$city] }, first: $first, orderBy: { field: UPDATED_AT, direction: DESC }) {
    nodes { slug title publicationState updatedAt }
  }
  strategies(filter: { municipalities: [$city] }, first: $first) { nodes { slug title publicationState updatedAt } }
  lessons(filter: { municipalities: [$city] }, first: $first) { nodes { slug title publicationState updatedAt } }
  sources(municipality: $city, first: $first, orderBy: { field: CREATED_AT, direction: DESC }) {
    nodes { key title publicationState updatedAt }
  }
}`;

interface Row {
  slug?: string;
  key?: string;
  title: string;
  publicationState: string;
  updatedAt: string;
}
type Rows = { nodes: Row[] };

/** The public page of a record kind, where it has one of its own. */
const PAGES = { projekt: "/projekte/", strategie: "/strategien/" } satisfies Partial<Record<RecordKind, string>>;

/** The city's records the editor may see (drafts, published, archived), latest change first. */
export async function recordsOf(run: RunSiteQuery, viewer: Viewer, city: string): Promise<EditorRecord[]> {
  const [data, cityRecords] = await Promise.all([
    run<{ projects: Rows; strategies: Rows; lessons: Rows; sources: Rows }>(
      RECORDS_QUERY,
      { city, first: RECORDS_PER_KIND },
      viewer,
    ),
    cityRecordsOf(run, viewer, city),
  ]);
  const kinds: [RecordKind, Rows][] = [
    ["projekt", data.projects],
    ["strategie", data.strategies],
    ["erfahrung", data.lessons],
    ["quelle", data.sources],
  ];
  return kinds
    .flatMap(([kind, rows]) => rows.nodes.map((row) => recordOf(kind, row)))
    .concat(cityRecords)
    .concat(await strategyPartsOf(run, viewer, city))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

// Council decisions and engagements (issue 14): lists of the city itself, named by key and by ID.

const CITY_RECORDS_QUERY = `query EditorCityRecords($city: String!, $first: Int!) {
  municipality(slug: $city) {
    decisions(first: $first) { key title publicationState updatedAt }
    engagements(first: $first) { id role provider { name } publicationState updatedAt }
  }
}`;

interface CityRows {
  municipality: {
    decisions: Row[];
    engagements: {
      id: string;
      role: string;
      provider: { name: string };
      publicationState: string;
      updatedAt: string;
    }[];
  } | null;
}

/** The city's council decisions and engagements; an engagement is named by its provider and role. */
async function cityRecordsOf(run: RunSiteQuery, viewer: Viewer, city: string): Promise<EditorRecord[]> {
  const { municipality } = await run<CityRows>(CITY_RECORDS_QUERY, { city, first: RECORDS_PER_KIND }, viewer);
  if (!municipality) return [];
  const decisions = municipality.decisions.map((row) => recordOf("beschluss", row));
  const engagements = municipality.engagements.map(({ id, role, provider, publicationState, updatedAt }) =>
    recordOf("beauftragung", {
      key: id,
      title: `${provider.name} – ${ENGAGEMENT_ROLE_LABELS[role as EngagementRole] ?? role}`,
      publicationState,
      updatedAt,
    }),
  );
  return [...decisions, ...engagements];
}

/**
 * A strategy's parts and the city's indicators: what their forms (forms/strategy-parts.tsx) write. Two documents,
 * since one would exceed the API's cost limit; a strategy's budget lines beyond its first BUDGET_LINES_LISTED are
 * listed on the strategy's form only.
 */
const PARTS_QUERY = `query EditorStrategyParts($city: String!, $first: Int!) {
  strategies(filter: { municipalities: [$city] }, first: $first) {
    nodes { slug publicationState fieldsOfAction { id title publicationState updatedAt } }
  }
  municipality(slug: $city) { indicators(first: $first) { key name publicationState updatedAt } }
}`;
const BUDGET_QUERY = `query EditorBudgetLines($city: String!, $first: Int!, $lines: Int!) {
  strategies(filter: { municipalities: [$city] }, first: $first) {
    nodes { slug publicationState budget(first: $lines) { id year description publicationState updatedAt } }
  }
}`;
const BUDGET_LINES_LISTED = 50;

interface Part {
  publicationState: string;
  updatedAt: string;
}
interface PartsData {
  strategies: {
    nodes: {
      slug: string;
      publicationState: string;
      fieldsOfAction?: (Part & { id: string; title: string })[];
      budget?: (Part & { id: string; year: number; description: string })[];
    }[];
  };
  municipality: { indicators: (Part & { key: string; name: string })[] } | null;
}

/**
 * The city's fields of action, budget lines (named by their ID; their public page is their strategy's, once both
 * are published) and indicators.
 */
async function strategyPartsOf(run: RunSiteQuery, viewer: Viewer, city: string): Promise<EditorRecord[]> {
  const [data, budgets] = await Promise.all([
    run<PartsData>(PARTS_QUERY, { city, first: RECORDS_PER_KIND }, viewer),
    run<Pick<PartsData, "strategies">>(
      BUDGET_QUERY,
      { city, first: RECORDS_PER_KIND, lines: BUDGET_LINES_LISTED },
      viewer,
    ),
  ]);
  const part = (kind: RecordKind, key: string, title: string, row: Part, page: string | null): EditorRecord => {
    const href = page && row.publicationState === "PUBLISHED" ? page : null;
    return { kind, key, title, publicationState: row.publicationState, updatedAt: row.updatedAt, href };
  };
  const pageOf = (strategy: { slug: string; publicationState: string }) =>
    strategy.publicationState === "PUBLISHED" ? PAGES.strategie + strategy.slug : null;
  const fields = data.strategies.nodes.flatMap((strategy) =>
    (strategy.fieldsOfAction ?? []).map((row) => part("handlungsfeld", row.id, row.title, row, pageOf(strategy))),
  );
  const lines = budgets.strategies.nodes.flatMap((strategy) =>
    (strategy.budget ?? []).map((row) =>
      part("haushaltsposten", row.id, `${row.year}: ${row.description}`, row, pageOf(strategy)),
    ),
  );
  const indicators = (data.municipality?.indicators ?? []).map((row) => part("kennzahl", row.key, row.name, row, null));
  return [...fields, ...lines, ...indicators];
}

function recordOf(kind: RecordKind, row: Row): EditorRecord {
  const key = row.slug ?? row.key ?? "";
  const page = (PAGES as Partial<Record<RecordKind, string>>)[kind];
  const href = page && row.publicationState === "PUBLISHED" ? page + key : null;
  return { kind, key, title: row.title, publicationState: row.publicationState, updatedAt: row.updatedAt, href };
}
