import type { VNode } from "preact";

// The hub serves German readers: a day is the day in Germany, whatever the server's zone.
const GERMAN_DAY = new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Berlin" });

/** A moment (ISO date-time) as a German date, e.g. `5. Dezember 2026`. */
export function formatGermanDay(moment: string): string {
  return GERMAN_DAY.format(new Date(moment));
}

/** The latest of some ISO date-times (they compare as moments, not as text). */
function latest(first: string, rest: readonly string[]): string {
  return rest.reduce((last, moment) => (Date.parse(moment) > Date.parse(last) ? moment : last), first);
}

/**
 * "Stand: 5. Dezember 2026": when the page's record last changed (the API's
 * `updatedAt`), or its parts shown with it (`parts`: a strategy's fields of action), whichever changed last.
 */
export function Stand({ updatedAt, parts = [] }: { updatedAt: string; parts?: readonly string[] }): VNode {
  const moment = latest(updatedAt, parts);
  return (
    <p class="stand">
      Stand: <time datetime={new Date(moment).toISOString()}>{formatGermanDay(moment)}</time>
    </p>
  );
}
