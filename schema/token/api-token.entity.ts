import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from "@mikro-orm/core";
import type { Municipality } from "../municipality/municipality.entity.js";
import { TokenRole } from "./token-role.enum.js";

/** Longest token name, in characters. */
export const TOKEN_NAME_MAX_LENGTH = 120;

/**
 * An API token. Only the SHA-256 of the token is stored; the token itself is shown
 * once, at creation. Not a GraphQL `Node`: tokens are managed with the CLI, and
 * GraphQL shows only the caller's own token as `Query.viewer`.
 */
@Entity()
@Check({
  name: "api_token_role_municipality",
  expression: "(role = 'EDITOR' and municipality_id is not null) or (role = 'ADMIN' and municipality_id is null)",
})
// Written the way PostgreSQL prints it back (not with `between`), so that the schema diff sees no drift.
@Check({
  name: "api_token_name_length",
  expression: `char_length(name) >= 1 and char_length(name) <= ${TOKEN_NAME_MAX_LENGTH}`,
})
export class ApiToken {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  /** Who uses it, e.g. "Amt 10 – Digitalisierung". */
  @Property({ type: "string", length: TOKEN_NAME_MAX_LENGTH })
  name: string;

  @Enum({ items: () => TokenRole })
  role: TokenRole;

  /** The one municipality an editor token writes; null for admin tokens. */
  // Deleting a municipality deletes its editor tokens: they could never be used again (and the check forbids an editor without one).
  // Named by string: municipalities' features build on tokens, so a class reference here would be an import cycle.
  @ManyToOne({ entity: "Municipality", ref: true, nullable: true, index: true, deleteRule: "cascade" })
  municipality: Ref<Municipality> | null = null;

  /** SHA-256 of the token, lower-case hex. */
  @Property({ type: "string", length: 64, unique: true })
  tokenHash: string;

  // Millisecond precision, like the other entities.
  @Property({ type: "datetime", length: 3 })
  createdAt: Date = new Date();

  @Property({ type: "datetime", length: 3, nullable: true })
  revokedAt: Date | null = null;

  /** When the token was last verified; updated at most once a minute. */
  @Property({ type: "datetime", length: 3, nullable: true })
  lastUsedAt: Date | null = null;
}
