import type { RunSiteQuery } from "../site/run-query.js";
import type { Viewer } from "../../schema/token/viewer.js";
import { ENGAGEMENT_ROLE_LABELS, type EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { cityAnchorPath, cityAnchors, paths } from "../site/paths.js";
import { CITY_PAGE_LISTS } from "../site/queries.js";

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

/** Items one API request reads: the API's largest page. */
const API_PAGE = 100;
/**
 * Most API pages read for one kind (20,000 records, far more than any city keeps): a bound on one page view's work.
 * A kind that reaches it is marked incomplete, and the page says so.
 */
const MAX_API_PAGES = 200;

/** One record of the editor's city as the list shows it. */
export interface EditorRecord {
  kind: RecordKind;
  key: string;
  title: string;
  publicationState: string;
  updatedAt: string;
  /** Where the public sees it (its own page, or an anchor on its city's page), for published records shown there. */
  href: string | null;
}

/** Every record of one kind, as the editor's viewer reads them; `complete` is false when MAX_API_PAGES cut it. */
export interface KindRecords {
  records: EditorRecord[];
  complete: boolean;
}

/** What the record lists read from the API: the editor's viewer and the city's slug. */
interface Reader {
  run: RunSiteQuery;
  viewer: Viewer;
  city: string;
  /** The city's strategies, read once for both their fields of action and their budget lines. */
  strategies?: Promise<[StrategyRow[], boolean]>;
}

interface Row {
  publicationState: string;
  updatedAt: string;
}
interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** Reads a connection to its end with its cursors, page by page. */
async function walkConnection<T>(page: (after: string | null) => Promise<Connection<T>>): Promise<[T[], boolean]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (let read = 0; read < MAX_API_PAGES; read++) {
    const { pageInfo, nodes } = await page(after);
    rows.push(...nodes);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return [rows, true];
    after = pageInfo.endCursor;
  }
  return [rows, false];
}

/** Reads a plain list to its end with `first` and `offset`, page by page. */
async function walkList<T>(page: (offset: number) => Promise<T[]>): Promise<[T[], boolean]> {
  const rows: T[] = [];
  for (let read = 0; read < MAX_API_PAGES; read++) {
    const items = await page(rows.length);
    rows.push(...items);
    if (items.length < API_PAGE) return [rows, true];
  }
  return [rows, false];
}

/** A root connection of the city's own records, latest change first where the API can sort so. */
function rootListQuery(field: string, args: string, key: "slug" | "key"): string {
  return `query EditorRecords($city: String!, $after: String) {
  list: ${field}(${args}, first: ${API_PAGE}, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { ${key} title publicationState updatedAt }
  }
}`;
}

const CITY_FILTER = "filter: { municipalities: [$city] }";
const ROOT_LISTS = {
  projekt: rootListQuery("projects", `${CITY_FILTER}, orderBy: { field: UPDATED_AT, direction: DESC }`, "slug"),
  strategie: rootListQuery("strategies", CITY_FILTER, "slug"),
  erfahrung: rootListQuery("lessons", CITY_FILTER, "slug"),
  quelle: rootListQuery("sources", "municipality: $city", "key"),
};
/** The public page of a record kind, where it has one of its own. */
const PAGES: Partial<Record<RecordKind, (key: string) => string>> = {
  projekt: paths.project,
  strategie: paths.strategy,
};

type Keyed = Row & { slug?: string; key?: string; title: string };

/** Projects, strategies, lessons or sources: root connections narrowed to the city. */
async function rootRecords(reader: Reader, kind: keyof typeof ROOT_LISTS): Promise<KindRecords> {
  const [rows, complete] = await walkConnection((after) =>
    reader
      .run<{ list: Connection<Keyed> }>(ROOT_LISTS[kind], { city: reader.city, after }, reader.viewer)
      .then((data) => data.list),
  );
  const page = PAGES[kind];
  const records = rows.map((row) => {
    const key = row.slug ?? row.key ?? "";
    return record(kind, key, row.title, row, page ? page(key) : null);
  });
  return { records, complete };
}

function record(kind: RecordKind, key: string, title: string, row: Row, page: string | null): EditorRecord {
  const href = page && row.publicationState === "PUBLISHED" ? page : null;
  return { kind, key, title, publicationState: row.publicationState, updatedAt: row.updatedAt, href };
}

// The city's own plain lists (decisions, engagements, indicators), paged with `offset`, in the API's order: the
// order the city page shows their published items in.

type CityList = "decisions" | "engagements" | "indicators";
const CITY_LIST_FIELDS: Record<CityList, string> = {
  decisions: "key title publicationState updatedAt",
  engagements: "id role provider { name } publicationState updatedAt",
  indicators: "key name publicationState updatedAt",
};

async function cityList<T extends Row>(reader: Reader, list: CityList): Promise<[T[], boolean]> {
  const query = `query EditorCityList($city: String!, $offset: Int!) {
  municipality(slug: $city) { list: ${list}(first: ${API_PAGE}, offset: $offset) { ${CITY_LIST_FIELDS[list]} } }
}`;
  return walkList(async (offset) => {
    const data = await reader.run<{ municipality: { list: T[] } | null }>(
      query,
      { city: reader.city, offset },
      reader.viewer,
    );
    return data.municipality?.list ?? [];
  });
}

/**
 * Records listed on the city's page: a published one gets a link to its anchor there when the page shows it (the
 * first `shown` published ones in the list's order); drafts, archived ones and those past the page's list none.
 */
function onCityPage<T extends Row>(
  reader: Reader,
  rows: T[],
  shown: number,
  made: (row: T) => Omit<EditorRecord, "href"> & { anchor: string },
): EditorRecord[] {
  let published = 0;
  return rows.map((row) => {
    const { anchor, ...rest } = made(row);
    const visible = row.publicationState === "PUBLISHED" && published++ < shown;
    return { ...rest, href: visible ? cityAnchorPath(reader.city, anchor) : null };
  });
}

const base = (kind: RecordKind, key: string, title: string, row: Row) => ({
  kind,
  key,
  title,
  publicationState: row.publicationState,
  updatedAt: row.updatedAt,
});

async function decisions(reader: Reader): Promise<KindRecords> {
  const [rows, complete] = await cityList<Row & { key: string; title: string }>(reader, "decisions");
  const records = onCityPage(reader, rows, CITY_PAGE_LISTS.decisions, (row) => ({
    ...base("beschluss", row.key, row.title, row),
    anchor: cityAnchors.decision(row.key),
  }));
  return { records, complete };
}

/** An engagement is named by its provider and role, and keyed by its ID (it has no key of its own). */
async function engagements(reader: Reader): Promise<KindRecords> {
  type EngagementRow = Row & { id: string; role: string; provider: { name: string } };
  const [rows, complete] = await cityList<EngagementRow>(reader, "engagements");
  const records = onCityPage(reader, rows, CITY_PAGE_LISTS.engagements, (row) => ({
    ...base(
      "beauftragung",
      row.id,
      `${row.provider.name} – ${ENGAGEMENT_ROLE_LABELS[row.role as EngagementRole] ?? row.role}`,
      row,
    ),
    anchor: cityAnchors.engagement(row.id),
  }));
  return { records, complete };
}

async function indicators(reader: Reader): Promise<KindRecords> {
  const [rows, complete] = await cityList<Row & { key: string; name: string }>(reader, "indicators");
  const records = onCityPage(reader, rows, CITY_PAGE_LISTS.indicators, (row) => ({
    ...base("kennzahl", row.key, row.name, row),
    anchor: cityAnchors.indicator(row.key),
  }));
  return { records, complete };
}

// A strategy's parts: fields of action (at most 12 a strategy) and budget lines (any number, paged with `offset`).
// Their public page is their strategy's, once both are published.

const FIELDS_QUERY = `query EditorFieldsOfAction($city: String!, $after: String) {
  list: strategies(filter: { municipalities: [$city] }, first: ${API_PAGE}, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { slug publicationState fieldsOfAction { id title publicationState updatedAt } }
  }
}`;
const BUDGET_QUERY = `query EditorBudgetLines($strategy: String!, $offset: Int!) {
  strategy(slug: $strategy) { budget(first: ${API_PAGE}, offset: $offset) { id year description publicationState updatedAt } }
}`;

interface StrategyRow {
  slug: string;
  publicationState: string;
  fieldsOfAction: (Row & { id: string; title: string })[];
}

const strategyPage = (strategy: StrategyRow) =>
  strategy.publicationState === "PUBLISHED" ? paths.strategy(strategy.slug) : null;

function strategiesWithFields(reader: Reader): Promise<[StrategyRow[], boolean]> {
  reader.strategies ??= walkConnection((after) =>
    reader
      .run<{ list: Connection<StrategyRow> }>(FIELDS_QUERY, { city: reader.city, after }, reader.viewer)
      .then((data) => data.list),
  );
  return reader.strategies;
}

async function fieldsOfAction(reader: Reader): Promise<KindRecords> {
  const [strategies, complete] = await strategiesWithFields(reader);
  const records = strategies.flatMap((strategy) =>
    strategy.fieldsOfAction.map((row) => record("handlungsfeld", row.id, row.title, row, strategyPage(strategy))),
  );
  return { records, complete };
}

async function budgetLines(reader: Reader): Promise<KindRecords> {
  type Line = Row & { id: string; year: number; description: string };
  const [strategies, complete] = await strategiesWithFields(reader);
  const perStrategy = await Promise.all(
    strategies.map(async (strategy) => {
      const [lines, all] = await walkList(async (offset) => {
        const data = await reader.run<{ strategy: { budget: Line[] } | null }>(
          BUDGET_QUERY,
          { strategy: strategy.slug, offset },
          reader.viewer,
        );
        return data.strategy?.budget ?? [];
      });
      const page = strategyPage(strategy);
      const records = lines.map((row) =>
        record("haushaltsposten", row.id, `${row.year}: ${row.description}`, row, page),
      );
      return { records, complete: all };
    }),
  );
  return {
    records: perStrategy.flatMap((part) => part.records),
    complete: complete && perStrategy.every((part) => part.complete),
  };
}

const READERS: Record<RecordKind, (reader: Reader) => Promise<KindRecords>> = {
  projekt: (reader) => rootRecords(reader, "projekt"),
  strategie: (reader) => rootRecords(reader, "strategie"),
  erfahrung: (reader) => rootRecords(reader, "erfahrung"),
  quelle: (reader) => rootRecords(reader, "quelle"),
  beschluss: decisions,
  beauftragung: engagements,
  handlungsfeld: fieldsOfAction,
  haushaltsposten: budgetLines,
  kennzahl: indicators,
};

/** Latest change first; records changed at the same moment by kind and key, so that pages never overlap. */
export function byLatestChange(a: EditorRecord, b: EditorRecord): number {
  return (
    b.updatedAt.localeCompare(a.updatedAt) ||
    a.kind.localeCompare(b.kind) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * Every record of one kind of the city that the editor may see (drafts, published, archived), latest change first,
 * read through the API as the editor's viewer, page by page to the end.
 */
export async function recordsOfKind(
  run: RunSiteQuery,
  viewer: Viewer,
  city: string,
  kind: RecordKind,
): Promise<KindRecords> {
  return sortedRecords({ run, viewer, city }, kind);
}

async function sortedRecords(reader: Reader, kind: RecordKind): Promise<KindRecords> {
  const { records, complete } = await READERS[kind](reader);
  return { records: records.sort(byLatestChange), complete };
}

/** Every record of every kind of the city, by kind. */
export async function recordsOfAllKinds(
  run: RunSiteQuery,
  viewer: Viewer,
  city: string,
): Promise<Record<RecordKind, KindRecords>> {
  const kinds = Object.keys(RECORD_KINDS) as RecordKind[];
  const reader: Reader = { run, viewer, city };
  const lists = await Promise.all(kinds.map((kind) => sortedRecords(reader, kind)));
  return Object.fromEntries(kinds.map((kind, index) => [kind, lists[index]])) as Record<RecordKind, KindRecords>;
}
