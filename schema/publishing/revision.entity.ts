import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import { ApiToken } from "../token/api-token.entity.js";
import { EditorPerson } from "../token/editor-person.entity.js";
import { ChangeKind } from "./change-kind.enum.js";
import { RevisionAction } from "./revision-action.enum.js";

/** The before and after value of one changed field, as JSON values. */
export interface FieldChangeRecord {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * One write to a record: who (the token's or the signed-in person's name), when, what changed. Revisions
 * are never updated or deleted; their ids follow commit order (writes take one
 * advisory lock), so the change feed can page by id without missing a write.
 */
@ObjectType({ description: "One write to a record: who, when, and the before and after of each changed field." })
@Entity()
@Index({ properties: ["recordType", "recordId", "id"] })
@Index({ properties: ["at"] })
export class Revision {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  /** GraphQL type name of the record, e.g. `Project`. */
  @Property({ type: "string", length: 40 })
  recordType: string;

  @Property({ type: "integer" })
  recordId: number;

  /** Whose record it is; null for hub-wide records (providers, products, topics, hub sources). */
  // Named by string: the municipality feature writes through this one, so a class reference would be an import cycle.
  @ManyToOne({ entity: "Municipality", ref: true, nullable: true, index: true, deleteRule: "set null" })
  municipality: Ref<Municipality> | null = null;

  @Field(() => RevisionAction, { description: "What the write did." })
  @Enum({ items: () => RevisionAction })
  action: RevisionAction;

  /** The record's version after the write; null for records without versions. */
  @Field(() => Int, {
    nullable: true,
    description: "The record's version after the write; null for records without versions.",
  })
  @Property({ type: "integer", nullable: true })
  version: number | null = null;

  /** The token's (or person's) name at the time of the write, kept even if the token is revoked or renamed. */
  @Field({
    name: "actor",
    description:
      "Name of the API token that wrote, e.g. `Amt 10 – Digitalisierung`, or of the person who wrote signed in through their town's single sign-on, e.g. `Erika Mustermann`.",
  })
  @Property({ type: "string", length: 120 })
  actorName: string;

  @ManyToOne({ entity: () => ApiToken, ref: true, nullable: true, deleteRule: "set null" })
  token: Ref<ApiToken> | null = null;

  /** The person who wrote, signed in through single sign-on on the editor pages; null for token writes. */
  @ManyToOne({ entity: () => EditorPerson, ref: true, nullable: true, deleteRule: "set null" })
  person: Ref<EditorPerson> | null = null;

  @Field(() => DateTimeScalar, { description: "When the write was committed." })
  @Property({ type: "datetime", length: 3 })
  at: Date = new Date();

  @Property({ type: "json" })
  changes: FieldChangeRecord[];

  /** How the write changed what the public sees; null when the public saw no difference. */
  @Enum({ items: () => ChangeKind, nullable: true })
  publicChange: ChangeKind | null = null;

  constructor(
    recordType: string,
    recordId: number,
    action: RevisionAction,
    actorName: string,
    changes: FieldChangeRecord[],
  ) {
    this.recordType = recordType;
    this.recordId = recordId;
    this.action = action;
    this.actorName = actorName;
    this.changes = changes;
  }
}
