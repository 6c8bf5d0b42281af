/**
 * How the change feed writes a moment (server/site/changes/change-view.ts, the site's messages): Berlin time in
 * either language, summer and winter, from the formatters made once.
 */
import { describe, expect, it } from "vitest";
import { formatMoment } from "../../server/site/changes/change-view.js";
import { MESSAGES } from "../../server/site/i18n/messages.js";

describe("a change's moment", () => {
  it("is written the German way in Berlin time, winter and summer", () => {
    expect(formatMoment("2026-12-05T14:03:00Z")).toBe("05.12.2026, 15:03 Uhr");
    expect(formatMoment("2026-07-01T22:30:00.000Z")).toBe("02.07.2026, 00:30 Uhr");
    expect(MESSAGES.de.changes.moment("2026-12-05T14:03:00Z")).toBe("05.12.2026, 15:03 Uhr");
  });

  it("is written the English way in Berlin time, saying so", () => {
    expect(MESSAGES.en.changes.moment("2026-12-05T14:03:00Z")).toBe("5 Dec 2026, 15:03 (Berlin time)");
    expect(MESSAGES.en.changes.moment("2026-07-01T22:30:00Z")).toBe("2 Jul 2026, 00:30 (Berlin time)");
  });
});
