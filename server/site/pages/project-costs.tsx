import type { VNode } from "preact";
import { formatAmountDe } from "../../embed/format.js";
import { COST_KIND_LABELS, COST_PERIOD_LABELS } from "../../embed/labels.js";
import { Sources } from "../layout.js";
import type { ProjectData } from "../queries.js";

type Cost = NonNullable<ProjectData["project"]>["costs"][number];

function labelOf(
  labels: Readonly<Record<string, string>>,
  value: string,
): string {
  return Object.hasOwn(labels, value) ? labels[value] : value;
}

/**
 * A project's cost items as a table: amount, period and kind, what for, and the
 * sources. Comparison values and differences are kept apart from costs in words,
 * since adding them up would double-count (the API's `CostKind` says the same).
 */
export function ProjectCosts({ costs }: { costs: Cost[] }): VNode | null {
  if (costs.length === 0) return null;
  const hasReferences = costs.some((cost) => cost.kind !== "COST");
  return (
    <section aria-labelledby="kosten">
      <h2 id="kosten">Kosten</h2>
      {hasReferences ? (
        <p>
          Nur Posten der Art „Kosten“ sind Kosten des Projekts; Vergleichswerte
          und Differenzen dienen der Einordnung.
        </p>
      ) : null}
      <table class="costs">
        <thead>
          <tr>
            <th scope="col">Betrag</th>
            <th scope="col">Art</th>
            <th scope="col">Wofür</th>
          </tr>
        </thead>
        <tbody>
          {costs.map((cost, index) => (
            <tr key={index}>
              <td>
                <span class="amount">
                  {formatAmountDe(cost.amount, cost.currency)}
                </span>{" "}
                {labelOf(COST_PERIOD_LABELS, cost.period)}
              </td>
              <td>{labelOf(COST_KIND_LABELS, cost.kind)}</td>
              <td>
                {cost.description}
                {cost.note ? <p class="meta">{cost.note}</p> : null}
                <Sources sources={cost.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
