import { ref } from "@mikro-orm/core";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { nextPosition, resolveOwnStrategy } from "../strategy/strategy.service.js";
import { BudgetLineInput, CreateBudgetLineInput } from "./budget-line-write.inputs.js";
import { BudgetLine } from "./budget-line.entity.js";

/** How the write path handles budget lines. */
export const budgetLineKind: RecordKind<BudgetLine> = {
  entity: BudgetLine,
  label: "budget line",
  populate: ["strategy", "sources"],
  owner: (line) => line.strategy.unwrap().municipality.id,
  parentOf: (line) => line.strategy.unwrap(),
  publishProblems: (line) => (citesPublishedSource(line) ? [] : [["sources", "it cites no published source"]]),
};

/** Creates and changes budget lines. */
@Resolver(() => BudgetLine)
export class BudgetLineMutationResolver {
  @Mutation(() => BudgetLine, { description: "Adds a budget line to a strategy, as a draft." })
  createBudgetLine(@Arg("input", () => CreateBudgetLineInput, { description: "The new record's fields." }) input: CreateBudgetLineInput, @Ctx() ctx: HubContext): Promise<BudgetLine> {
    return createRecord(ctx, budgetLineKind, async (tx, viewer) => {
      const strategy = await resolveOwnStrategy(tx, viewer, input.strategy, "input.strategy", "budget line");
      const position = input.position ?? (await nextPosition(tx, BudgetLine, strategy));
      await requireUnused(tx, BudgetLine, { strategy, position }, "input.position", String(position));
      const line = new BudgetLine(ref(strategy), position, input.year, input.amount, input.category, input.description);
      assignFields(tx, line, input, ["note"]);
      await applySources(tx, line, input);
      return line;
    });
  }

  @Mutation(() => BudgetLine, { description: "Changes a budget line, if it still has the version you last saw (CONFLICT otherwise)." })
  updateBudgetLine(
    @Arg("id", () => ID, { description: "ID of the budget line." }) id: string,
    @Arg("version", () => Int, { description: "The budget line's `version` as you last read it." }) version: number,
    @Arg("input", () => BudgetLineInput, { description: "The fields to change; those left out keep their value." }) input: BudgetLineInput,
    @Ctx() ctx: HubContext,
  ): Promise<BudgetLine> {
    return updateRecord(ctx, budgetLineKind, id, version, async (tx, line) => {
      assignFields(tx, line, input, ["year", "amount", "category", "description", "note"]);
      await applySources(tx, line, input);
    });
  }
}
