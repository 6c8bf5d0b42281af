import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";

/** The latest of some ISO date-times (they compare as moments, not as text). */
function latest(first: string, rest: readonly string[]): string {
  return rest.reduce((last, moment) => (Date.parse(moment) > Date.parse(last) ? moment : last), first);
}

/**
 * "Stand: 5. Dezember 2026": when the page's record last changed (the API's
 * `updatedAt`), or its parts shown with it (`parts`: a strategy's fields of action), whichever changed last.
 */
export function Stand({ updatedAt, parts = [] }: { updatedAt: string; parts?: readonly string[] }): VNode {
  const { t, formatDay } = useSiteLanguage();
  const moment = latest(updatedAt, parts);
  return (
    <p class="stand">
      {t.layout.asOf}
      <time datetime={new Date(moment).toISOString()}>{formatDay(moment)}</time>
    </p>
  );
}

/** "(Stand laut Quelle: November 2018)": the date the record's source gives its status for; nothing when none does. */
export function StatusAsOf({ date }: { date: string | null }): VNode | null {
  const { t, formatNamedMonth } = useSiteLanguage();
  if (!date) return null;
  return (
    <span class="status-as-of">
      {" ("}
      {t.layout.statusAsOf}
      <time datetime={date}>{formatNamedMonth(date)}</time>)
    </span>
  );
}
