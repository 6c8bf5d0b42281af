import { PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, InterfaceType } from "type-graphql";
import { toGlobalId } from "./global-id.js";

/**
 * Base of every stored record: a database id, timestamps, and the GraphQL `Node`
 * interface whose `id` is a global ID made from the type name and database id.
 */
@InterfaceType("Node", {
  description: "An object with a globally unique ID, fetchable with `Query.node`.",
  resolveType: (value: HubEntity) => value.constructor.name,
})
export abstract class HubEntity {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  // Millisecond precision, as JavaScript dates and cursors carry them.
  @Property({ type: "datetime", length: 3 })
  createdAt: Date = new Date();

  @Property({ type: "datetime", length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** The global ID under which GraphQL knows this record. */
  @Field(() => ID, { name: "id", description: "Globally unique, opaque ID of this object." })
  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
