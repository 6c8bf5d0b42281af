import type { InputField } from "./input-fields.js";

/**
 * What a form holds, as the browser posts it: one string per field, a list for multiple choices, and rows of a
 * repeatable group as `name[i].field` (e.g. `values[2].year`).
 */
export type FormValues = Record<string, string | string[]>;

/** The longest value one field may carry; the API's own limits are lower, this only bounds the form. */
const MAX_VALUE = 20_000;
/** The most rows of one repeatable group a form shows. */
export const MAX_ROWS = 50;

/** The key of a row's field in a form: `values[2].year`. */
export function rowKey(group: string, index: number, field: string): string {
  return `${group}[${index}].${field}`;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value.slice(0, MAX_VALUE) : null;
}

/** The values of `fields` in a posted body; anything else the body holds is ignored. */
export function valuesFromBody(body: Record<string, unknown>, fields: readonly InputField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const posted = body[field.name];
    if (field.shape === "rows") {
      for (let index = 0; index < MAX_ROWS; index++)
        for (const sub of field.rowFields) {
          const value = text(body[rowKey(field.name, index, sub.name)]);
          if (value !== null) values[rowKey(field.name, index, sub.name)] = value;
        }
    } else if (field.shape === "list") {
      const list = Array.isArray(posted) ? posted : [posted];
      values[field.name] = list.map(text).filter((value): value is string => !!value);
    } else {
      const value = Array.isArray(posted) ? text(posted[0]) : text(posted);
      if (value !== null) values[field.name] = value;
    }
  }
  return values;
}

/** A related record as a form names it: by slug, key or ID. */
function referenceOf(value: unknown): string {
  if (value && typeof value === "object") {
    const { slug, key, id } = value as Record<string, unknown>;
    return String(slug ?? key ?? id ?? "");
  }
  return value === null || value === undefined ? "" : String(value);
}

/** A record as the API reads it (relations as `{ slug }`, `{ key }` or `{ id }`), as the values of its form. */
export function valuesFromRecord(record: Record<string, unknown>, fields: readonly InputField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record[field.name];
    if (field.shape === "rows") {
      (Array.isArray(value) ? value : []).forEach((row: Record<string, unknown>, index) => {
        for (const sub of field.rowFields) values[rowKey(field.name, index, sub.name)] = referenceOf(row[sub.name]);
      });
    } else if (field.shape === "list") values[field.name] = (Array.isArray(value) ? value : []).map(referenceOf);
    else values[field.name] = referenceOf(value);
  }
  return values;
}

/** A typed scalar for the API: numbers and flags as such when they read as one; anything else as typed (the API says what is wrong). */
function scalarOf(field: InputField, raw: string): unknown {
  const value = raw.trim();
  if (value === "") return null;
  if (field.type === "Int" && /^-?\d{1,15}$/.test(value)) return Number(value);
  if (field.type === "Float" && /^-?\d+(?:[.,]\d+)?$/.test(value)) return Number(value.replace(",", "."));
  if (field.type === "Decimal") return value.replace(",", ".");
  if (field.type === "Boolean") return value === "true" || value === "on";
  return value;
}

/** How many rows of group `field` the values hold (the highest index plus one). */
export function rowsIn(values: FormValues, field: string): number {
  let count = 0;
  const pattern = new RegExp(`^${field}\\[(\\d+)\\]\\.`);
  for (const key of Object.keys(values)) {
    const match = pattern.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

/** The non-empty rows of a group as input objects, and the form row each came from (a blank row is left out). */
function rowsOf(values: FormValues, field: InputField): { rows: Record<string, unknown>[]; formRows: number[] } {
  const rows: Record<string, unknown>[] = [];
  const formRows: number[] = [];
  for (let index = 0; index < rowsIn(values, field.name); index++) {
    const row: Record<string, unknown> = {};
    for (const sub of field.rowFields)
      row[sub.name] = scalarOf(sub, String(values[rowKey(field.name, index, sub.name)] ?? ""));
    if (Object.values(row).every((value) => value === null)) continue;
    rows.push(row);
    formRows.push(index);
  }
  return { rows, formRows };
}

/** An input for the API, and for each repeatable group the form row of each input row (to place errors). */
export interface FormInput {
  input: Record<string, unknown>;
  formRows: Record<string, number[]>;
}

/**
 * The input object the API gets from a form: every field of the form (a blank optional one as null, so that it
 * is cleared; a blank required one as an empty text, so that the API names it), lists and rows as given.
 */
export function inputFromValues(values: FormValues, fields: readonly InputField[]): FormInput {
  const input: Record<string, unknown> = {};
  const formRows: Record<string, number[]> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.shape === "rows") {
      const group = rowsOf(values, field);
      input[field.name] = group.rows;
      formRows[field.name] = group.formRows;
    } else if (field.shape === "list") input[field.name] = Array.isArray(value) ? value : value ? [value] : [];
    else {
      const scalar = scalarOf(field, typeof value === "string" ? value : "");
      input[field.name] = scalar === null && field.required && field.shape === "scalar" ? "" : scalar;
    }
  }
  return { input, formRows };
}
