import { ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { ProjectFilter } from "../project/project.inputs.js";

/** Arguments of `Query.stats`. */
@ArgsType()
export class StatsArgs {
  @Field(() => ProjectFilter, {
    nullable: true,
    description:
      "Narrows the figures like `projects(filter:)`. Project figures apply every criterion; the others apply those that fit them: providers the municipalities, states and providers; strategies and budgets the municipalities, states and topics (of their fields of action).",
  })
  @ValidateNested()
  filter?: ProjectFilter | null;
}
