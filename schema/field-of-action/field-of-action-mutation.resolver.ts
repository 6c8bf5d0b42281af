import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ByIdArgs } from "../publishing/record-address.args.js";
import { CreateFieldOfActionInput, FieldOfActionInput } from "./field-of-action-write.inputs.js";
import { FieldOfAction } from "./field-of-action.entity.js";
import { createFieldOfActionRecord, updateFieldOfActionRecord } from "./field-of-action.write.js";

/** Creates and changes fields of action. */
@Resolver(() => FieldOfAction)
export class FieldOfActionMutationResolver {
  @Mutation(() => FieldOfAction, { description: "Adds a field of action to a strategy, as a draft." })
  createFieldOfAction(
    @Arg("input", () => CreateFieldOfActionInput, { description: "The new record's fields." })
    input: CreateFieldOfActionInput,
    @Ctx() ctx: HubContext,
  ): Promise<FieldOfAction> {
    return createFieldOfActionRecord(ctx, input);
  }

  @Mutation(() => FieldOfAction, {
    description: "Changes a field of action, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateFieldOfAction(
    @Args(() => ByIdArgs) target: ByIdArgs,
    @Arg("version", () => Int, { description: "The field of action's `version` as you last read it." }) version: number,
    @Arg("input", () => FieldOfActionInput, { description: "The fields to change; those left out keep their value." })
    input: FieldOfActionInput,
    @Ctx() ctx: HubContext,
  ): Promise<FieldOfAction> {
    return updateFieldOfActionRecord(ctx, target, version, input);
  }
}
