import type { EntityManager } from "@mikro-orm/postgresql";
import { EditorSignIn } from "./editor-sign-in.entity.js";
import { hashToken, randomSecret } from "./token.service.js";

/** The shape of a pending sign-in's id: 32 random bytes in base64url. */
const SIGN_IN_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How long after its end a pending sign-in that never came back is deleted. */
const SWEEP_AFTER_MS = 60 * 60 * 1000;

/** A sign-in through single sign-on under way, as the provider's answer needs it. */
export interface PendingSignInRecord {
  state: string;
  nonce: string;
  verifier: string;
  returnPath: string | null;
  carried: [string, string][] | null;
}

/** Stores a sign-in under way for `lifetimeMs`, sweeping old ones; returns the id for the browser's cookie. */
export async function storePendingSignIn(
  em: EntityManager,
  pending: PendingSignInRecord,
  lifetimeMs: number,
): Promise<string> {
  const id = randomSecret();
  const now = Date.now();
  await em.nativeDelete(EditorSignIn, { expiresAt: { $lt: new Date(now - SWEEP_AFTER_MS) } });
  const carried = pending.carried?.length ? pending.carried : null;
  em.persist(new EditorSignIn(hashToken(id), pending, pending.returnPath, carried, new Date(now + lifetimeMs)));
  await em.flush();
  return id;
}

/**
 * Takes the sign-in under way a cookie names: deletes it (an answer of the provider spends it, whatever it is)
 * and returns it, or null when the id is malformed, unknown, already spent or expired.
 */
export async function takePendingSignIn(em: EntityManager, rawId: string | null): Promise<PendingSignInRecord | null> {
  if (!rawId || !SIGN_IN_ID_PATTERN.test(rawId)) return null;
  const rows = await em.getConnection().execute<
    {
      state: string;
      nonce: string;
      verifier: string;
      return_path: string | null;
      carried: unknown;
      expires_at: Date;
    }[]
  >(`delete from "editor_sign_in" where "id_hash" = ? returning "state", "nonce", "verifier", "return_path", "carried", "expires_at"`, [hashToken(rawId)]);
  const row = rows[0];
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return null;
  const carried = typeof row.carried === "string" ? (JSON.parse(row.carried) as unknown) : row.carried;
  return {
    state: row.state,
    nonce: row.nonce,
    verifier: row.verifier,
    returnPath: row.return_path,
    carried: Array.isArray(carried) ? (carried as [string, string][]) : null,
  };
}
