import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ByIdArgs } from "../publishing/record-address.args.js";
import { CreateIndicatorInput, IndicatorInput } from "./indicator-write.inputs.js";
import { Indicator } from "./indicator.entity.js";
import { createIndicatorRecord, updateIndicatorRecord } from "./indicator.write.js";

/** Creates and changes indicators. */
@Resolver(() => Indicator)
export class IndicatorMutationResolver {
  @Mutation(() => Indicator, {
    description: "Creates an indicator of a municipality with its dated values, as a draft.",
  })
  createIndicator(
    @Arg("input", () => CreateIndicatorInput, { description: "The new record's fields." }) input: CreateIndicatorInput,
    @Ctx() ctx: HubContext,
  ): Promise<Indicator> {
    return createIndicatorRecord(ctx, input);
  }

  @Mutation(() => Indicator, {
    description:
      "Changes an indicator and its dated values (`input.values` adds, changes and removes them), if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateIndicator(
    @Args(() => ByIdArgs) target: ByIdArgs,
    @Arg("version", () => Int, { description: "The indicator's `version` as you last read it." }) version: number,
    @Arg("input", () => IndicatorInput, { description: "The fields to change; those left out keep their value." })
    input: IndicatorInput,
    @Ctx() ctx: HubContext,
  ): Promise<Indicator> {
    return updateIndicatorRecord(ctx, target, version, input);
  }
}
