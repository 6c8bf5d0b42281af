import { Field, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../common/scalars.js";
import { BudgetCategory } from "./budget-category.enum.js";

/** The sum of published budget lines of one year (and, where given, one category). */
@ObjectType({
  description: "The sum of published budget lines of one year, and of one category where `category` is given.",
})
export class BudgetTotal {
  @Field(() => Int, { description: "Budget year." })
  year: number;

  @Field(() => BudgetCategory, {
    nullable: true,
    description: "Budget category; null when the total spans all categories.",
  })
  category: BudgetCategory | null;

  @Field(() => DecimalScalar, { description: "Sum in EUR, exact to the cent, computed by the database." })
  total: string;

  constructor(year: number, category: BudgetCategory | null, total: string) {
    this.year = year;
    this.category = category;
    this.total = total;
  }
}
