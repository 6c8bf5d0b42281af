import type { SiteQueryProblem } from "../../site/run-query.js";
import { coercionPaths, pathParts } from "./field-errors.js";
import type { InputField } from "./input-fields.js";

/**
 * Whether a problem is GraphQL's own refusal of a variable's value (a malformed amount, a blank required choice):
 * found while reading the variables, before the API checks anything else, so it hides the input's other problems.
 */
export function isFormatProblem(problem: SiteQueryProblem): boolean {
  return problem.fields.length === 0 && /^Variable "\$\w+" got invalid value /.test(problem.message);
}

/** Valid values of a required field's type, standing in for a value GraphQL refused (see `withStandIns`). */
const STAND_INS: Readonly<Record<string, unknown>> = {
  Decimal: "0.00",
  Int: 0,
  Float: 0,
  Boolean: false,
  PartialDate: "2000",
  String: "",
  ID: "",
};

/** The value standing in for a refused value of `field`: null when optional; undefined when none fits. */
function standInFor(field: InputField): unknown {
  if (!field.required) return null;
  if (field.shape === "enum") return field.values[0]?.name;
  if (field.shape === "list") return [];
  return STAND_INS[field.type];
}

/** The field of the form (or of a row) a path of the input names, and the path's parts. */
function fieldAt(
  path: string,
  fields: readonly InputField[],
): { field: InputField; parts: (string | number)[] } | null {
  const parts = pathParts(path);
  const top = fields.find((candidate) => candidate.name === parts[0]);
  if (!top) return null;
  if (top.shape === "list") return { field: top, parts: parts.slice(0, 1) };
  if (top.shape !== "rows") return parts.length === 1 ? { field: top, parts } : null;
  const sub = top.rowFields.find((candidate) => candidate.name === parts[2]);
  return sub && typeof parts[1] === "number" && parts.length === 3 ? { field: sub, parts } : null;
}

/**
 * The input with a valid value in place of each one GraphQL refused (its problems' paths; a list refused as a
 * whole): with it, a dry run of the write (`@dryRun`) finds the input's other problems, and nothing is saved
 * whatever it stands in for. The form shows its own message at those fields instead of what the dry run says
 * there. Null when a refused value has no place in the input or no stand-in (the form then shows the format
 * problems alone).
 */
export function withStandIns(
  input: Record<string, unknown>,
  problems: readonly SiteQueryProblem[],
  fields: readonly InputField[],
): Record<string, unknown> | null {
  const copy = structuredClone(input);
  for (const problem of problems)
    for (const path of coercionPaths(problem.message)) {
      const found = path.startsWith("input.") ? fieldAt(path, fields) : null;
      const standIn = found && standInFor(found.field);
      if (!found || standIn === undefined) return null;
      let holder = copy as Record<string | number, unknown>;
      for (const part of found.parts.slice(0, -1)) {
        const next = holder[part];
        if (!next || typeof next !== "object") return null;
        holder = next as Record<string | number, unknown>;
      }
      holder[found.parts[found.parts.length - 1]] = standIn;
    }
  return copy;
}
