import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";

/** Narrows a list of working groups. */
@InputType({ description: "Narrows a list of working groups." })
export class WorkingGroupFilter {
  @Field(() => [String], { nullable: true, description: "Slugs of member municipalities." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  municipalities?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Topic keys." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  topics?: string[] | null;
}

/** Arguments of the working group connection. */
@ArgsType()
export class WorkingGroupsArgs extends ConnectionArgs {
  @Field(() => WorkingGroupFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: WorkingGroupFilter | null;
}
