import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ByIdArgs } from "../publishing/record-address.args.js";
import { BudgetLineInput, CreateBudgetLineInput } from "./budget-line-write.inputs.js";
import { BudgetLine } from "./budget-line.entity.js";
import { createBudgetLineRecord, updateBudgetLineRecord } from "./budget-line.write.js";

/** Creates and changes budget lines. */
@Resolver(() => BudgetLine)
export class BudgetLineMutationResolver {
  @Mutation(() => BudgetLine, { description: "Adds a budget line to a strategy, as a draft." })
  createBudgetLine(
    @Arg("input", () => CreateBudgetLineInput, { description: "The new record's fields." })
    input: CreateBudgetLineInput,
    @Ctx() ctx: HubContext,
  ): Promise<BudgetLine> {
    return createBudgetLineRecord(ctx, input);
  }

  @Mutation(() => BudgetLine, {
    description: "Changes a budget line, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateBudgetLine(
    @Args(() => ByIdArgs) target: ByIdArgs,
    @Arg("version", () => Int, { description: "The budget line's `version` as you last read it." }) version: number,
    @Arg("input", () => BudgetLineInput, { description: "The fields to change; those left out keep their value." })
    input: BudgetLineInput,
    @Ctx() ctx: HubContext,
  ): Promise<BudgetLine> {
    return updateBudgetLineRecord(ctx, target, version, input);
  }
}
