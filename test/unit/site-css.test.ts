/**
 * The site's stylesheet is well-formed: every block closes. A `}` lost in a merge
 * does not fail any page in a browser; it silently nests every later rule inside
 * the unclosed one (CSS nesting), so that whole sections lose their styles.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

describe("server/site/assets/site.css", () => {
  it("closes every block it opens, and never closes one it did not open", async () => {
    const css = (await readFile(new URL("../../server/site/assets/site.css", import.meta.url), "utf8")).replace(
      /\/\*[\s\S]*?\*\//g,
      "",
    );
    let depth = 0;
    const topLevelRulesInsideABlock: string[] = [];
    for (const [index, line] of css.split("\n").entries()) {
      // A rule written at the start of a line belongs to the top level (or opens an @media block).
      if (depth > 0 && /^[.#a-z*:[]/i.test(line) && line.trimEnd().endsWith("{"))
        topLevelRulesInsideABlock.push(`${index + 1}: ${line}`);
      for (const char of line) {
        if (char === "{") depth++;
        if (char === "}") depth--;
        expect(depth, `line ${index + 1}`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(topLevelRulesInsideABlock).toEqual([]);
    expect(depth).toBe(0);
  });
});
