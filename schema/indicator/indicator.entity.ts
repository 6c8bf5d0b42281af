import {
  Collection,
  Entity,
  Enum,
  Filter,
  ManyToMany,
  ManyToOne,
  OneToMany,
  Property,
  type Ref,
  Unique,
} from "@mikro-orm/core";
import { Field, Float, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Source } from "../source/source.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { Publishable } from "../publishing/publishable.js";
import { ParentUpdatedAt } from "../publishing/parent-updated-at.js";
import { visibilityFilter } from "../publishing/visibility.js";
import { BetterWhen } from "./better-when.enum.js";
// By type only: the value refers to its indicator, so a class reference here would be an import cycle.
import type { IndicatorValue } from "./indicator-value.entity.js";
import { INDICATOR_VISIBILITY } from "./indicator.visibility.js";

/**
 * A measured figure of a municipality's digitalisation, e.g. processes identified vs. done: its
 * definition, with its dated values (`IndicatorValue`). `value` and `asOf` hold a copy of the latest
 * value, kept by `copyLatestValue` on every write, so that lists of indicators sort and page by date in SQL.
 */
@ObjectType({
  implements: [HubEntity, Publishable],
  description:
    "A measured figure, e.g. processes identified vs. done: its definition, with its dated values in `values`.",
})
@Entity()
@Filter(visibilityFilter(INDICATOR_VISIBILITY))
@Unique({ properties: ["municipality", "key"] })
export class Indicator extends Publishable {
  @ManyToOne({ entity: () => Municipality, ref: true })
  municipality: Ref<Municipality>;

  @ManyToOne({ entity: () => Strategy, ref: true, nullable: true, index: true })
  strategy: Ref<Strategy> | null = null;

  @ParentUpdatedAt("strategy", "strategy_id")
  override parentUpdatedAt?: Date | null;

  @Field({
    description: "Key, unique within the municipality, e.g. `processes-digitised`; `compare` picks indicators by it.",
  })
  @Property({ type: "string", length: 120 })
  key: string;

  @Field({ description: "What is measured, in German." })
  @Property({ type: "text" })
  name: string;

  @Field(() => Float, {
    description: "The latest figure: `value` of the last of `values`. Kept for clients from before series.",
  })
  @Property({ type: "double" })
  value!: number;

  @Field({ description: "Unit of all its values, e.g. `Prozesse`." })
  @Property({ type: "text" })
  unit: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      "When the latest figure was taken: `asOf` of the last of `values`. Kept for clients from before series.",
  })
  @Property({ type: "string", length: 10, nullable: true })
  asOf: string | null = null;

  @Field(() => BetterWhen, { description: "Which direction of the figure is the better one, where the sources say." })
  @Enum({ items: () => BetterWhen, default: BetterWhen.NOT_STATED })
  betterWhen: BetterWhen = BetterWhen.NOT_STATED;

  @Field(() => String, { nullable: true, description: "What exactly is counted or measured, in German." })
  @Property({ type: "text", nullable: true })
  definition: string | null = null;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  /** The dated values, written with the indicator (see `indicator.write.ts`); GraphQL reads them through a loader. */
  @OneToMany({ entity: "IndicatorValue", mappedBy: "indicator", orphanRemoval: true })
  values = new Collection<IndicatorValue>(this);

  /** An indicator without values yet: give it one and `copyLatestValue` before it is flushed (or use `indicatorWithValue`). */
  constructor(municipality: Ref<Municipality>, key: string, name: string, unit: string) {
    super();
    this.municipality = municipality;
    this.key = key;
    this.name = name;
    this.unit = unit;
  }
}
