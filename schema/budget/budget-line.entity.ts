import { Collection, Entity, Filter, Enum, ManyToMany, ManyToOne, Property, type Ref, Unique } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { DecimalScalar } from "../common/scalars.js";
import { Source } from "../source/source.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { BudgetCategory } from "./budget-category.enum.js";
import { Publishable } from "../publishing/publishable.js";
import { ParentUpdatedAt } from "../publishing/parent-updated-at.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** One planned amount of a strategy's budget. */
@ObjectType({ implements: [HubEntity, Publishable], description: "One planned amount of a strategy's budget, in EUR." })
@Entity()
@Filter(visibilityFilter({ owner: "strategy.municipality", parent: "strategy" }))
@Unique({ properties: ["strategy", "position"] })
export class BudgetLine extends Publishable {
  @ManyToOne({ entity: () => Strategy, ref: true })
  strategy: Ref<Strategy>;

  @ParentUpdatedAt("strategy", "strategy_id")
  override parentUpdatedAt?: Date | null;

  /** Order within the strategy's budget, as the source lists it. */
  @Property({ type: "integer" })
  position: number;

  @Field(() => Int, { description: "Budget year." })
  @Property({ type: "integer" })
  year: number;

  @Field(() => DecimalScalar, { description: "Amount in EUR, exact to the cent." })
  @Property({ type: "decimal", precision: 14, scale: 2 })
  amount: string;

  @Field(() => BudgetCategory, { description: "Budget category." })
  @Enum({ items: () => BudgetCategory })
  category: BudgetCategory;

  @Field({ description: "What the amount is for, in German." })
  @Property({ type: "text" })
  description: string;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(
    strategy: Ref<Strategy>,
    position: number,
    year: number,
    amount: string,
    category: BudgetCategory,
    description: string,
  ) {
    super();
    this.strategy = strategy;
    this.position = position;
    this.year = year;
    this.amount = amount;
    this.category = category;
    this.description = description;
  }
}
