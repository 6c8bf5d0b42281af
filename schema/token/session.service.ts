import type { EntityManager } from "@mikro-orm/postgresql";
import { ApiToken } from "./api-token.entity.js";
import { EditorPerson } from "./editor-person.entity.js";
import { EditorSession } from "./editor-session.entity.js";
import { hashToken, LAST_USED_RESOLUTION_MS, randomSecret, verifyToken } from "./token.service.js";
import { type Viewer, viewerOfPerson, viewerOfToken } from "./viewer.js";

/** The shape of a session id: 32 random bytes in base64url. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How long after its end a session is deleted. */
const SWEEP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** How long sessions live: ended after `idleMs` without use, and `maxMs` after sign-in in any case. */
export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

/** An open session as a request sees it: who acts (and for which municipality), and the secret its forms must carry. */
export interface ActiveSession {
  viewer: Viewer;
  /** The municipality of an editor's token or person; null for an admin token, which has none. */
  municipality: { slug: string; name: string } | null;
  csrfSecret: string;
}

/** A session just opened: its id goes into the cookie, once. */
export interface OpenedSession extends Omit<ActiveSession, "municipality"> {
  id: string;
}

/**
 * Signs in with an API token: verifies it, ends the session the browser had (a new id at every sign-in),
 * and opens a new one. Null when the token is unknown, malformed or revoked.
 */
export async function openSession(
  em: EntityManager,
  rawToken: string,
  lifetime: SessionLifetime,
  replacing: string | null,
): Promise<OpenedSession | null> {
  const record = await verifyToken(em, rawToken);
  if (!record) return null;
  const holder = { token: em.getReference(ApiToken, record.id, { wrapped: true }) };
  return { ...(await startSession(em, holder, lifetime, replacing)), viewer: viewerOfToken(record) };
}

/**
 * Signs in a person the town's single sign-on vouched for (see oidc-person.ts): ends the session the browser
 * had and opens a new one that acts for the person's municipality.
 */
export async function openPersonSession(
  em: EntityManager,
  person: EditorPerson,
  lifetime: SessionLifetime,
  replacing: string | null,
  provider: ProviderSession = { idToken: null, sid: null },
): Promise<OpenedSession> {
  const holder = { person: em.getReference(EditorPerson, person.id, { wrapped: true }) };
  return { ...(await startSession(em, holder, lifetime, replacing, provider)), viewer: viewerOfPerson(person) };
}

/** What a session through single sign-on keeps of the provider's: the ID token, and the provider's session id. */
export interface ProviderSession {
  idToken: string | null;
  sid: string | null;
}

/** Ends the replaced session, sweeps old ones, and stores a new one for `holder`; returns its id and form secret. */
async function startSession(
  em: EntityManager,
  holder: ConstructorParameters<typeof EditorSession>[1],
  lifetime: SessionLifetime,
  replacing: string | null,
  provider?: ProviderSession,
): Promise<{ id: string; csrfSecret: string }> {
  if (replacing) await endSession(em, replacing);
  const id = randomSecret();
  const csrfSecret = randomSecret();
  const now = Date.now();
  // Sessions long over are of no use to anybody; sign-ins sweep them away.
  await em.nativeDelete(EditorSession, { expiresAt: { $lt: new Date(now - SWEEP_AFTER_MS) } });
  const session = new EditorSession(hashToken(id), holder, csrfSecret, new Date(now + lifetime.maxMs));
  session.idToken = provider?.idToken ?? null;
  session.providerSid = provider?.sid ? provider.sid.slice(0, 255) : null;
  em.persist(session);
  await em.flush();
  return { id, csrfSecret };
}

/**
 * The open session a cookie names, or null when it is unknown, signed out, idle too long, past its lifetime,
 * or its token revoked. Using a session keeps it from idling out.
 */
export async function findSession(
  em: EntityManager,
  rawId: string,
  lifetime: SessionLifetime,
): Promise<ActiveSession | null> {
  if (!SESSION_ID_PATTERN.test(rawId)) return null;
  const now = new Date();
  const session = await em.findOne(
    EditorSession,
    {
      idHash: hashToken(rawId),
      endedAt: null,
      expiresAt: { $gt: now },
      lastSeenAt: { $gt: new Date(now.getTime() - lifetime.idleMs) },
    },
    { populate: ["token.municipality", "person.municipality"] },
  );
  const token = session?.token?.getEntity() ?? null;
  const person = session?.person?.getEntity() ?? null;
  if (!session || (token && token.revokedAt)) return null;
  // Like a token's last use, written at most once a minute: the idle timeout counts in minutes.
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await em.nativeUpdate(EditorSession, { id: session.id }, { lastSeenAt: now });
  const municipality = (token ? token.municipality : person!.municipality)?.getEntity() ?? null;
  return {
    viewer: token ? viewerOfToken(token) : viewerOfPerson(person!),
    municipality: municipality && { slug: municipality.slug, name: municipality.name },
    csrfSecret: session.csrfSecret,
  };
}

/**
 * Ends the session a cookie names (signing out); an unknown or ended one changes nothing. Returns the ID token of
 * an open session through single sign-on (for signing out at the provider too), else null.
 */
export async function endSession(em: EntityManager, rawId: string): Promise<string | null> {
  if (!SESSION_ID_PATTERN.test(rawId)) return null;
  const rows = await em
    .getConnection()
    .execute<{ id_token: string | null }[]>(
      `update "editor_session" set "ended_at" = now() where "id_hash" = ? and "ended_at" is null returning "id_token"`,
      [hashToken(rawId)],
    );
  return rows[0]?.id_token ?? null;
}

/**
 * Ends the sessions a provider's back-channel logout names: of the person `subject` of `issuer`, only those of
 * the provider's session `sid` when given (and those of the person that recorded no provider session). Returns how
 * many were open.
 */
export async function endProviderSessions(
  em: EntityManager,
  issuer: string,
  subject: string | null,
  sid: string | null,
): Promise<number> {
  const rows = await em.getConnection().execute<{ id: number }[]>(
    `update "editor_session" s set "ended_at" = now() from "editor_person" p
      where p."id" = s."person_id" and s."ended_at" is null and p."issuer" = ?
        and (?::text is null or p."subject" = ?)
        and (?::text is null or s."provider_sid" = ? or (s."provider_sid" is null and ?::text is not null))
      returning s."id"`,
    [issuer, subject, subject, sid, sid, subject],
  );
  return rows.length;
}

/** Ends every open session of the token or person a viewer is (signing out everywhere); returns how many were open. */
export function endSessionsOf(em: EntityManager, viewer: Pick<Viewer, "tokenId" | "personId">): Promise<number> {
  const holder = viewer.tokenId !== null ? { token: viewer.tokenId } : { person: viewer.personId };
  return em.nativeUpdate(EditorSession, { ...holder, endedAt: null }, { endedAt: new Date() });
}
