import type { VNode } from "preact";
import { isHiddenRowField } from "../forms/form-values.js";
import type { InputField } from "../forms/input-fields.js";
import { enumLabel, fieldName, type KindLabels, REVISION_ENUMS } from "../forms/labels.js";

/** A moment as German day and time in Germany. */
export const DAY_TIME = new Intl.DateTimeFormat("de-DE", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Berlin",
});
const DAY = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" });
const AMOUNT = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 6 });

/** Types whose texts are dates (a partial date: a year, a month or a day). */
const DATE_TYPES = new Set(["PartialDate", "Date", "DateTime"]);

/**
 * What a history or conflict view knows of a changed field: its input field (type, enum values, a group's row fields),
 * where the form has one, and its name (for fields only revisions hold, such as `publicationState`).
 */
export interface ValueOf {
  name: string;
  field?: InputField;
  labels?: KindLabels;
}

/** A date as the API keeps it, in German: "17.05.2023", "Mai 2023", "2023", or a moment; null when it is none. */
function dateText(text: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return DAY.format(new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))));
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) return MONTH.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text)) return DAY_TIME.format(new Date(text));
  return null;
}

/** One scalar as an editor reads it: an enum's German label, a date, an amount or number in German, yes or no. */
function scalarText(value: unknown, of: ValueOf): string {
  const { field, name } = of;
  if (typeof value === "boolean") return value ? "ja" : "nein";
  const enumType = field?.values.length ? field.type : REVISION_ENUMS[name];
  if (enumType && typeof value === "string") {
    const description = field?.values.find((entry) => entry.name === value)?.description ?? "";
    return enumLabel(enumType, value, description);
  }
  if (typeof value === "number") return field?.type === "Int" ? String(value) : NUMBER.format(value);
  const text = String(value);
  if (field?.type === "Decimal" && /^-?\d+(\.\d+)?$/.test(text)) return AMOUNT.format(Number(text));
  if (!field || DATE_TYPES.has(field.type)) return dateText(text) ?? text;
  return text;
}

/** The rows of a group (a project's costs, an indicator's values) in their order, a row's `position` deciding. */
function orderedRows(value: unknown): Record<string, unknown>[] {
  const rows = (Array.isArray(value) ? value : []).filter(
    (row): row is Record<string, unknown> => !!row && typeof row === "object" && !Array.isArray(row),
  );
  const position = (row: Record<string, unknown>) => (typeof row.position === "number" ? row.position : 0);
  return [...rows].sort((a, b) => position(a) - position(b));
}

/**
 * One row of a group as a line: each filled field with its German label, its value as an editor reads it; the hidden
 * id and the row's position (its place in the list) left out.
 */
export function rowText(group: InputField, row: Record<string, unknown>, labels?: KindLabels): string {
  return group.rowFields
    .filter((sub) => !isHiddenRowField(sub) && readable(row[sub.name], { name: sub.name, field: sub }))
    .map((sub) => {
      const key = `${group.name}.${sub.name}`;
      return `${fieldName(key, labels)}: ${readable(row[sub.name], { name: key, field: sub, labels })}`;
    })
    .join("; ");
}

/**
 * A revision's (or a form's) value as an editor reads it: empty, a list joined, a related record by its slug or key,
 * a group's rows as lines, and every scalar as scalarText gives it; never JSON.
 */
export function readable(value: unknown, of: ValueOf = { name: "" }): string {
  if (value === null || value === undefined || value === "") return "";
  if (of.field?.shape === "rows")
    return orderedRows(value)
      .map((row) => rowText(of.field!, row, of.labels))
      .join(" | ");
  if (Array.isArray(value)) return value.map((item) => readable(item, of)).join(", ");
  if (typeof value === "object") {
    const { slug, key, title, name } = value as Record<string, unknown>;
    const named = slug ?? key ?? title ?? name;
    return named !== undefined && named !== null ? String(named) : "";
  }
  return scalarText(value, of);
}

/** A value in a diff cell: the text, a group's rows as a list, or "(leer)" marked as such. */
export function ChangeValue({ value, of }: { value: unknown; of?: ValueOf }): VNode {
  const group = of?.field?.shape === "rows" ? of.field : null;
  if (group) {
    const rows = orderedRows(value);
    return rows.length ? (
      <ol class="row-list">
        {rows.map((row, index) => (
          <li key={index}>{rowText(group, row, of?.labels)}</li>
        ))}
      </ol>
    ) : (
      <em>(keine)</em>
    );
  }
  const text = readable(value, of);
  return text ? <span class="change-value">{text}</span> : <em>(leer)</em>;
}

/** The "before" and "after" cells of one changed field. */
export function BeforeAfter({ change, of }: { change: { before: unknown; after: unknown }; of?: ValueOf }): VNode {
  return (
    <>
      <td>
        <ChangeValue value={change.before} of={of} />
      </td>
      <td>
        <ChangeValue value={change.after} of={of} />
      </td>
    </>
  );
}
