import { registerEnumType } from "type-graphql";

/** What period a cost item's amount covers. */
export enum CostPeriod {
  ONE_OFF = "ONE_OFF",
  ANNUAL = "ANNUAL",
  MONTHLY = "MONTHLY",
  TOTAL = "TOTAL",
}

registerEnumType(CostPeriod, {
  name: "CostPeriod",
  description: "The period a cost amount refers to.",
  valuesConfig: {
    ONE_OFF: { description: "Paid once." },
    ANNUAL: { description: "Per year (p.a.)." },
    MONTHLY: { description: "Per month." },
    TOTAL: { description: "Over the whole term stated in the description." },
  },
});

/** German names of the cost periods: the website, project cards and exports (`*_label` columns) show them. */
export const COST_PERIOD_LABELS: Readonly<Record<CostPeriod, string>> = {
  ONE_OFF: "einmalig",
  ANNUAL: "jährlich",
  MONTHLY: "monatlich",
  TOTAL: "gesamt",
};
