/**
 * The hub's opaque cursors (list pages, search pages, export pages): a JSON array in base64url. Its first item
 * says what the cursor belongs to; the reader checks the rest. Issued cursors stay valid, so the format is fixed.
 */
export function encodeCursorItems(items: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(items)).toString("base64url");
}

/** The items of a cursor; null when it is not base64url-encoded JSON of an array. */
export function decodeCursorItems(cursor: string): unknown[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  return Array.isArray(parsed) ? parsed : null;
}
