import type { VNode } from "preact";

/** A revision's JSON value as an editor reads it: empty, a list joined, an object's slug, key or title, else the text. */
export function readable(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) return value.map(readable).join(", ");
  if (typeof value === "object") {
    const { slug, key, title, name } = value as Record<string, unknown>;
    const named = slug ?? key ?? title ?? name;
    return named !== undefined ? String(named) : JSON.stringify(value);
  }
  return String(value);
}

/** A value in a diff cell: the text, or "(leer)" marked as such. */
export function ChangeValue({ value }: { value: unknown }): VNode {
  const text = readable(value);
  return text ? <span class="change-value">{text}</span> : <em>(leer)</em>;
}

/** A moment as German day and time in Germany. */
export const DAY_TIME = new Intl.DateTimeFormat("de-DE", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Berlin",
});

/** The "before" and "after" cells of one changed field. */
export function BeforeAfter({ change }: { change: { before: unknown; after: unknown } }): VNode {
  return (
    <>
      <td>
        <ChangeValue value={change.before} />
      </td>
      <td>
        <ChangeValue value={change.after} />
      </td>
    </>
  );
}
