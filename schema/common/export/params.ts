import { MAX_FILTER_VALUES, unknownValuesMessage } from "../filters.js";
import { MAX_SLUG_LENGTH } from "../slug.args.js";

/** The query parameters of an export request, as express parses them. */
export type ExportQuery = Record<string, unknown>;

/** A query parameter an export cannot use: the answer is 400 with this message, naming `parameter`. */
export class ExportParamError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

/** The paging parameters every record export takes besides its filter. */
export const PAGE_PARAMS = ["limit", "after"] as const;

/**
 * The values of one list parameter: repeated (`?topics=a&topics=b`) or
 * comma-separated (`?topics=a,b`), each checked for length and NUL characters; null without any.
 */
export function listParam(query: ExportQuery, name: string): string[] | null {
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
export function enumListParam<E extends string>(
  query: ExportQuery,
  name: string,
  allowed: Record<string, E>,
): E[] | null {
  const values = listParam(query, name);
  if (!values) return null;
  const valid = new Set<string>(Object.values(allowed));
  const wrong = values.filter((value) => !valid.has(value));
  if (wrong.length)
    throw new ExportParamError(unknownValuesMessage(wrong, name, `Valid: ${[...valid].join(", ")}.`, 40), name);
  return values as E[];
}

/** Refuses parameters the export does not know, so that a typo does not silently export everything. */
export function onlyKnownParams(query: ExportQuery, known: readonly string[]): void {
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
