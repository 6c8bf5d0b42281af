import { registerEnumType } from "type-graphql";

/** Whether a cost item is a cost of the project or a figure to compare it with. */
export enum CostKind {
  COST = "COST",
  COMPARISON = "COMPARISON",
  DIFFERENCE = "DIFFERENCE",
}

registerEnumType(CostKind, {
  name: "CostKind",
  description: "What a cost item states. Sum only `COST` items to get what a project costs.",
  valuesConfig: {
    COST: { description: "A cost of the project itself." },
    COMPARISON: { description: "A reference figure, e.g. what the software replaced so far cost." },
    DIFFERENCE: { description: "Extra (or saved) cost compared with the reference, as the source states it." },
  },
});

/** German names of the cost kinds: the website, project cards and exports (`*_label` columns) show them. */
export const COST_KIND_LABELS: Readonly<Record<CostKind, string>> = {
  COST: "Kosten",
  COMPARISON: "Vergleichswert",
  DIFFERENCE: "Differenz",
};
