import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ByMunicipalKeyArgs } from "../publishing/record-address.args.js";
import { CreateDecisionInput, DecisionInput } from "./decision-write.inputs.js";
import { Decision } from "./decision.entity.js";
import { createDecisionRecord, updateDecisionRecord } from "./decision.write.js";

/** Creates and changes council decisions. */
@Resolver(() => Decision)
export class DecisionMutationResolver {
  @Mutation(() => Decision, { description: "Records one sitting's treatment of a council paper, as a draft." })
  createDecision(
    @Arg("input", () => CreateDecisionInput, { description: "The new record's fields." }) input: CreateDecisionInput,
    @Ctx() ctx: HubContext,
  ): Promise<Decision> {
    return createDecisionRecord(ctx, input);
  }

  @Mutation(() => Decision, {
    description: "Changes a council decision, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateDecision(
    @Args(() => ByMunicipalKeyArgs) target: ByMunicipalKeyArgs,
    @Arg("version", () => Int, { description: "The decision's `version` as you last read it." }) version: number,
    @Arg("input", () => DecisionInput, { description: "The fields to change; those left out keep their value." })
    input: DecisionInput,
    @Ctx() ctx: HubContext,
  ): Promise<Decision> {
    return updateDecisionRecord(ctx, target, version, input);
  }
}
