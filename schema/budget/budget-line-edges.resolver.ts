import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { PagedListArgs } from "../common/list-bounds.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { BudgetLine } from "./budget-line.entity.js";

/** Adds `budget` to a strategy: the budget feature's edge. */
@Resolver(() => Strategy)
export class StrategyBudgetResolver {
  @FieldResolver(() => [BudgetLine], { description: "Budget lines, by year, in the source's order." })
  budget(
    @Root() strategy: Strategy,
    @Args() { first, offset }: PagedListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<BudgetLine[]> {
    return loaders.byParent(BudgetLine, "strategy", { year: "asc", position: "asc" }, first, offset).load(strategy.id);
  }
}
