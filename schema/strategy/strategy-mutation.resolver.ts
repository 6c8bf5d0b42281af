import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { BySlugArgs } from "../publishing/record-address.args.js";
import { CreateStrategyInput, StrategyInput } from "./strategy-write.inputs.js";
import { Strategy } from "./strategy.entity.js";
import { createStrategyRecord, updateStrategyRecord } from "./strategy.write.js";

/** Creates and changes strategies. */
@Resolver(() => Strategy)
export class StrategyMutationResolver {
  @Mutation(() => Strategy, { description: "Creates a strategy of a municipality, as a draft." })
  createStrategy(
    @Arg("input", () => CreateStrategyInput, { description: "The new record's fields." }) input: CreateStrategyInput,
    @Ctx() ctx: HubContext,
  ): Promise<Strategy> {
    return createStrategyRecord(ctx, input);
  }

  @Mutation(() => Strategy, {
    description: "Changes a strategy, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateStrategy(
    @Args(() => BySlugArgs) target: BySlugArgs,
    @Arg("version", () => Int, { description: "The strategy's `version` as you last read it." }) version: number,
    @Arg("input", () => StrategyInput, { description: "The fields to change; those left out keep their value." })
    input: StrategyInput,
    @Ctx() ctx: HubContext,
  ): Promise<Strategy> {
    return updateStrategyRecord(ctx, target, version, input);
  }
}
