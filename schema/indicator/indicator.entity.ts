import { Collection, Entity, Filter, ManyToMany, ManyToOne, Property, type Ref, Unique } from "@mikro-orm/core";
import { Field, Float, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Source } from "../source/source.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { Publishable } from "../publishing/publishable.js";
import { ParentUpdatedAt } from "../publishing/parent-updated-at.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** A measured figure of a municipality's digitalisation, e.g. processes identified vs. done. */
@ObjectType({
  implements: [HubEntity, Publishable],
  description: "A measured figure, e.g. processes identified vs. done.",
})
@Entity()
@Filter(visibilityFilter({ owner: "municipality", parent: "strategy", parentOptional: true }))
@Unique({ properties: ["municipality", "key"] })
export class Indicator extends Publishable {
  @ManyToOne({ entity: () => Municipality, ref: true })
  municipality: Ref<Municipality>;

  @ManyToOne({ entity: () => Strategy, ref: true, nullable: true, index: true })
  strategy: Ref<Strategy> | null = null;

  @ParentUpdatedAt("strategy", "strategy_id")
  override parentUpdatedAt?: Date | null;

  /** Unique within the municipality; used to keep seeding idempotent. */
  @Property({ type: "string", length: 120 })
  key: string;

  @Field({ description: "What is measured, in German." })
  @Property({ type: "text" })
  name: string;

  @Field(() => Float, { description: "The figure." })
  @Property({ type: "double" })
  value: number;

  @Field({ description: "Unit, e.g. `Prozesse`." })
  @Property({ type: "text" })
  unit: string;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the figure was taken." })
  @Property({ type: "string", length: 10, nullable: true })
  asOf: string | null = null;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(municipality: Ref<Municipality>, key: string, name: string, value: number, unit: string) {
    super();
    this.municipality = municipality;
    this.key = key;
    this.name = name;
    this.value = value;
    this.unit = unit;
  }
}
