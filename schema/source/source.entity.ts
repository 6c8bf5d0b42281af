import { Entity, Filter, Index, ManyToOne, Property, type Ref } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import { Publishable } from "../publishing/publishable.js";
import { visibilityFilter } from "../publishing/visibility.js";

/** A publication that facts in the hub are taken from: a press article, a council paper, a report. */
@ObjectType({
  implements: [HubEntity, Publishable],
  description: "A publication that facts in the hub are taken from.",
})
@Entity()
@Index({ properties: ["title", "id"] })
@Index({ properties: ["createdAt", "id"] })
@Filter(visibilityFilter({ owner: "municipality" }))
export class Source extends Publishable {
  @Field({ description: "Stable key of the source." })
  @Property({ type: "string", length: 120, unique: true })
  key: string;

  @Field({ description: "Title of the publication." })
  @Property({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true, description: "Who published it; null when not known." })
  @Property({ type: "text", nullable: true })
  publisher: string | null = null;

  @Field(() => String, { nullable: true, description: "Author, where named." })
  @Property({ type: "text", nullable: true })
  author: string | null = null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Publication date, to the precision known." })
  @Property({ type: "string", length: 10, nullable: true })
  publishedOn: string | null = null;

  @Field(() => String, { nullable: true, description: "Address of the publication, where known." })
  @Property({ type: "text", nullable: true })
  url: string | null = null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. on what the source leaves unclear." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  /** The municipality whose editors maintain the source; null for sources the hub's operators keep. */
  // Named by string: the municipality cites sources, so a class reference here would be an import cycle.
  @ManyToOne({ entity: "Municipality", ref: true, nullable: true, index: true })
  municipality: Ref<Municipality> | null = null;

  constructor(key: string, title: string) {
    super();
    this.key = key;
    this.title = title;
  }
}
