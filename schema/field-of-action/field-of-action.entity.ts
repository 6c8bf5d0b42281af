import { Collection, Entity, Filter, ManyToMany, ManyToOne, Property, type Ref, Unique } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { Source } from "../source/source.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { Topic } from "../topic/topic.entity.js";
import { Publishable } from "../publishing/publishable.js";
import { ParentUpdatedAt } from "../publishing/parent-updated-at.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** A field of action (Handlungsfeld, Digitalisierungsfeld) of a strategy. */
@ObjectType({ implements: [HubEntity, Publishable], description: "A field of action (Handlungsfeld) of a strategy." })
@Entity()
@Filter(visibilityFilter({ owner: "strategy.municipality", parent: "strategy" }))
@Unique({ properties: ["strategy", "position"] })
export class FieldOfAction extends Publishable {
  @ManyToOne({ entity: () => Strategy, ref: true })
  strategy: Ref<Strategy>;

  @ParentUpdatedAt("strategy", "strategy_id")
  override parentUpdatedAt?: Date | null;

  @Field(() => Int, { description: "1-based position within the strategy, as the strategy numbers it." })
  @Property({ type: "integer" })
  position: number;

  @Field({ description: "Title, e.g. `Digitalisierung der Schulen`." })
  @Property({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true, description: "What the field covers, in German." })
  @Property({ type: "text", nullable: true })
  description: string | null = null;

  @ManyToMany({ entity: () => Topic })
  topics = new Collection<Topic>(this);

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(strategy: Ref<Strategy>, position: number, title: string) {
    super();
    this.strategy = strategy;
    this.position = position;
    this.title = title;
  }
}
