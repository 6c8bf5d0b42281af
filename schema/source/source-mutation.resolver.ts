import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ByKeyArgs } from "../publishing/record-address.args.js";
import { CreateSourceInput, SourceInput } from "./source-write.inputs.js";
import { Source } from "./source.entity.js";
import { createSourceRecord, updateSourceRecord } from "./source.write.js";

/** Creates and changes sources. */
@Resolver(() => Source)
export class SourceMutationResolver {
  @Mutation(() => Source, { description: "Creates a source that records can cite, as a draft." })
  createSource(
    @Arg("input", () => CreateSourceInput, { description: "The new record's fields." }) input: CreateSourceInput,
    @Ctx() ctx: HubContext,
  ): Promise<Source> {
    return createSourceRecord(ctx, input);
  }

  @Mutation(() => Source, {
    description: "Changes a source, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateSource(
    @Args(() => ByKeyArgs) target: ByKeyArgs,
    @Arg("version", () => Int, { description: "The source's `version` as you last read it." }) version: number,
    @Arg("input", () => SourceInput, { description: "The fields to change; those left out keep their value." })
    input: SourceInput,
    @Ctx() ctx: HubContext,
  ): Promise<Source> {
    return updateSourceRecord(ctx, target, version, input);
  }
}
