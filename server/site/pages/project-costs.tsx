import type { VNode } from "preact";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Sources } from "../layout.js";
import type { ProjectData } from "../queries.js";

type Cost = NonNullable<ProjectData["project"]>["costs"][number];
type Summary = NonNullable<ProjectData["project"]>["costSummary"][number];

/** The sums of a summary entry that have items, as [period key, sum, item count]. */
function summaryRows(summary: Summary) {
  const rows = [
    ["oneOff", summary.oneOff, summary.oneOffItemCount],
    ["annual", summary.annual, summary.annualItemCount],
    ["overStatedTerms", summary.overStatedTerms, summary.overStatedTermsItemCount],
  ] as const;
  return rows.filter(([, sum, count]) => sum !== null && count > 0);
}

/** The API's `costSummary` as a table: per currency, the sums of the `COST` items by period, with their item counts. */
function CostSummaryTable({ summaries }: { summaries: Summary[] }): VNode | null {
  const { t, formatAmount } = useSiteLanguage();
  if (summaries.length === 0) return null;
  return (
    <table class="costs cost-summary">
      <caption>{t.project.costSummary}</caption>
      <thead>
        <tr>
          <th scope="col">{t.project.summaryPeriod}</th>
          <th scope="col">{t.project.summarySum}</th>
          <th scope="col">{t.project.summaryItems}</th>
        </tr>
      </thead>
      <tbody>
        {summaries.flatMap((summary) =>
          summaryRows(summary).map(([period, sum, count]) => (
            <tr key={`${summary.currency} ${period}`}>
              <th scope="row">{t.project.summaryPeriods[period]}</th>
              <td class="amount">{formatAmount(sum!, summary.currency)}</td>
              <td>{count}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/**
 * A project's cost items as a table: amount, period and kind, what for, and the
 * sources; above it the API's summary of the `COST` items. Comparison values and differences are kept apart from costs in words,
 * since adding them up would double-count (the API's `CostKind` says the same).
 */
export function ProjectCosts({ costs, summaries }: { costs: Cost[]; summaries: Summary[] }): VNode | null {
  const { t, contentLang, label, formatAmount } = useSiteLanguage();
  if (costs.length === 0) return null;
  const hasReferences = costs.some((cost) => cost.kind !== "COST");
  return (
    <section aria-labelledby="kosten">
      <h2 id="kosten">{t.project.costs}</h2>
      {hasReferences ? <p>{t.project.costsNote}</p> : null}
      {summaries.length > 0 ? <p>{t.project.costSummaryNote}</p> : null}
      <CostSummaryTable summaries={summaries} />
      {/* A narrow screen scrolls the items in their own box: squeezed beside amount and kind, the purpose broke letter by letter. */}
      <div class="table-scroll" role="region" aria-labelledby="kosten" tabIndex={0}>
        <table class="costs">
          <thead>
            <tr>
              <th scope="col">{t.project.amount}</th>
              <th scope="col">{t.project.kind}</th>
              <th scope="col">{t.project.purpose}</th>
            </tr>
          </thead>
          <tbody>
            {costs.map((cost, index) => (
              <tr key={index}>
                <td>
                  <span class="amount">{formatAmount(cost.amount, cost.currency)}</span>{" "}
                  {label("costPeriod", cost.period)}
                </td>
                <td class="cost-kind">{label("costKind", cost.kind)}</td>
                <td>
                  <InGerman>{cost.description}</InGerman>
                  {cost.note ? (
                    <p class="meta" lang={contentLang}>
                      {cost.note}
                    </p>
                  ) : null}
                  <Sources sources={cost.sources} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
