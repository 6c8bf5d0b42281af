import { MaxLength } from "class-validator";
import { Field, Float, InputType } from "type-graphql";
import { PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsSlug, IsText, IsTitle } from "../publishing/validation.js";

/** Changes to an indicator: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to an indicator. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class IndicatorInput extends CitedInput {
  @Field(() => String, {
    nullable: true,
    description: "Slug of the strategy (of the same municipality) the figure measures; null for none.",
  })
  @MaxLength(MAX_SLUG_LENGTH)
  strategy?: string | null;

  @Field(() => String, { nullable: true, description: "What is measured, in German." })
  @IsTitle()
  name?: string | null;

  @Field(() => Float, { nullable: true, description: "The figure." })
  value?: number | null;

  @Field(() => String, { nullable: true, description: "Unit, e.g. `Prozesse`." })
  @IsTitle()
  unit?: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the figure was taken." })
  asOf?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @IsText()
  note?: string | null;
}

/** A new indicator of a municipality, created as a draft. */
@InputType({
  description: "A new indicator of a municipality. It starts as a draft: publish it with `publishIndicator`.",
})
export class CreateIndicatorInput extends IndicatorInput {
  @Field({ description: "Slug of the municipality; an editor token may name only its own." })
  @MaxLength(MAX_SLUG_LENGTH)
  municipality: string;

  @Field({ description: "Key, unique within the municipality, e.g. `processes-digitised`; cannot be changed later." })
  @IsSlug()
  key: string;

  @Field({ description: "What is measured, in German." })
  @IsTitle()
  declare name: string;

  @Field(() => Float, { description: "The figure." })
  declare value: number;

  @Field({ description: "Unit, e.g. `Prozesse`." })
  @IsTitle()
  declare unit: string;
}
