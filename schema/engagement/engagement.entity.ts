import { Collection, Entity, Filter, Enum, ManyToMany, ManyToOne, Property, type Ref, Unique } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Source } from "../source/source.entity.js";
import { EngagementRole } from "./engagement-role.enum.js";
import { Publishable } from "../publishing/publishable.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** A provider working for a municipality in a given role. */
@ObjectType({
  implements: [HubEntity, Publishable],
  description: "A provider working for a municipality in a given role.",
})
@Entity()
@Filter(visibilityFilter({ owner: "municipality" }))
@Unique({ properties: ["municipality", "provider", "role"] })
export class Engagement extends Publishable {
  @ManyToOne({ entity: () => Municipality, ref: true })
  municipality: Ref<Municipality>;

  @ManyToOne({ entity: () => Provider, ref: true, index: true })
  provider: Ref<Provider>;

  @Field(() => EngagementRole, { description: "Role of the provider." })
  @Enum({ items: () => EngagementRole })
  role: EngagementRole;

  @Field(() => PartialDateScalar, { nullable: true, description: "Since when." })
  @Property({ type: "string", length: 10, nullable: true })
  since: string | null = null;

  @Field({ description: "What the provider does for the municipality, in German." })
  @Property({ type: "text" })
  description: string;

  @Field(() => String, { nullable: true, description: "Editorial remark." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(municipality: Ref<Municipality>, provider: Ref<Provider>, role: EngagementRole, description: string) {
    super();
    this.municipality = municipality;
    this.provider = provider;
    this.role = role;
    this.description = description;
  }
}
