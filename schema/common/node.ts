import { PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, InterfaceType } from "type-graphql";
import { toGlobalId } from "./global-id.js";
import { DateTimeScalar } from "./scalars.js";

/**
 * Base of every stored record: a database id, timestamps, and the GraphQL `Node`
 * interface whose `id` is a global ID made from the type name and database id.
 */
@InterfaceType("Node", {
  description: "An object with a globally unique ID, fetchable with `Query.node`.",
})
export abstract class HubEntity {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  // Millisecond precision, as JavaScript dates and cursors carry them.
  @Property({ type: "datetime", length: 3 })
  createdAt: Date = new Date();

  @Property({ type: "datetime", length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /**
   * For a record that is public only while its parent is (a field of action and its
   * strategy): the parent's `updatedAt`, read with the record (`parentUpdatedAt` formula).
   */
  parentUpdatedAt?: Date | null;

  /**
   * When the public view of the record last changed. A write to a public record is public
   * at once (no write is held back as a draft), and publishing is a write; but a record
   * whose parent was hidden may have been edited meanwhile, so it counts as changed no
   * earlier than its parent's last write, which republishing the parent is.
   */
  @Field(() => DateTimeScalar, {
    name: "updatedAt",
    description:
      'When the record\'s public content last changed: its last write while public, or its publication. Edits made while it was not public (a draft, or a child of an unpublished strategy or project) show only as the moment it became public again. Use it for "Stand" lines; for syncing, use `changes`.',
  })
  get publicUpdatedAt(): Date {
    const parent = this.parentUpdatedAt ? new Date(this.parentUpdatedAt) : null;
    return parent && parent > this.updatedAt ? parent : this.updatedAt;
  }

  /** The global ID under which GraphQL knows this record. */
  @Field(() => ID, { name: "id", description: "Globally unique, opaque ID of this object." })
  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
