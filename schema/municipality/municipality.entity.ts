import { Check, Collection, Entity, Enum, ManyToMany, ManyToOne, Property, Index, type Ref } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { PartialDateScalar } from "../common/scalars.js";
import { Source } from "../source/source.entity.js";
import { STATE_NAMES, State } from "./state.enum.js";

/** A German municipality (Stadt or Gemeinde) that publishes its digitalisation work in the hub. */
@ObjectType({ implements: HubEntity, description: "A German municipality (Stadt or Gemeinde)." })
@Entity()
@Check({ name: "municipality_official_key_format", expression: "official_key ~ '^[0-9]{8}$'" })
// Each list order's index (issue 18): a page reads its rows in index order instead of sorting the whole table.
@Index({ properties: ["name", "id"] })
@Index({ properties: ["createdAt", "id"] })
export class Municipality extends HubEntity {
  @Field({ description: "Stable slug, e.g. `herten`." })
  @Property({ type: "string", length: 100, unique: true })
  slug: string;

  @Field({ description: "Name, e.g. `Herten`." })
  @Property({ type: "text" })
  name: string;

  @Field({ description: "Official municipality key (Amtlicher Gemeindeschlüssel, AGS), 8 digits." })
  @Property({ type: "string", length: 8, unique: true })
  officialKey: string;

  @Field(() => State, { description: "State (Land)." })
  @Enum({ items: () => State })
  state: State;

  @Field(() => String, {
    nullable: true,
    description: "Government region (Regierungsbezirk), where the state has them.",
  })
  @Property({ type: "text", nullable: true })
  governmentRegion: string | null = null;

  @Field(() => String, { nullable: true, description: "District (Kreis or Landkreis)." })
  @Property({ type: "text", nullable: true })
  district: string | null = null;

  @Field(() => Int, {
    nullable: true,
    description: "Population, as `populationSource` gives it; null when no source gives one.",
  })
  @Property({ type: "integer", nullable: true })
  population: number | null = null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "Reference date (Stichtag) of `population`; null when its source states none.",
  })
  @Property({ type: "string", length: 10, nullable: true })
  populationAsOf: string | null = null;

  /** The publication `population` is taken from; set whenever `population` is (the write path sees to it). */
  // Checked at commit: sources belong to municipalities too, and a restore loads the two tables one after the other.
  @ManyToOne({ entity: () => Source, ref: true, nullable: true, deferMode: "deferred" })
  populationSource: Ref<Source> | null = null;

  @Field(() => String, { nullable: true, description: "Official website." })
  @Property({ type: "text", nullable: true })
  website: string | null = null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. where sources disagree." })
  @Property({ type: "text", nullable: true })
  note: string | null = null;

  @ManyToMany({ entity: () => Source })
  sources = new Collection<Source>(this);

  /** German name of the state. */
  @Field({ description: "German name of the state, e.g. `Nordrhein-Westfalen`." })
  get stateName(): string {
    return STATE_NAMES[this.state];
  }

  constructor(slug: string, name: string, officialKey: string, state: State) {
    super();
    this.slug = slug;
    this.name = name;
    this.officialKey = officialKey;
    this.state = state;
  }
}
