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
const PAGES: Partial<Record<RecordKind, string>> = { projekt: "/projekte/", strategie: "/strategien/" };

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

function recordOf(kind: RecordKind, row: Row): EditorRecord {
  const key = row.slug ?? row.key ?? "";
  const page = PAGES[kind];
  const href = page && row.publicationState === "PUBLISHED" ? page + key : null;
  return { kind, key, title: row.title, publicationState: row.publicationState, updatedAt: row.updatedAt, href };
}
