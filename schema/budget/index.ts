import type { Feature } from "../features.types.js";
import { BudgetLineMutationResolver } from "./budget-line-mutation.resolver.js";
import { StrategyBudgetResolver } from "./budget-line-edges.resolver.js";
import { BudgetLine } from "./budget-line.entity.js";
import { budgetLineKind } from "./budget-line.write.js";
import { budgetLineExport } from "./budget-line.export.js";

/** A strategy's budget lines. */
export const budgetFeature: Feature = {
  name: "budget",
  nodes: [BudgetLine],
  resolvers: [BudgetLineMutationResolver, StrategyBudgetResolver],
  publishable: [budgetLineKind],
  cited: [BudgetLine],
  exports: [budgetLineExport],
};
