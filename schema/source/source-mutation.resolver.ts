import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
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
    @Arg("id", () => ID, { description: "ID of the source." }) id: string,
    @Arg("version", () => Int, { description: "The source's `version` as you last read it." }) version: number,
    @Arg("input", () => SourceInput, { description: "The fields to change; those left out keep their value." })
    input: SourceInput,
    @Ctx() ctx: HubContext,
  ): Promise<Source> {
    return updateSourceRecord(ctx, id, version, input);
  }
}
