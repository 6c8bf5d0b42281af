import { registerEnumType } from "type-graphql";

/** Where a digitalisation strategy stands in its life cycle. */
export enum StrategyStatus {
  DRAFT = "DRAFT",
  ADOPTED = "ADOPTED",
  IN_IMPLEMENTATION = "IN_IMPLEMENTATION",
  SUPERSEDED = "SUPERSEDED",
}

registerEnumType(StrategyStatus, {
  name: "StrategyStatus",
  description: "Life-cycle state of a strategy.",
  valuesConfig: {
    DRAFT: { description: "Being drawn up or presented, not yet adopted by the council." },
    ADOPTED: { description: "Adopted by the council." },
    IN_IMPLEMENTATION: { description: "Adopted (or running) and being carried out." },
    SUPERSEDED: { description: "Replaced by a newer strategy." },
  },
});

/** German names of the strategy statuses: the website, project cards and exports (`*_label` columns) show them. */
export const STRATEGY_STATUS_LABELS: Readonly<Record<StrategyStatus, string>> = {
  DRAFT: "Entwurf",
  ADOPTED: "Beschlossen",
  IN_IMPLEMENTATION: "In Umsetzung",
  SUPERSEDED: "Abgelöst",
};
