import { ref } from "@mikro-orm/core";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { applyTopicsAndSources } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { nextPosition, resolveOwnStrategy } from "../strategy/strategy.service.js";
import { CreateFieldOfActionInput, FieldOfActionInput } from "./field-of-action-write.inputs.js";
import { FieldOfAction } from "./field-of-action.entity.js";

/** How the write path handles fields of action. */
export const fieldOfActionKind: RecordKind<FieldOfAction> = {
  entity: FieldOfAction,
  label: "field of action",
  populate: ["strategy", "topics", "sources"],
  owner: (field) => field.strategy.unwrap().municipality.id,
  parentOf: (field) => field.strategy.unwrap(),
  publishProblems: (field) => (field.topics.count() ? [] : [["topics", "it has no topic"]]),
};

/** Creates and changes fields of action. */
@Resolver(() => FieldOfAction)
export class FieldOfActionMutationResolver {
  @Mutation(() => FieldOfAction, { description: "Adds a field of action to a strategy, as a draft." })
  createFieldOfAction(@Arg("input", () => CreateFieldOfActionInput, { description: "The new record's fields." }) input: CreateFieldOfActionInput, @Ctx() ctx: HubContext): Promise<FieldOfAction> {
    return createRecord(ctx, fieldOfActionKind, async (tx, viewer) => {
      const strategy = await resolveOwnStrategy(tx, viewer, input.strategy, "input.strategy", "field of action");
      const position = input.position ?? (await nextPosition(tx, FieldOfAction, strategy));
      await requireUnused(tx, FieldOfAction, { strategy, position }, "input.position", String(position));
      const field = new FieldOfAction(ref(strategy), position, input.title);
      assignFields(tx, field, input, ["description"]);
      await applyTopicsAndSources(tx, field, input);
      return field;
    });
  }

  @Mutation(() => FieldOfAction, { description: "Changes a field of action, if it still has the version you last saw (CONFLICT otherwise)." })
  updateFieldOfAction(
    @Arg("id", () => ID, { description: "ID of the field of action." }) id: string,
    @Arg("version", () => Int, { description: "The field of action's `version` as you last read it." }) version: number,
    @Arg("input", () => FieldOfActionInput, { description: "The fields to change; those left out keep their value." }) input: FieldOfActionInput,
    @Ctx() ctx: HubContext,
  ): Promise<FieldOfAction> {
    return updateRecord(ctx, fieldOfActionKind, id, version, async (tx, field) => {
      assignFields(tx, field, input, ["title", "description"]);
      await applyTopicsAndSources(tx, field, input);
    });
  }
}
