import { registerEnumType } from "type-graphql";

/** Where a digitalisation strategy stands in its life cycle. */
export enum StrategyStatus {
  IN_PREPARATION = "IN_PREPARATION",
  ADOPTED = "ADOPTED",
  IN_IMPLEMENTATION = "IN_IMPLEMENTATION",
  SUPERSEDED = "SUPERSEDED",
}

/**
 * The GraphQL enum `StrategyStatus`: the stored values and `DRAFT`, the deprecated old name of `IN_PREPARATION`
 * (issue 16: it read like the publication state). `DRAFT` means `IN_PREPARATION` on input; it comes first so that
 * graphql-js, which looks output values up in a map where the last name of a value wins, answers `IN_PREPARATION`.
 * Fields and arguments declare this object as their GraphQL type and `StrategyStatus` as their TypeScript type.
 */
export const StrategyStatusValue = { DRAFT: StrategyStatus.IN_PREPARATION, ...StrategyStatus } as const;

registerEnumType(StrategyStatusValue, {
  name: "StrategyStatus",
  description: "Life-cycle state of a strategy.",
  valuesConfig: {
    DRAFT: {
      description: "Old name of `IN_PREPARATION`, accepted on input as that value and never returned.",
      deprecationReason: "Use IN_PREPARATION: DRAFT read like the publication state.",
    },
    IN_PREPARATION: { description: "Being drawn up or presented, not yet adopted by the council." },
    ADOPTED: { description: "Adopted by the council." },
    IN_IMPLEMENTATION: { description: "Adopted (or running) and being carried out." },
    SUPERSEDED: { description: "Replaced by a newer strategy." },
  },
});

/** German names of the strategy statuses: the website, project cards and exports (`*_label` columns) show them. */
export const STRATEGY_STATUS_LABELS: Readonly<Record<StrategyStatus, string>> = {
  IN_PREPARATION: "In Erarbeitung",
  ADOPTED: "Beschlossen",
  IN_IMPLEMENTATION: "In Umsetzung",
  SUPERSEDED: "Abgelöst",
};
