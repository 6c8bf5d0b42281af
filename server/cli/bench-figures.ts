import os from "node:os";

/** The `p`-th percentile (nearest rank) of `sorted`, ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The machine's load averages over 1, 5 and 15 minutes, for a benchmark's figures on a shared machine. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
}

/**
 * Whether `text` is `expected` but for characters that autocannon broke: it decodes each TCP chunk of a body on its
 * own (`body += chunk`, autocannon 9), so a character of several UTF-8 bytes split between two chunks arrives as two
 * or three U+FFFD. Such answers were counted as differing (a few dozen per run of the 452 KB answer, for both servers).
 */
export function sameButSplitCharacters(text: string, expected: string): boolean {
  if (!text.includes("\uFFFD")) return false;
  let at = 0;
  let expectedAt = 0;
  while (at < text.length && expectedAt < expected.length) {
    if (text[at] === expected[expectedAt]) {
      at++;
      expectedAt++;
      continue;
    }
    const codePoint = expected.codePointAt(expectedAt)!;
    if (text[at] !== "\uFFFD" || codePoint < 0x80) return false;
    const bytes = Buffer.byteLength(String.fromCodePoint(codePoint));
    let replaced = 0;
    while (text[at] === "\uFFFD" && replaced < bytes) (at++, replaced++);
    if (replaced < 2) return false;
    expectedAt += codePoint > 0xffff ? 2 : 1;
  }
  return at === text.length && expectedAt === expected.length;
}
