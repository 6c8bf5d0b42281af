import type { SiteQueryProblem } from "../../site/run-query.js";
import { isHiddenRowField, rowKey } from "./form-values.js";
import { inGerman } from "./german-messages.js";
import type { InputField } from "./input-fields.js";

/** The problems of one submit: messages by form field key (`title`, `values[2].year`), and those of no field. */
export interface FieldErrors {
  byField: Record<string, string[]>;
  general: string[];
}

export const NO_ERRORS: FieldErrors = { byField: {}, general: [] };

/**
 * An API path relative to the mutation's arguments (`input.costs[2].amount`, `input.topics`, older `slug` or
 * `costs.2.amount`) as its parts: `["costs", 2, "amount"]`.
 */
export function pathParts(path: string): (string | number)[] {
  const parts = path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return parts[0] === "input" ? parts.slice(1) : parts;
}

/**
 * The form field an API path points at: a field of the form, or a field of one of its rows (the input row's
 * index turned back into the form row's, since blank rows are not sent; a path at a row's hidden ID or into a
 * row's list is the row's field). A path into a list (`topics[1]`) is the list's field; a path the form does not
 * show is null.
 */
export function formKeyOf(
  path: string,
  fields: readonly InputField[],
  formRows: Record<string, number[]> = {},
): string | null {
  const [name, index, sub] = pathParts(path);
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) return null;
  if (field.shape !== "rows" || typeof index !== "number") return field.name;
  const row = formRows[field.name]?.[index] ?? index;
  // A problem with a row's hidden ID (an item that is not the record's) is shown at the row's first field.
  const shown = field.rowFields.filter((candidate) => !isHiddenRowField(candidate));
  const inner = shown.find((candidate) => candidate.name === sub) ?? shown[0];
  return inner ? rowKey(field.name, row, inner.name) : field.name;
}

/** The paths a GraphQL coercion error names (`… at "input.statusAsOf"`, `Field "status" … was not provided`). */
export function coercionPaths(message: string): string[] {
  const at = /got invalid value .*? at "([^"]+)"/.exec(message);
  if (at) return [at[1]];
  const missing = /Field "([^"]+)" of required type/.exec(message);
  if (missing) return [missing[1]];
  const unknown = /Field "([^"]+)" is not defined by type/.exec(message);
  return unknown ? [unknown[1]] : [];
}

/** The text after a coercion error's preamble, or the message: what the editor should fix. */
function reasonOf(message: string): string {
  const reason = /^Variable "\$\w+" got invalid value .*?; (.*)$/s.exec(message);
  return (reason ? reason[1] : message).replace(/^Invalid argument\. /, "");
}

/** One problem split into its fields' messages: `Invalid argument. slug: …; title: …` gives one each. */
function perField(problem: SiteQueryProblem): [string | null, string][] {
  const paths = problem.fields.length ? problem.fields : coercionPaths(problem.message);
  if (!paths.length) return [[null, reasonOf(problem.message)]];
  const text = reasonOf(problem.message);
  return paths.map((path) => {
    const own = text
      .split("; ")
      .filter((part) => part.startsWith(`${path}: `))
      .map((part) => part.slice(path.length + 2));
    return [path, own.length ? own.join("; ") : text];
  });
}

/**
 * The API's problems placed at the form's fields; what no field of the form shows goes to `general`. `own` are the
 * form's own findings by form key, shown instead of what the API says at that field (none, for an empty list).
 */
export function placeErrors(
  problems: readonly SiteQueryProblem[],
  fields: readonly InputField[],
  formRows: Record<string, number[]> = {},
  own: Readonly<Record<string, string[]>> = {},
): FieldErrors {
  const errors: FieldErrors = { byField: {}, general: [] };
  for (const problem of problems)
    for (const [path, english] of perField(problem)) {
      const message = inGerman(english);
      const key = path === null ? null : formKeyOf(path, fields, formRows);
      if (key === null) errors.general.push(message);
      else if (!errors.byField[key]?.includes(message)) (errors.byField[key] ??= []).push(message);
    }
  Object.assign(errors.byField, own);
  return { ...errors, byField: inFormOrder(errors.byField, fields) };
}

/** The messages by field in the order the form shows the fields (rows by row number), so the summary reads top down. */
function inFormOrder(byField: FieldErrors["byField"], fields: readonly InputField[]): FieldErrors["byField"] {
  const rank = (key: string) => {
    const [name, row = 0] = pathParts(key);
    return fields.findIndex((field) => field.name === name) * 1000 + Number(row);
  };
  return Object.fromEntries(Object.entries(byField).sort(([a], [b]) => rank(a) - rank(b)));
}
