import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { OrderInput } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MunicipalityScopeFilter } from "../municipality/municipality-scope.inputs.js";
import { LessonKind } from "./lesson-kind.enum.js";

/** Narrows a list of lessons learned. */
@InputType({ description: "Narrows a list of lessons learned. Every given criterion must hold; within one criterion any value may match." })
export class LessonFilter extends MunicipalityScopeFilter {
  @Field(() => [LessonKind], { nullable: true, description: "Kinds of lesson." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: LessonKind[] | null;
}

/** Fields a lesson list can be sorted by. */
export enum LessonOrderField {
  TITLE = "TITLE",
  SLUG = "SLUG",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(LessonOrderField, {
  name: "LessonOrderField",
  description: "Fields a list of lessons can be sorted by.",
  valuesConfig: { TITLE: { description: "By title." }, SLUG: { description: "By slug." }, CREATED_AT: { description: "By when the record was added to the hub." } },
});

/** Sort order of lesson lists. */
export const LessonOrder = OrderInput("Lesson", LessonOrderField, LessonOrderField.TITLE);
export type LessonOrder = InstanceType<typeof LessonOrder>;

/** Arguments of the lessons connection. */
@ArgsType()
export class LessonsArgs extends ConnectionArgs {
  @Field(() => LessonFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: LessonFilter | null;

  @Field(() => LessonOrder, { nullable: true, description: "Sort order; by title if not given." })
  orderBy?: LessonOrder | null;
}
