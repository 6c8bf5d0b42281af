import type { VNode } from "preact";

const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

/** Text the API escaped (escape-html) back as it was written; the template escapes it again. */
function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/** A snippet's pieces: the text between the API's `<mark>` tags, and whether each piece is marked. */
export function snippetPieces(snippet: string): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") marked = part === "<mark>";
    else if (part) pieces.push({ text: unescapeHtml(part), marked });
  }
  return pieces;
}

/**
 * A search snippet with its matched words in `<mark>`. The API's snippet is HTML
 * (escaped text plus `<mark>`); it is never injected: it is split at the marks and
 * each piece rendered as text, so stored markup stays text whatever the engine did.
 */
export function MarkedSnippet({ snippet }: { snippet: string }): VNode {
  return (
    <>
      {snippetPieces(snippet).map((piece, index) =>
        piece.marked ? <mark key={index}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}
