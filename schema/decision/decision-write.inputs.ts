import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsSlug, IsText, IsTitle } from "../publishing/validation.js";
import { DecisionOutcome } from "./decision-outcome.enum.js";

/** Longest paper reference as printed (`20/281`, `BV/2021/0815`): the column's width. */
export const MAX_REFERENCE_LENGTH = 60;

/** Changes to a council decision: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a council decision. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class DecisionInput extends CitedInput {
  @Field(() => String, { nullable: true, description: "Subject of the paper." })
  @IsTitle()
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Council or committee that dealt with it, e.g. `Rat`." })
  @IsTitle()
  body?: string | null;

  @Field(() => String, { nullable: true, description: "Reference of the paper as printed, e.g. `20/281`." })
  @IsTitle(MAX_REFERENCE_LENGTH)
  reference?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "Date of the sitting: `2018`, `2018-11` or `2018-11-28`.",
  })
  date?: string | null;

  @Field(() => DecisionOutcome, { nullable: true, description: "What the body did with the paper." })
  outcome?: DecisionOutcome | null;

  @Field(() => String, { nullable: true, description: "What was decided, in German." })
  @IsText()
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. where the source is ambiguous." })
  @IsText()
  note?: string | null;
}

/** A new council decision, created as a draft. */
@InputType({
  description:
    "One sitting's treatment of a council paper or motion. It starts as a draft: publish it with `publishDecision`.",
})
export class CreateDecisionInput extends DecisionInput {
  @Field({ description: "Slug of the municipality; an editor token may name only its own." })
  @MaxLength(MAX_SLUG_LENGTH)
  municipality: string;

  @Field({
    description:
      "Key of the decision, unique within the municipality, e.g. `18-203-rat-2018-11-28` (paper, body, date); cannot be changed later.",
  })
  @IsSlug()
  key: string;

  @Field({ description: "Subject of the paper." })
  @IsTitle()
  declare title: string;

  @Field({ description: "Council or committee that dealt with it, e.g. `Rat`." })
  @IsTitle()
  declare body: string;

  @Field(() => DecisionOutcome, { description: "What the body did with the paper." })
  declare outcome: DecisionOutcome;
}
