/**
 * Returns `value` as a normalised absolute URL when it is an `http:` or `https:`
 * URL, otherwise null. Every link the embeds render goes through here, so that
 * stored data can never produce a `javascript:`, `data:` or relative link.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  // The URL parser quietly drops tabs and newlines ("java\nscript:"); refuse control characters instead.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // Credentials in a link would be shown to every reader of a municipal website.
  if (url.username || url.password) return null;
  return url.href;
}
