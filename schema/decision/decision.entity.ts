import { Collection, Entity, Enum, Filter, ManyToMany, ManyToOne, Property, type Ref, Unique } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Publishable } from "../publishing/publishable.js";
import { visibilityFilter } from "../publishing/visibility.js";
import { Source } from "../source/source.entity.js";
import { DecisionOutcome } from "./decision-outcome.enum.js";

/** One sitting's treatment of a council paper or motion (Vorlage, Beschluss, Antrag). */
@ObjectType({
  implements: [HubEntity, Publishable],
  description: "One sitting's treatment of a council paper or motion.",
})
@Entity()
@Filter(visibilityFilter({ owner: "municipality" }))
@Unique({ properties: ["municipality", "key"] })
export class Decision extends Publishable {
  @ManyToOne({ entity: () => Municipality, ref: true })
  municipality: Ref<Municipality>;

  /** Unique within the municipality; names the decision in mutations (with its municipality) and keeps seeding idempotent. */
  @Field({ description: "Key of the decision, unique within its municipality, e.g. `18-203-rat-2018-11-28`." })
  @Property({ type: "string", length: 120 })
  key: string;

  @Field(() => String, { nullable: true, description: "Reference of the paper as printed, e.g. `20/281`." })
  @Property({ type: "string", length: 60, nullable: true })
  reference: string | null = null;

  @Field({ description: "Subject of the paper." })
  @Property({ type: "text" })
  title: string;

  @Field({ description: "Council or committee that dealt with it." })
  @Property({ type: "text" })
  body: string;

  @Field(() => PartialDateScalar, { nullable: true, description: "Date of the sitting." })
  @Property({ type: "string", length: 10, nullable: true })
  date: string | null = null;

  @Field(() => DecisionOutcome, { description: "What the body did with it." })
  @Enum({ items: () => DecisionOutcome })
  outcome: DecisionOutcome;

  @Field(() => String, { nullable: true, description: "What was decided, in German." })
  @Property({ type: "text", nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. where the source is ambiguous." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(municipality: Ref<Municipality>, key: string, title: string, body: string, outcome: DecisionOutcome) {
    super();
    this.municipality = municipality;
    this.key = key;
    this.title = title;
    this.body = body;
    this.outcome = outcome;
  }
}
