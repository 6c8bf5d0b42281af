import { MAX_SLUG_LENGTH } from "../../../schema/common/slug.args.js";

/** A query parameter of a site form that cannot be used; `message` (German) says what to change. */
export class FormParamError extends Error {}

/** Longest raw value of a list parameter (`?kommunen=a,b,…`) a form page reads. */
const MAX_RAW_LENGTH = 2000;

/** How a value shows in a message: quoted, cut short, without control characters. */
export function shown(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, "");
  return `„${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}“`;
}

/** A parameter given at most once, as a plain value; undefined when absent or empty. */
export function singleParam(query: Record<string, unknown>, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "string") throw new FormParamError(`Der Parameter „${name}“ darf nur einmal vorkommen.`);
  if (raw.length > MAX_SLUG_LENGTH)
    throw new FormParamError(`Der Wert von „${name}“ ist zu lang (höchstens ${MAX_SLUG_LENGTH} Zeichen).`);
  return raw;
}

/**
 * The values of a list parameter: comma-separated when `repeatable` is false
 * (`?kommunen=a,b`, given once), or repeated as a form's checkboxes send them
 * (`?kommune=a&kommune=b`). Each value is checked for length; empty ones are dropped.
 */
export function listParam(query: Record<string, unknown>, name: string, repeatable: boolean): string[] {
  const raw = query[name];
  if (raw === undefined) return [];
  if (!repeatable && typeof raw !== "string") {
    throw new FormParamError(
      `Der Parameter „${name}“ darf nur einmal vorkommen; mehrere Werte trennen Sie mit Kommas, z. B. ?${name}=a,b.`,
    );
  }
  const parts = Array.isArray(raw) ? raw : [raw];
  if (parts.some((part) => typeof part !== "string") || parts.join(",").length > MAX_RAW_LENGTH) {
    throw new FormParamError(`Der Parameter „${name}“ ist zu lang.`);
  }
  const values = (parts as string[])
    .flatMap((part) => part.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  const tooLong = values.find((value) => value.length > MAX_SLUG_LENGTH);
  if (tooLong)
    throw new FormParamError(`${shown(tooLong)} in „${name}“ ist zu lang (höchstens ${MAX_SLUG_LENGTH} Zeichen).`);
  return values;
}

/** Refuses a list that names a value twice. */
export function once(values: readonly string[], what: string): void {
  const twice = values.find((value, index) => values.indexOf(value) !== index);
  if (twice !== undefined)
    throw new FormParamError(`${what} ${shown(twice)} ist doppelt angegeben; nennen Sie jede nur einmal.`);
}
