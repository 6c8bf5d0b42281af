import { ref } from "@mikro-orm/core";
import type { HubContext } from "../common/context.js";
import { applySources, citesPublishedSource } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { nextPosition, resolveOwnStrategy } from "../strategy/strategy.service.js";
import type { BudgetLineInput, CreateBudgetLineInput } from "./budget-line-write.inputs.js";
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

/** Adds a budget line to a strategy, as a draft. */
export function createBudgetLineRecord(ctx: HubContext, input: CreateBudgetLineInput): Promise<BudgetLine> {
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

/** Changes a budget line, if it still has the version you last saw (CONFLICT otherwise). */
export function updateBudgetLineRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: BudgetLineInput,
): Promise<BudgetLine> {
  return updateRecord(ctx, budgetLineKind, target, version, async (tx, line) => {
    assignFields(tx, line, input, ["year", "amount", "category", "description", "note"]);
    await applySources(tx, line, input);
  });
}
