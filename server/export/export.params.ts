import { MAX_FILTER_VALUES, unknownValuesMessage } from "../../schema/common/filters.js";
import { MAX_COMPARED_MUNICIPALITIES } from "../../schema/comparison/comparison.inputs.js";
import { MAX_SLUG_LENGTH } from "../../schema/common/slug.args.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import type { ProjectFilter } from "../../schema/project/project.inputs.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import type { StrategyFilter } from "../../schema/strategy/strategy.inputs.js";
import { decodeExportCursor, type ExportCursor, type ExportKind } from "./export.cursor.js";

/** Most rows one export response holds, and how many it holds when `limit` is not given. */
export const MAX_EXPORT_ROWS = 10_000;
/** Rows that one rate-limit point pays for: a page costs one point per started 250 rows of its `limit`. */
export const ROWS_PER_POINT = 250;

/** A query parameter an export cannot use: the answer is 400 with this message, naming `parameter`. */
export class ExportParamError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

type Query = Record<string, unknown>;

/**
 * The values of one list parameter: repeated (`?topics=a&topics=b`) or
 * comma-separated (`?topics=a,b`), each checked for length and NUL characters.
 */
function list(query: Query, name: string): string[] | null {
  const raw = query[name];
  if (raw === undefined) return null;
  const parts = (Array.isArray(raw) ? raw : [raw]).map((part) => {
    if (typeof part !== "string") throw new ExportParamError(`${name} must be a plain value, e.g. ?${name}=a,b.`, name);
    return part;
  });
  const values = parts
    .flatMap((part) => part.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  if (values.length > MAX_FILTER_VALUES)
    throw new ExportParamError(`${name} takes at most ${MAX_FILTER_VALUES} values.`, name);
  for (const value of values) {
    if (value.includes("\u0000")) throw new ExportParamError(`${name} must not contain NUL characters.`, name);
    if (value.length > MAX_SLUG_LENGTH)
      throw new ExportParamError(`${name} values are at most ${MAX_SLUG_LENGTH} characters.`, name);
  }
  return values.length ? values : null;
}

/** A list parameter whose values must come from an enum. */
function enumList<E extends string>(query: Query, name: string, allowed: Record<string, E>): E[] | null {
  const values = list(query, name);
  if (!values) return null;
  const valid = new Set<string>(Object.values(allowed));
  const wrong = values.filter((value) => !valid.has(value));
  if (wrong.length)
    throw new ExportParamError(unknownValuesMessage(wrong, name, `Valid: ${[...valid].join(", ")}.`, 40), name);
  return values as E[];
}

/** Refuses parameters the export does not know, so that a typo does not silently export everything. */
function onlyKnown(query: Query, known: readonly string[]): void {
  const unknown = Object.keys(query).filter((name) => !known.includes(name));
  if (unknown.length) {
    const shown = unknown
      .slice(0, 5)
      .map((name) => JSON.stringify(name.slice(0, 40)))
      .join(", ");
    throw new ExportParamError(
      `Unknown query parameter${unknown.length > 1 ? "s" : ""} ${shown}. This export takes: ${known.join(", ")}.`,
      unknown[0].slice(0, 40),
    );
  }
}

const PROJECT_PARAMS = ["municipalities", "states", "topics", "statuses", "providers", "limit", "after"] as const;
const STRATEGY_PARAMS = ["municipalities", "states", "topics", "statuses", "limit", "after"] as const;

/** The project filter of `/export/projects.*`: the same criteria as `projects(filter:)`. */
export function projectFilterOf(query: Query): ProjectFilter {
  onlyKnown(query, PROJECT_PARAMS);
  return {
    municipalities: list(query, "municipalities"),
    states: enumList(query, "states", State),
    topics: list(query, "topics"),
    statuses: enumList(query, "statuses", ProjectStatus),
    providers: list(query, "providers"),
  };
}

/** The strategy filter of `/export/strategies.csv`: the same criteria as `strategies(filter:)`. */
export function strategyFilterOf(query: Query): StrategyFilter {
  onlyKnown(query, STRATEGY_PARAMS);
  return {
    municipalities: list(query, "municipalities"),
    states: enumList(query, "states", State),
    topics: list(query, "topics"),
    statuses: enumList(query, "statuses", StrategyStatus),
  };
}

/** Which page of an export a request asks for: at most `limit` rows, after the row `after` names (from the start without). */
export interface ExportPage {
  limit: number;
  after: ExportCursor | null;
}

/** A single plain value of a parameter, or undefined without it. */
function single(query: Query, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string") throw new ExportParamError(`${name} must be given once, as a plain value.`, name);
  return raw;
}

/** The row count a `limit` value asks for (MAX_EXPORT_ROWS without one); null when it is not a whole number from 1 to MAX_EXPORT_ROWS. */
function limitOf(raw: unknown): number | null {
  if (raw === undefined) return MAX_EXPORT_ROWS;
  const limit = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
  return limit >= 1 && limit <= MAX_EXPORT_ROWS ? limit : null;
}

/** The `limit` and `after` parameters of an export: a whole number from 1 to MAX_EXPORT_ROWS, and a cursor this export issued. */
export function exportPageOf(query: Query, kind: ExportKind): ExportPage {
  const limit = limitOf(single(query, "limit"));
  if (limit === null) {
    throw new ExportParamError(`limit must be a whole number from 1 to ${MAX_EXPORT_ROWS}.`, "limit");
  }
  const afterText = single(query, "after");
  const after = afterText === undefined ? null : decodeExportCursor(kind, afterText);
  if (afterText !== undefined && !after) {
    throw new ExportParamError(
      'after is not a cursor of this export; follow the Link header (rel="next") of the previous page unchanged.',
      "after",
    );
  }
  return { limit, after };
}

/**
 * The rate-limit points of an export request: one per started ROWS_PER_POINT rows
 * of the page it asks for (`limit`, MAX_EXPORT_ROWS without), charged before any
 * work. A `limit` the export will refuse costs one point, as the 400 does no work.
 */
export function exportPoints(query: Query): number {
  const limit = limitOf(query.limit);
  return limit === null ? 1 : Math.ceil(limit / ROWS_PER_POINT);
}

const COMPARISON_PARAMS = ["municipalities", "topics"] as const;

/** The municipalities and topics of `/export/comparison.csv`: the arguments of `compare`, each named once. */
export function comparisonParamsOf(query: Query): { municipalities: string[]; topics: string[] | null } {
  onlyKnown(query, COMPARISON_PARAMS);
  const municipalities = list(query, "municipalities");
  if (!municipalities)
    throw new ExportParamError(
      "municipalities names the municipalities to compare, e.g. ?municipalities=ratingen,hildesheim.",
      "municipalities",
    );
  if (municipalities.length > MAX_COMPARED_MUNICIPALITIES) {
    throw new ExportParamError(
      `at most ${MAX_COMPARED_MUNICIPALITIES} municipalities can be compared at once.`,
      "municipalities",
    );
  }
  const topics = list(query, "topics");
  for (const [name, values] of [
    ["municipalities", municipalities],
    ["topics", topics ?? []],
  ] as const) {
    const twice = values.find((value, index) => values.indexOf(value) !== index);
    if (twice !== undefined)
      throw new ExportParamError(`${name} names ${JSON.stringify(twice.slice(0, 40))} more than once.`, name);
  }
  return { municipalities, topics };
}
