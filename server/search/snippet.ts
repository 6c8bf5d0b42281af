import escapeHtml from "escape-html";

/** Marks the start of a matched word in text from the engines; a private-use character no text holds. */
export const MARK_START = "\uE000";
/** Marks the end of a matched word. */
export const MARK_END = "\uE001";

const SENTINELS = /[\uE000\uE001]/g;

/** Removes the sentinels from source text, so that only the engine's marks remain. */
export function withoutSentinels(text: string): string {
  return text.replace(SENTINELS, "");
}

/**
 * Turns text with sentinel marks into safe HTML: everything escaped, then each marked
 * run wrapped in `<mark>`. Unbalanced sentinels are dropped.
 */
export function markedSnippet(text: string): string {
  let html = "";
  let open = false;
  for (const piece of text.split(/([\uE000\uE001])/)) {
    if (piece === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (piece === MARK_END) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(piece);
    }
  }
  return open ? `${html}</mark>` : html;
}

/** Whether text from an engine holds a marked word. */
export function hasMark(text: string): boolean {
  return text.includes(MARK_START);
}
