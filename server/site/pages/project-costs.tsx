import type { VNode } from "preact";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Sources } from "../layout.js";
import type { ProjectData } from "../queries.js";

type Cost = NonNullable<ProjectData["project"]>["costs"][number];

/**
 * A project's cost items as a table: amount, period and kind, what for, and the
 * sources. Comparison values and differences are kept apart from costs in words,
 * since adding them up would double-count (the API's `CostKind` says the same).
 */
export function ProjectCosts({ costs }: { costs: Cost[] }): VNode | null {
  const { t, contentLang, label, formatAmount } = useSiteLanguage();
  if (costs.length === 0) return null;
  const hasReferences = costs.some((cost) => cost.kind !== "COST");
  return (
    <section aria-labelledby="kosten">
      <h2 id="kosten">{t.project.costs}</h2>
      {hasReferences ? <p>{t.project.costsNote}</p> : null}
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
              <td>{label("costKind", cost.kind)}</td>
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
    </section>
  );
}
