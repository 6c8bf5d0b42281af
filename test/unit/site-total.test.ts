/** How the site shows a list's `totalCount`: as it is when exact, rounded and marked when the API estimated it. */
import { describe, expect, it } from "vitest";
import { siteLanguage } from "../../server/site/i18n/site-language.js";

describe("formatTotal", () => {
  const de = siteLanguage("de", "/");
  const en = siteLanguage("en", "/");

  it("shows an exact count in full", () => {
    expect(de.formatTotal({ totalCount: 60_019, totalCountIsExact: true })).toBe("60.019");
    expect(en.formatTotal({ totalCount: 0, totalCountIsExact: true })).toBe("0");
  });

  it("rounds an estimate to two digits and says it is one", () => {
    expect(de.formatTotal({ totalCount: 60_019, totalCountIsExact: false })).toBe("rund 60.000");
    expect(en.formatTotal({ totalCount: 487_612, totalCountIsExact: false })).toBe("about 490,000");
    expect(de.formatTotal({ totalCount: 1_001, totalCountIsExact: false })).toBe("rund 1.000");
  });
});
