import { decodeCursorItems, encodeCursorItems } from "../../schema/common/cursor.js";
import type { ExportCursor } from "../../schema/common/export/paging.js";
import { MAX_SLUG_LENGTH } from "../../schema/common/slug.args.js";

// Names and titles are far shorter; anything longer was not issued by the hub.
const MAX_TEXT = 1000;

/** The opaque `after` value of the page of export `kind` (its name, e.g. `projects`) that follows `key`. */
export function encodeExportCursor(kind: string, key: ExportCursor): string {
  return encodeCursorItems([kind, key.municipality, key.title, key.slug]);
}

/** Reads an `after` value back; null for anything the hub did not issue for this export. */
export function decodeExportCursor(kind: string, raw: string): ExportCursor | null {
  if (raw.length > 4 * MAX_TEXT || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const parsed = decodeCursorItems(raw);
  if (!parsed || parsed.length !== 4 || parsed[0] !== kind) return null;
  const [, municipality, title, slug] = parsed;
  const text = (value: unknown, max: number) =>
    typeof value === "string" && value.length <= max && !value.includes("\u0000");
  if (!text(municipality, MAX_TEXT) || !text(title, MAX_TEXT) || !text(slug, MAX_SLUG_LENGTH)) return null;
  return { municipality: municipality as string, title: title as string, slug: slug as string };
}

/** The opaque `after` value of a page of an export with its own paging (`RecordExport.paging`): its name and the key of the previous page's last row. */
export function encodeKeyCursor(kind: string, key: readonly (string | number)[]): string {
  return encodeCursorItems([kind, ...key]);
}

/** Reads such a value back: a key of `length` texts or whole numbers; null for anything the hub did not issue for this export. */
export function decodeKeyCursor(kind: string, raw: string, length: number): (string | number)[] | null {
  if (raw.length > 4 * MAX_TEXT * length || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const parsed = decodeCursorItems(raw);
  if (!parsed || parsed.length !== length + 1 || parsed[0] !== kind) return null;
  const key = parsed.slice(1);
  const valid = (value: unknown) =>
    Number.isSafeInteger(value) || (typeof value === "string" && value.length <= MAX_TEXT && !value.includes("\u0000"));
  return key.every(valid) ? (key as (string | number)[]) : null;
}
