import type { ExportCursor } from "../../schema/common/export/paging.js";
import { ExportParamError, type ExportQuery, listParam, onlyKnownParams } from "../../schema/common/export/params.js";
import { MAX_COMPARED_MUNICIPALITIES } from "../../schema/comparison/comparison.inputs.js";
import { decodeExportCursor } from "./export.cursor.js";

/** Most rows one export response holds, and how many it holds when `limit` is not given. */
export const MAX_EXPORT_ROWS = 10_000;
/** Rows that one rate-limit point pays for: a page costs one point per started 250 rows of its `limit`. */
export const ROWS_PER_POINT = 250;

/** A single plain value of a parameter, or undefined without it. */
function single(query: ExportQuery, name: string): string | undefined {
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

/**
 * The `limit` and `after` parameters of an export: a whole number from 1 to MAX_EXPORT_ROWS, and a cursor this
 * export issued, read by `decode` (the cursor of an export ordered by municipality, title and slug without).
 */
export function exportPageOf<K = ExportCursor>(
  query: ExportQuery,
  kind: string,
  decode: (kind: string, raw: string) => K | null = decodeExportCursor as never,
): { limit: number; after: K | null } {
  const limit = limitOf(single(query, "limit"));
  if (limit === null) {
    throw new ExportParamError(`limit must be a whole number from 1 to ${MAX_EXPORT_ROWS}.`, "limit");
  }
  const afterText = single(query, "after");
  const after = afterText === undefined ? null : decode(kind, afterText);
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
export function exportPoints(query: ExportQuery): number {
  const limit = limitOf(query.limit);
  return limit === null ? 1 : Math.ceil(limit / ROWS_PER_POINT);
}

const COMPARISON_PARAMS = ["municipalities", "topics"] as const;

/** The municipalities and topics of `/export/comparison.csv`: the arguments of `compare`, each named once. */
export function comparisonParamsOf(query: ExportQuery): { municipalities: string[]; topics: string[] | null } {
  onlyKnownParams(query, COMPARISON_PARAMS);
  const municipalities = listParam(query, "municipalities");
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
  const topics = listParam(query, "topics");
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
