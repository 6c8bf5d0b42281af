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

/** The name of the checkbox that removes a row of a repeatable group (a field of the form, not of the API). */
export const REMOVE_ROW = "entfernen";
/** That checkbox as a field, to read it from a posted body like the row's other fields. */
const REMOVE_FIELD: InputField = {
  name: REMOVE_ROW,
  description: "",
  required: false,
  type: "Boolean",
  shape: "scalar",
  values: [],
  rowFields: [],
};

function text(value: unknown): string | null {
  return typeof value === "string" ? value.slice(0, MAX_VALUE) : null;
}

/** The texts of a field posted once or several times (a multiple select); blank ones left out. */
function texts(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(text).filter((item): item is string => !!item);
}

/** The prefix of the line beside a long picker where keys beyond its suggestions are typed: `weitere.topics`. */
export const TYPED_KEYS = "weitere.";
/** The most keys one such line adds (the API's lists hold at most 50 references). */
const MAX_TYPED_KEYS = 50;

/** The keys typed into a picker's line, separated by commas, semicolons or spaces. */
function typedKeys(value: unknown): string[] {
  return texts(value)
    .flatMap((line) => line.split(/[\s,;]+/))
    .filter(Boolean)
    .slice(0, MAX_TYPED_KEYS);
}

/** A multiple choice as posted: the chosen entries and the keys typed beside them, each once; null when neither was posted. */
function postedList(body: Record<string, unknown>, key: string): string[] | null {
  const chosen = body[key];
  const typed = body[TYPED_KEYS + key];
  if (chosen === undefined && typed === undefined) return null;
  return [...new Set([...texts(chosen), ...typedKeys(typed)])];
}

/** A row's field the form carries but does not show: the ID of the row's existing item. */
export function isHiddenRowField(field: InputField): boolean {
  return field.name === "id" && field.type === "ID";
}

/** The value of one field as posted: a list for a multiple choice, else its (first) text; null when not posted. */
function postedValue(field: InputField, posted: unknown): string | string[] | null {
  if (field.shape === "list") return posted === undefined ? null : texts(posted);
  return Array.isArray(posted) ? text(posted[0]) : text(posted);
}

/** The values of `fields` in a posted body; anything else the body holds is ignored. */
export function valuesFromBody(body: Record<string, unknown>, fields: readonly InputField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const posted = body[field.name];
    if (field.shape === "rows") {
      for (let index = 0; index < MAX_ROWS; index++)
        for (const sub of [...field.rowFields, REMOVE_FIELD]) {
          const key = rowKey(field.name, index, sub.name);
          const value = sub.shape === "list" ? postedList(body, key) : postedValue(sub, body[key]);
          if (value !== null) values[key] = value;
        }
    } else if (field.shape === "list") values[field.name] = postedList(body, field.name) ?? [];
    else {
      const value = postedValue(field, posted);
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
        for (const sub of field.rowFields)
          values[rowKey(field.name, index, sub.name)] = formValueOf(sub, row[sub.name]);
      });
    } else values[field.name] = formValueOf(field, value);
  }
  return values;
}

/** A value as the API reads it as a form value: a list of references for a list field, else one reference. */
function formValueOf(field: InputField, value: unknown): string | string[] {
  return field.shape === "list" ? (Array.isArray(value) ? value : []).map(referenceOf) : referenceOf(value);
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

/** A list field's value for the API: its non-blank entries. */
function listOf(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).map((item) => item.trim()).filter(Boolean);
}

/** Whether a row's field holds nothing: null, or an empty list. */
const blank = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

/**
 * The rows of a group as input objects, and the form row each came from. A row marked for removal is left out,
 * and so is a blank one (its hidden ID aside: clearing an existing row removes it too).
 */
function rowsOf(values: FormValues, field: InputField): { rows: Record<string, unknown>[]; formRows: number[] } {
  const rows: Record<string, unknown>[] = [];
  const formRows: number[] = [];
  for (let index = 0; index < rowsIn(values, field.name); index++) {
    if (values[rowKey(field.name, index, REMOVE_ROW)]) continue;
    const row: Record<string, unknown> = {};
    for (const sub of field.rowFields) {
      const value = values[rowKey(field.name, index, sub.name)];
      row[sub.name] = sub.shape === "list" ? listOf(value) : scalarOf(sub, typeof value === "string" ? value : "");
    }
    const shown = field.rowFields.filter((sub) => !isHiddenRowField(sub));
    if (shown.every((sub) => blank(row[sub.name]))) continue;
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
      // A post without any field of the group (not from this form) leaves the group as it is, rather than emptying it.
      if (rowsIn(values, field.name) === 0) continue;
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
