import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique } from "@mikro-orm/core";
import type { Municipality } from "../municipality/municipality.entity.js";
import { TokenRole } from "./token-role.enum.js";

/** Longest person name kept, in characters (as long as a token name, so that revisions can record it). */
export const PERSON_NAME_MAX_LENGTH = 120;

/**
 * A person who signed in through the town's OpenID Connect provider: known by the provider's issuer and the
 * person's subject there, with the name, municipality and role their claims gave at the last sign-in. Their
 * sessions act like an editor token of that municipality; revisions record them as the one who wrote.
 */
@Entity()
@Unique({ properties: ["issuer", "subject"] })
export class EditorPerson {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  /** The provider's issuer URL, as its ID tokens name it. */
  @Property({ type: "string", length: 500 })
  issuer: string;

  /** The person's `sub` at that provider: stable, never reassigned. */
  @Property({ type: "string", length: 255 })
  subject: string;

  /** The name the claims gave at the last sign-in, e.g. "Erika Mustermann". */
  @Property({ type: "string", length: PERSON_NAME_MAX_LENGTH })
  name: string;

  /** The municipality the claims mapped the person to at the last sign-in. */
  // Named by string: municipalities' features build on tokens, so a class reference here would be an import cycle.
  @ManyToOne({ entity: "Municipality", ref: true, index: true, deleteRule: "cascade" })
  municipality: Ref<Municipality>;

  /** Always EDITOR: the hub's operators use admin tokens, not single sign-on. */
  @Enum({ items: () => TokenRole })
  role: TokenRole = TokenRole.EDITOR;

  @Property({ type: "datetime", length: 3 })
  createdAt: Date = new Date();

  @Property({ type: "datetime", length: 3 })
  lastSignInAt: Date = new Date();

  constructor(issuer: string, subject: string, name: string, municipality: Ref<Municipality>) {
    this.issuer = issuer;
    this.subject = subject;
    this.name = name;
    this.municipality = municipality;
  }
}
