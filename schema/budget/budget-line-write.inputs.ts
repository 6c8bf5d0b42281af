import { Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { DecimalScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { CitedInput } from "../publishing/cited.inputs.js";
import { IsText, IsYear } from "../publishing/validation.js";
import { BudgetCategory } from "./budget-category.enum.js";

/** Changes to a budget line: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a budget line. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class BudgetLineInput extends CitedInput {
  @Field(() => Int, { nullable: true, description: "Budget year." })
  @IsYear()
  year?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in EUR, exact to the cent, e.g. `"124500.00"`.' })
  amount?: string | null;

  @Field(() => BudgetCategory, { nullable: true, description: "Budget category." })
  category?: BudgetCategory | null;

  @Field(() => String, { nullable: true, description: "What the amount is for, in German." })
  @IsText()
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @IsText()
  note?: string | null;
}

/** A new budget line of a strategy, created as a draft. */
@InputType({
  description: "A new budget line of a strategy. It starts as a draft: publish it with `publishBudgetLine`.",
})
export class CreateBudgetLineInput extends BudgetLineInput {
  @Field({ description: "Slug of the strategy; an editor token may name only its municipality's." })
  @MaxLength(MAX_SLUG_LENGTH)
  strategy: string;

  @Field(() => Int, {
    nullable: true,
    description: "1-based position within the strategy's budget; after the last one when left out.",
  })
  @Min(1, { message: "position must be 1 or more" })
  @Max(1000, { message: "position must be 1000 or less" })
  position?: number | null;

  @Field(() => Int, { description: "Budget year." })
  @IsYear()
  declare year: number;

  @Field(() => DecimalScalar, { description: 'Amount in EUR, exact to the cent, e.g. `"124500.00"`.' })
  declare amount: string;

  @Field(() => BudgetCategory, { description: "Budget category." })
  declare category: BudgetCategory;

  @Field({ description: "What the amount is for, in German." })
  @IsText()
  declare description: string;
}
