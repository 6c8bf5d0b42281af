import { MAX_CONSULTANTS, MAX_STRATEGY_DECISIONS } from "../common/list-bounds.js";
import { MaxLength } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsNotFuture, IsReferenceList, IsSlug, IsText, IsTitle, IsYear } from "../publishing/validation.js";
import { StrategyStatus, StrategyStatusValue } from "./strategy-status.enum.js";

/** Changes to a strategy: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a strategy. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class StrategyInput extends CitedInput {
  @Field(() => String, { nullable: true, description: "Title of the strategy." })
  @IsTitle()
  title?: string | null;

  @Field(() => StrategyStatusValue, { nullable: true, description: "Life-cycle state." })
  status?: StrategyStatus | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      "The date the status is valid for according to its source (`2020`, `2020-12` or `2020-12-21`), not in the future. A status change without one clears it.",
  })
  @IsNotFuture()
  statusAsOf?: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When it was presented to the council or public." })
  presentedOn?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "When the council adopted it (or it came into force).",
  })
  adoptedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Year the strategy looks ahead to, e.g. 2025." })
  @IsYear()
  horizon?: number | null;

  @Field(() => String, { nullable: true, description: "Summary in German, in your own words." })
  @IsText()
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Vision or motto." })
  @IsText()
  vision?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. where sources disagree." })
  @IsText()
  note?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Slugs of the consultancies that helped write it; replaces the list.",
  })
  @IsReferenceList(MAX_CONSULTANTS)
  consultants?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Keys of the council decisions of the strategy's municipality that carried it (`Municipality.decisions`); replaces the list.",
  })
  @IsReferenceList(MAX_STRATEGY_DECISIONS)
  decisions?: string[] | null;
}

/** A new strategy, created as a draft. */
@InputType({ description: "A new strategy. It starts as a draft: publish it with `publishStrategy`." })
export class CreateStrategyInput extends StrategyInput {
  @Field({ description: "Slug of the municipality; an editor token may name only its own." })
  @MaxLength(MAX_SLUG_LENGTH)
  municipality: string;

  @Field({
    description:
      "Stable slug, e.g. `ratingen-digital-2025plus`; cannot be changed later. An editor token's slugs begin with its municipality's slug and a hyphen.",
  })
  @IsSlug()
  slug: string;

  @Field({ description: "Title of the strategy." })
  @IsTitle()
  declare title: string;

  @Field(() => StrategyStatusValue, { description: "Life-cycle state." })
  declare status: StrategyStatus;

  @Field({ description: "Summary in German, in your own words." })
  @IsText()
  declare summary: string;
}
