import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * A sign-in through the town's single sign-on under way: the checks of this one attempt (state, nonce, PKCE
 * verifier), the editor page to return to, and the fields of a form posted while the session had ended. Kept
 * server-side, named in the browser only by a random id whose SHA-256 is stored here, so that nothing the
 * browser sends back can change them; spent at the provider's answer, and swept a while after `expiresAt`.
 */
@Entity()
@Index({ properties: ["expiresAt"] })
export class EditorSignIn {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  /** SHA-256 of the id the pending cookie carries, lower-case hex. */
  @Property({ type: "string", length: 64, unique: true })
  idHash: string;

  @Property({ type: "string", length: 128 })
  state: string;

  @Property({ type: "string", length: 128 })
  nonce: string;

  @Property({ type: "string", length: 128 })
  verifier: string;

  /** The editor page to return to after signing in; null for "Meine Kommune". */
  @Property({ type: "string", length: 300, nullable: true })
  returnPath: string | null = null;

  /** A form's fields carried through the sign-in, as name and value pairs in their order; null without any. */
  @Property({ type: "json", nullable: true })
  carried: [string, string][] | null = null;

  @Property({ type: "datetime", length: 3 })
  createdAt: Date = new Date();

  /** After this the sign-in can no longer finish. */
  @Property({ type: "datetime", length: 3 })
  expiresAt: Date;

  constructor(
    idHash: string,
    checks: { state: string; nonce: string; verifier: string },
    returnPath: string | null,
    carried: [string, string][] | null,
    expiresAt: Date,
  ) {
    this.idHash = idHash;
    this.state = checks.state;
    this.nonce = checks.nonce;
    this.verifier = checks.verifier;
    this.returnPath = returnPath;
    this.carried = carried;
    this.expiresAt = expiresAt;
  }
}
