import { describe, expect, it } from "vitest";
import { percentile, sameButSplitCharacters } from "../../server/cli/bench-figures.js";

/** The body as autocannon 9 builds it: each chunk decoded on its own (`body += chunk`). */
function decodedPerChunk(text: string, splitAt: number): string {
  const bytes = Buffer.from(text);
  return bytes.subarray(0, splitAt).toString() + bytes.subarray(splitAt).toString();
}

describe("sameButSplitCharacters", () => {
  const expected = '{"title":"Einführung – Gebäude 🏛 e-Akte"}';

  it("takes an answer whose characters autocannon split between chunks, wherever the split falls", () => {
    const splits = [...Array(Buffer.byteLength(expected) - 1).keys()].map((at) => at + 1);
    const broken = splits.map((at) => decodedPerChunk(expected, at)).filter((text) => text !== expected);
    expect(broken.length).toBeGreaterThan(5);
    for (const text of broken) expect(sameButSplitCharacters(text, expected), text).toBe(true);
  });

  it("refuses answers with other differences", () => {
    const split = decodedPerChunk(expected, expected.indexOf("ü") + 1);
    expect(split).toContain("\uFFFD\uFFFD");
    expect(sameButSplitCharacters(split.replace("Akte", "Akt"), expected)).toBe(false);
    expect(sameButSplitCharacters(split.replace("Geb", "Gab"), expected)).toBe(false);
    expect(sameButSplitCharacters(expected.replace("e-Akte", "\uFFFD\uFFFD-Akte"), expected)).toBe(false);
    expect(sameButSplitCharacters(expected.replace("ä", "\uFFFD"), expected)).toBe(false);
    expect(sameButSplitCharacters(`${split}x`, expected)).toBe(false);
    expect(sameButSplitCharacters(expected, expected)).toBe(false);
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});
