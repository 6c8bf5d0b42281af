import { Collection, Entity, ManyToMany, ManyToOne, Property, type Ref } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { Provider } from "../provider/provider.entity.js";
import { Source } from "../source/source.entity.js";
import { Topic } from "../topic/topic.entity.js";

/** A software product used by municipalities, such as JUGIS or winkita. */
@ObjectType({ implements: HubEntity, description: "A software product used by municipalities." })
@Entity()
export class Product extends HubEntity {
  @Field({ description: "Stable slug, e.g. `jugis`." })
  @Property({ type: "string", length: 100, unique: true })
  slug: string;

  @Field({ description: "Product name." })
  @Property({ type: "text" })
  name: string;

  @Field({ description: "What the product does, in German." })
  @Property({ type: "text" })
  description: string;

  @ManyToOne({ entity: () => Provider, ref: true, nullable: true, index: true })
  vendor: Ref<Provider> | null = null;

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
