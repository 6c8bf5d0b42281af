import { Entity, Property } from "@mikro-orm/core";
import { Arg, Field, ObjectType } from "type-graphql";
import { HubEntity } from "../common/node.js";
import { Language } from "./language.enum.js";

/**
 * A topic of the shared taxonomy (e-file, online services, schools, …). Fields of
 * action, projects and lessons are tagged with topics; this makes cities comparable.
 */
@ObjectType({ implements: HubEntity, description: "A topic of the shared taxonomy that makes cities comparable." })
@Entity()
export class Topic extends HubEntity {
  @Field({ description: "Stable key, e.g. `e-file`; use it in filters." })
  @Property({ type: "string", length: 60, unique: true })
  key: string;

  /** German label; GraphQL serves both labels through `label(language:)`. */
  @Property({ type: "text" })
  labelDe: string;

  /** English label. */
  @Property({ type: "text" })
  labelEn: string;

  @Field({ description: "What the topic covers." })
  @Property({ type: "text" })
  description: string;

  /** The label in the requested language. */
  @Field({ description: "Label in the requested language; German by default." })
  label(
    @Arg("language", () => Language, { defaultValue: Language.DE, description: "Language of the label." })
    language: Language,
  ): string {
    return language === Language.EN ? this.labelEn : this.labelDe;
  }

  constructor(key: string, labelDe: string, labelEn: string, description: string) {
    super();
    this.key = key;
    this.labelDe = labelDe;
    this.labelEn = labelEn;
    this.description = description;
  }
}
