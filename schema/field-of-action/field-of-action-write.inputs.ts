import { Min, Max, MaxLength } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { TaggedCitedInput } from "../publishing/cited.inputs.js";
import { IsText, IsTitle } from "../publishing/validation.js";

/** Changes to a field of action: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a field of action. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class FieldOfActionInput extends TaggedCitedInput {
  @Field(() => String, { nullable: true, description: "Title, e.g. `Digitalisierung der Schulen`." })
  @IsTitle()
  title?: string | null;

  @Field(() => String, { nullable: true, description: "What the field covers, in German." })
  @IsText()
  description?: string | null;
}

/** A new field of action of a strategy, created as a draft. */
@InputType({
  description: "A new field of action of a strategy. It starts as a draft: publish it with `publishFieldOfAction`.",
})
export class CreateFieldOfActionInput extends FieldOfActionInput {
  @Field({ description: "Slug of the strategy; an editor token may name only its municipality's." })
  @MaxLength(MAX_SLUG_LENGTH)
  strategy: string;

  @Field(() => Int, {
    nullable: true,
    description: "1-based position within the strategy; after the last one when left out.",
  })
  @Min(1, { message: "position must be 1 or more" })
  @Max(1000, { message: "position must be 1000 or less" })
  position?: number | null;

  @Field({ description: "Title, e.g. `Digitalisierung der Schulen`." })
  @IsTitle()
  declare title: string;
}
