/**
 * Unicode's bidirectional control characters (the `Bidi_Control` property): the
 * marks U+061C, U+200E and U+200F, the embeddings and overrides U+202A–U+202E and
 * the isolates U+2066–U+2069. They are invisible and reorder the text around them:
 * a right-to-left override makes "Bericht\u202Egpj.exe" display as "Berichtexe.jpg".
 */
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

/** The first bidirectional control character in `text` as `U+XXXX`, or null when it has none. */
export function findBidiControl(text: string): string | null {
  const match = text.match(/\p{Bidi_Control}/u);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/** Drops every bidirectional control character, so that stored text shows in the order it was written. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
