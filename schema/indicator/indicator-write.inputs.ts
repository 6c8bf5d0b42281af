import { ArrayMaxSize, ArrayMinSize, MaxLength, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType } from "type-graphql";
import { MAX_INDICATOR_VALUES } from "../common/list-bounds.js";
import { PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsSlug, IsText, IsTitle } from "../publishing/validation.js";
import { BetterWhen } from "./better-when.enum.js";

/** One dated value of an indicator in a write: a new one, or (with `id`) one it has. */
@InputType({
  description:
    "One dated value of an indicator: with `id`, a value the indicator has, changed to these fields; without, a new value.",
})
export class IndicatorValueInput extends CitedInput {
  @Field(() => ID, {
    nullable: true,
    description: "ID of a value the indicator has, to change it; leave out for a new value.",
  })
  @MaxLength(200)
  id?: string | null;

  @Field(() => Float, { description: "The figure, in the indicator's unit." })
  value: number;

  @Field(() => PartialDateScalar, { description: "When the figure was taken; one value per date." })
  asOf: string;

  @Field(() => String, {
    nullable: true,
    description: "Editorial remark on this figure; left out, it keeps its value.",
  })
  @IsText()
  note?: string | null;
}

/** The `values` list of an indicator write. */
function ValuesList(): PropertyDecorator {
  return (target, key) => {
    ArrayMinSize(1, { message: "$property needs at least one value; an indicator without figures measures nothing" })(
      target,
      key,
    );
    ArrayMaxSize(MAX_INDICATOR_VALUES, { message: `$property holds at most ${MAX_INDICATOR_VALUES} values` })(
      target,
      key,
    );
    ValidateNested({ each: true })(target, key);
  };
}

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

  @Field(() => String, { nullable: true, description: "Unit of all its values, e.g. `Prozesse`." })
  @IsTitle()
  unit?: string | null;

  @Field(() => BetterWhen, { nullable: true, description: "Which direction of the figure is the better one." })
  betterWhen?: BetterWhen | null;

  @Field(() => String, { nullable: true, description: "What exactly is counted or measured, in German." })
  @IsText()
  definition?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @IsText()
  note?: string | null;

  @Field(() => [IndicatorValueInput], {
    nullable: true,
    description: `The dated values, 1 to ${MAX_INDICATOR_VALUES}; replaces the list: an entry with \`id\` changes that value, one without adds a value, values left out are removed. \`value\` and \`asOf\` of the indicator then show the latest.`,
  })
  @ValuesList()
  values?: IndicatorValueInput[] | null;
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

  @Field({ description: "Unit of all its values, e.g. `Prozesse`." })
  @IsTitle()
  declare unit: string;

  @Field(() => [IndicatorValueInput], {
    description: `The dated values, 1 to ${MAX_INDICATOR_VALUES}, without \`id\`.`,
  })
  declare values: IndicatorValueInput[];
}
