import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { BySlugArgs } from "../publishing/record-address.args.js";
import { CreateLessonInput, LessonInput } from "./lesson-write.inputs.js";
import { LessonLearned } from "./lesson-learned.entity.js";
import { createLessonLearnedRecord, updateLessonLearnedRecord } from "./lesson.write.js";

/** Creates and changes lessons learned. */
@Resolver(() => LessonLearned)
export class LessonMutationResolver {
  @Mutation(() => LessonLearned, { description: "Creates a lesson learned of a municipality, as a draft." })
  createLessonLearned(
    @Arg("input", () => CreateLessonInput, { description: "The new record's fields." }) input: CreateLessonInput,
    @Ctx() ctx: HubContext,
  ): Promise<LessonLearned> {
    return createLessonLearnedRecord(ctx, input);
  }

  @Mutation(() => LessonLearned, {
    description: "Changes a lesson learned, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateLessonLearned(
    @Args(() => BySlugArgs) target: BySlugArgs,
    @Arg("version", () => Int, { description: "The lesson's `version` as you last read it." }) version: number,
    @Arg("input", () => LessonInput, { description: "The fields to change; those left out keep their value." })
    input: LessonInput,
    @Ctx() ctx: HubContext,
  ): Promise<LessonLearned> {
    return updateLessonLearnedRecord(ctx, target, version, input);
  }
}
