import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ByIdArgs } from "../publishing/record-address.args.js";
import { CreateEngagementInput, EngagementInput } from "./engagement-write.inputs.js";
import { Engagement } from "./engagement.entity.js";
import { createEngagementRecord, updateEngagementRecord } from "./engagement.write.js";

/** Creates and changes engagements. */
@Resolver(() => Engagement)
export class EngagementMutationResolver {
  @Mutation(() => Engagement, {
    description: "Records that a provider works for a municipality in a role, as a draft.",
  })
  createEngagement(
    @Arg("input", () => CreateEngagementInput, { description: "The new record's fields." })
    input: CreateEngagementInput,
    @Ctx() ctx: HubContext,
  ): Promise<Engagement> {
    return createEngagementRecord(ctx, input);
  }

  @Mutation(() => Engagement, {
    description: "Changes an engagement, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateEngagement(
    @Args(() => ByIdArgs) target: ByIdArgs,
    @Arg("version", () => Int, { description: "The engagement's `version` as you last read it." }) version: number,
    @Arg("input", () => EngagementInput, { description: "The fields to change; those left out keep their value." })
    input: EngagementInput,
    @Ctx() ctx: HubContext,
  ): Promise<Engagement> {
    return updateEngagementRecord(ctx, target, version, input);
  }
}
