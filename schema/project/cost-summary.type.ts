import { Field, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../common/scalars.js";

/** What a project's published `COST` items in one currency add up to, by how their periods can be summed. */
@ObjectType({
  description:
    "What a project's published cost items of kind `COST` in one currency add up to. `COMPARISON` and `DIFFERENCE` " +
    "items are never included. Periods: `ONE_OFF` items go to `oneOff`; `ANNUAL` items count once and `MONTHLY` " +
    "items twelve times in `annual`; `TOTAL` items cover a term that only their description states, so they are " +
    "summed apart in `overStatedTerms`, neither annualised nor added to the others. Each sum comes with the number " +
    "of items in it, so that an analyst can check it against `Project.costs`.",
})
export class CostSummary {
  @Field({ description: "ISO 4217 currency code of the items summed." })
  currency: string;

  @Field(() => Int, { description: "Number of `COST` items in this currency, whatever their period." })
  itemCount: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Sum of the `ONE_OFF` items, exact to the cent; null when there are none.",
  })
  oneOff: string | null;

  @Field(() => Int, { description: "Number of `ONE_OFF` items in `oneOff`." })
  oneOffItemCount: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Cost per year: the `ANNUAL` items plus twelve times the `MONTHLY` items, exact to the cent; null when there are none.",
  })
  annual: string | null;

  @Field(() => Int, { description: "Number of `ANNUAL` and `MONTHLY` items in `annual`." })
  annualItemCount: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Sum of the `TOTAL` items, each over the whole term its description states (the term is no field of its own, " +
      "so it is not normalised); null when there are none. Items with different terms add up to a figure over no " +
      "single span: compare `overStatedTermsItemCount` with the items.",
  })
  overStatedTerms: string | null;

  @Field(() => Int, { description: "Number of `TOTAL` items in `overStatedTerms`." })
  overStatedTermsItemCount: number;

  constructor(row: CostSummary) {
    this.currency = row.currency;
    this.itemCount = row.itemCount;
    this.oneOff = row.oneOff;
    this.oneOffItemCount = row.oneOffItemCount;
    this.annual = row.annual;
    this.annualItemCount = row.annualItemCount;
    this.overStatedTerms = row.overStatedTerms;
    this.overStatedTermsItemCount = row.overStatedTermsItemCount;
  }
}
