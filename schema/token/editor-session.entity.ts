import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from "@mikro-orm/core";
import { ApiToken } from "./api-token.entity.js";
import { EditorPerson } from "./editor-person.entity.js";

/**
 * A signed-in editor's session on the hub's website: made at sign-in from an API token or through the town's
 * single sign-on (then it belongs to a person), kept server-side,
 * and named in the browser only by a random id whose SHA-256 is stored here. It ends when signed out, when
 * idle too long, when its absolute lifetime runs out, or when its token is revoked.
 */
@Entity()
@Index({ properties: ["token", "endedAt"] })
@Index({ properties: ["person", "endedAt"] })
@Index({ properties: ["providerSid"] })
@Check({ name: "editor_session_one_holder", expression: "(token_id is null) <> (person_id is null)" })
export class EditorSession {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  /** SHA-256 of the session id the cookie carries, lower-case hex. */
  @Property({ type: "string", length: 64, unique: true })
  idHash: string;

  /** The token the editor signed in with: the session acts as it, and dies with it. */
  @ManyToOne({ entity: () => ApiToken, ref: true, nullable: true, deleteRule: "cascade" })
  token: Ref<ApiToken> | null;

  /** The person signed in through single sign-on: the session acts for their municipality. */
  @ManyToOne({ entity: () => EditorPerson, ref: true, nullable: true, deleteRule: "cascade" })
  person: Ref<EditorPerson> | null;

  /** The secret the session's forms carry against cross-site requests. */
  @Property({ type: "string", length: 64 })
  csrfSecret: string;

  @Property({ type: "datetime", length: 3 })
  createdAt: Date = new Date();

  /** When the session was last used; it ends when idle longer than the configured timeout. */
  @Property({ type: "datetime", length: 3 })
  lastSeenAt: Date = new Date();

  /** The end of its absolute lifetime, however active it is. */
  @Property({ type: "datetime", length: 3 })
  expiresAt: Date;

  /**
   * The ID token of a sign-in through single sign-on: sent back to the provider as `id_token_hint` when the person
   * signs out, so that the provider ends its own session too. Never given to the browser.
   */
  @Property({ type: "text", nullable: true })
  idToken: string | null = null;

  /** The provider's session id (`sid` of the ID token), which a back-channel logout may name; null without one. */
  @Property({ type: "string", length: 255, nullable: true })
  providerSid: string | null = null;

  /** When it was signed out (or replaced by a new sign-in); null while open. */
  @Property({ type: "datetime", length: 3, nullable: true })
  endedAt: Date | null = null;

  /** `holder`: the token signed in with, or the person signed in through single sign-on. */
  constructor(
    idHash: string,
    holder: { token: Ref<ApiToken>; person?: null } | { token?: null; person: Ref<EditorPerson> },
    csrfSecret: string,
    expiresAt: Date,
  ) {
    this.idHash = idHash;
    this.token = holder.token ?? null;
    this.person = holder.person ?? null;
    this.csrfSecret = csrfSecret;
    this.expiresAt = expiresAt;
  }
}
