import type { EntityClass } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubEntity } from "../common/node.js";
import type { Publishable } from "./publishable.js";

/**
 * What the write path needs to know about one kind of record: its entity, how to
 * name it in messages, whose it is, and what it must have before it is published.
 */
export interface RecordKind<T extends HubEntity = HubEntity> {
  entity: EntityClass<T>;
  /** The record kind in messages, e.g. `project`, `field of action`. */
  label: string;
  /** Relations to load before a write: those `owner` reads and those whose change a revision records. */
  populate: readonly string[];
  /** Id of the municipality whose editors may write the record; null for hub-wide records only admins write. */
  owner(record: T): number | null;
  /** The unique property (and argument) mutations may name the record by instead of its ID, where it has one. */
  naturalKey?: "slug" | "key";
  /** Where `naturalKey` is unique when not across the hub: within the record's municipality (council decisions). */
  keyScope?: "municipality";
  /** Only admins write these (municipalities, providers, products, topics). */
  adminOnly?: boolean;
  /** The record this one belongs to and follows (a field of action's strategy), where it has one; must be loaded. */
  parentOf?(record: T): Publishable | null;
  /** What keeps the record from being published, as `[field, reason]` pairs; empty when nothing does. */
  publishProblems?(record: T): [string, string][];
  /** What a write that leaves the record public adds in the same transaction (a project's status history). */
  afterPublicWrite?(tx: EntityManager, record: T): Promise<void>;
}
