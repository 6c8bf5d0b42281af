import { Collection, Entity, Enum, ManyToMany, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { State } from "../municipality/state.enum.js";
import { Source } from "../source/source.entity.js";
import { ProviderKind } from "./provider-kind.enum.js";

/** An organisation that serves municipalities: an IT service provider, a consultancy, a vendor, a municipal company. */
@ObjectType({ implements: HubEntity, description: "An organisation that serves municipalities." })
@Entity()
export class Provider extends HubEntity {
  @Field({ description: "Stable slug, e.g. `krzn`." })
  @Property({ type: "string", length: 100, unique: true })
  slug: string;

  @Field({ description: "Short name." })
  @Property({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Full legal name." })
  @Property({ type: "text", nullable: true })
  legalName: string | null = null;

  @Field(() => ProviderKind, { description: "Kind of organisation." })
  @Enum({ items: () => ProviderKind })
  kind: ProviderKind;

  @Field(() => String, { nullable: true, description: "Seat (town) of the organisation." })
  @Property({ type: "text", nullable: true })
  seat: string | null = null;

  @Field(() => [State], { description: "States whose municipalities it serves, where known." })
  @Enum({ items: () => State, array: true })
  statesServed: State[] = [];

  @Field(() => String, { nullable: true, description: "Website." })
  @Property({ type: "text", nullable: true })
  website: string | null = null;

  @Field({ description: "What the organisation does, in German." })
  @Property({ type: "text" })
  description: string;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  constructor(slug: string, name: string, kind: ProviderKind, description: string) {
    super();
    this.slug = slug;
    this.name = name;
    this.kind = kind;
    this.description = description;
  }
}
