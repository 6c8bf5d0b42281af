import { Collection, Entity, ManyToMany, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Source } from "../source/source.entity.js";
import { Topic } from "../topic/topic.entity.js";

/** An inter-municipal working group (IKZ) where municipalities share experience. */
@ObjectType({ implements: HubEntity, description: "An inter-municipal (IKZ) working group." })
@Entity()
export class WorkingGroup extends HubEntity {
  @Field({ description: "Stable slug." })
  @Property({ type: "string", length: 120, unique: true })
  slug: string;

  @Field({ description: "Name of the group." })
  @Property({ type: "text" })
  name: string;

  @Field({ description: "What the group does, in German." })
  @Property({ type: "text" })
  description: string;

  @Field(() => String, { nullable: true, description: "Members that are not (yet) in the hub, in words." })
  @Property({ type: "text", nullable: true })
  otherMembers: string | null = null;

  @Field(() => String, { nullable: true, description: "How often it meets, e.g. `drei- bis viermal im Jahr`." })
  @Property({ type: "text", nullable: true })
  cadence: string | null = null;

  @ManyToMany({ entity: () => Municipality, pivotTable: "working_group_members" })
  members = new Collection<Municipality>(this);

  @ManyToMany({ entity: () => Topic })
  topics = new Collection<Topic>(this);

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(slug: string, name: string, description: string) {
    super();
    this.slug = slug;
    this.name = name;
    this.description = description;
  }
}
