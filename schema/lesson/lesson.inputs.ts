import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { BY_CREATION, BY_SLUG, defineOrdering, type OrderingArgument } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MunicipalityScopeFilter } from "../municipality/municipality-scope.inputs.js";
import { LessonKind } from "./lesson-kind.enum.js";

/** Narrows a list of lessons learned. */
@InputType({
  description:
    "Narrows a list of lessons learned. Every given criterion must hold; within one criterion any value may match.",
})
export class LessonFilter extends MunicipalityScopeFilter {
  @Field(() => [LessonKind], { nullable: true, description: "Kinds of lesson." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: LessonKind[] | null;
}

/** How lessons learned lists can be sorted. */
export const lessonOrdering = defineOrdering(
  "Lesson",
  "lessons learned",
  {
    TITLE: { property: "title", kind: "string", description: "By title." },
    SLUG: BY_SLUG,
    CREATED_AT: BY_CREATION,
  },
  "TITLE",
);

/** Arguments of the lessons connection. */
@ArgsType()
export class LessonsArgs extends ConnectionArgs {
  @Field(() => LessonFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: LessonFilter | null;

  @Field(() => lessonOrdering.Input, { nullable: true, description: "Sort order; by title if not given." })
  orderBy?: OrderingArgument<typeof lessonOrdering> | null;
}
