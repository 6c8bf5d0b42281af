import { Collection, Entity, Filter, Enum, ManyToMany, ManyToOne, Property, type Ref, Index } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { Decision } from "../decision/decision.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Source } from "../source/source.entity.js";
import { StrategyStatus, StrategyStatusValue } from "./strategy-status.enum.js";
import { Publishable } from "../publishing/publishable.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** A municipality's digitalisation strategy with its fields of action, budget and indicators. */
@ObjectType({ implements: [HubEntity, Publishable], description: "A municipality's digitalisation strategy." })
@Entity()
@Filter(visibilityFilter({ owner: "municipality" }))
// Each list order's index (issue 18): a page reads its rows in index order instead of sorting the whole table.
@Index({ properties: ["title", "id"] })
@Index({ properties: ["createdAt", "id"] })
export class Strategy extends Publishable {
  @Field({ description: "Stable slug, e.g. `ratingen-digital-2025plus`." })
  @Property({ type: "string", length: 120, unique: true })
  slug: string;

  @Field({ description: "Title of the strategy." })
  @Property({ type: "text" })
  title: string;

  @ManyToOne({ entity: () => Municipality, ref: true, index: true })
  municipality: Ref<Municipality>;

  @Field(() => StrategyStatusValue, { description: "Life-cycle state." })
  @Enum({ items: () => StrategyStatus })
  status: StrategyStatus;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'The date the status is valid for according to its source ("Stand laut Quelle"), e.g. `2020-12-21` for a council resolution; null when no source dates it.',
  })
  @Property({ type: "string", length: 10, nullable: true })
  statusAsOf: string | null = null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When it was presented to the council or public." })
  @Property({ type: "string", length: 10, nullable: true })
  presentedOn: string | null = null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "When the council adopted it (or it came into force).",
  })
  @Property({ type: "string", length: 10, nullable: true })
  adoptedOn: string | null = null;

  @Field(() => Int, { nullable: true, description: "Year the strategy looks ahead to, e.g. 2025." })
  @Property({ type: "integer", nullable: true })
  horizon: number | null = null;

  @Field({ description: "Summary in German." })
  @Property({ type: "text" })
  summary: string;

  @Field(() => String, {
    nullable: true,
    description: "Vision or motto, e.g. `HI-digital: gemeinsam. einfach. besser.`",
  })
  @Property({ type: "text", nullable: true })
  vision: string | null = null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. where sources disagree." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Decision })
  decisions = new Collection<Decision>(this);

  @ManyToMany({ entity: () => Provider })
  consultants = new Collection<Provider>(this);

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(slug: string, title: string, municipality: Ref<Municipality>, status: StrategyStatus, summary: string) {
    super();
    this.slug = slug;
    this.title = title;
    this.municipality = municipality;
    this.status = status;
    this.summary = summary;
  }
}
