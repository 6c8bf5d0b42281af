import { createHash, randomBytes } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import { findBidiControl } from "../common/bidi.js";
import type { Municipality } from "../municipality/municipality.entity.js";
import { ApiToken, TOKEN_NAME_MAX_LENGTH } from "./api-token.entity.js";
import { TokenRole } from "./token-role.enum.js";

/** Every token starts with this, so that secret scanners and people recognise it. */
export const TOKEN_PREFIX = "ikz_";
/** Random bytes in a token: 256 bits. */
export const TOKEN_BYTES = 32;
/** The shape of every token the hub issues: the prefix and 32 bytes in base64url (43 characters). */
export const TOKEN_PATTERN = /^ikz_[A-Za-z0-9_-]{43}$/;
/** How often `lastUsedAt` (and a session's `lastSeenAt`) is written at most. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** A request to create a token that cannot be fulfilled as given; `field` names the offending input. */
export class TokenInputError extends Error {
  override name = "TokenInputError";
  constructor(
    message: string,
    readonly field: "name" | "role" | "municipality" | "id",
  ) {
    super(message);
  }
}

/** 32 random bytes in base64url (43 characters): the secret part of tokens, session ids and form secrets. */
export function randomSecret(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Makes a new random token: `ikz_` and 32 random bytes in base64url. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomSecret();
}

/** The SHA-256 of a token, lower-case hex: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Checks a token name; returns it trimmed, or throws a `TokenInputError`. */
export function checkTokenName(name: string | undefined): string {
  const trimmed = (name ?? "").trim();
  if (!trimmed) throw new TokenInputError('The token needs a name (--name), e.g. "Amt 10 – Digitalisierung".', "name");
  if ([...trimmed].length > TOKEN_NAME_MAX_LENGTH) {
    throw new TokenInputError(`The token name is longer than ${TOKEN_NAME_MAX_LENGTH} characters.`, "name");
  }
  if (/[\u0000-\u001f\u007f]/.test(trimmed) || findBidiControl(trimmed))
    throw new TokenInputError("The token name must not contain control characters.", "name");
  return trimmed;
}

/** Checks that an editor names exactly one municipality and an admin none; throws a `TokenInputError`. */
export function checkRoleScope(role: TokenRole, municipalitySlug: string | null | undefined): void {
  if (role === TokenRole.EDITOR && !municipalitySlug) {
    throw new TokenInputError(
      "An editor token needs its municipality (--municipality <slug>, e.g. herten).",
      "municipality",
    );
  }
  if (role === TokenRole.ADMIN && municipalitySlug) {
    throw new TokenInputError("An admin token belongs to no municipality; leave out --municipality.", "municipality");
  }
}

/** What to create: a name, a role and, for editors, the slug of their municipality. */
export interface CreateTokenInput {
  name: string;
  role: TokenRole;
  municipalitySlug?: string | null;
}

/**
 * Creates a token and stores only its hash. Returns the token (to show once) and the
 * stored record. Throws a `TokenInputError` for an invalid name, an editor without or
 * an admin with a municipality, or an unknown municipality slug.
 */
export async function createToken(
  em: EntityManager,
  input: CreateTokenInput,
): Promise<{ token: string; record: ApiToken }> {
  const name = checkTokenName(input.name);
  if (!Object.values(TokenRole).includes(input.role))
    throw new TokenInputError(`Unknown role ${JSON.stringify(input.role)}.`, "role");
  checkRoleScope(input.role, input.municipalitySlug);
  let municipality: Municipality | null = null;
  if (input.municipalitySlug) {
    // Named by string, as in ApiToken: a class reference would be an import cycle.
    municipality = await em.findOne<Municipality>("Municipality", { slug: input.municipalitySlug });
    if (!municipality) {
      throw new TokenInputError(
        `No municipality has the slug ${JSON.stringify(input.municipalitySlug)}; \`token list\` and the hub's \`municipalities\` query show the known ones.`,
        "municipality",
      );
    }
  }
  const token = generateToken();
  const record = em.create(ApiToken, {
    name,
    role: input.role,
    municipality,
    tokenHash: hashToken(token),
    createdAt: new Date(),
    revokedAt: null,
    lastUsedAt: null,
  });
  await em.persistAndFlush(record);
  return { token, record };
}

/** Every token, oldest first, with its municipality loaded. */
export function listTokens(em: EntityManager): Promise<ApiToken[]> {
  return em.find(ApiToken, {}, { orderBy: { id: "asc" }, populate: ["municipality"] });
}

/**
 * Revokes a token by id. Revoking a revoked token changes nothing and says so
 * (`alreadyRevoked`). Throws a `TokenInputError` for an unknown id.
 */
export async function revokeToken(
  em: EntityManager,
  id: number,
): Promise<{ record: ApiToken; alreadyRevoked: boolean }> {
  const record = await em.findOne(ApiToken, { id });
  if (!record) throw new TokenInputError(`No token has the id ${id}; \`token list\` shows the ids.`, "id");
  if (record.revokedAt) return { record, alreadyRevoked: true };
  record.revokedAt = new Date();
  await em.flush();
  return { record, alreadyRevoked: false };
}

/** Whether the token with this id exists and is unrevoked: one primary-key lookup, cheap enough for every request. */
export async function isTokenActive(em: EntityManager, id: number): Promise<boolean> {
  // Plain SQL: a third of the time the ORM's count takes, and this runs for every request with a token.
  const rows = await em.getConnection().execute("select 1 from api_token where id = ? and revoked_at is null", [id]);
  return rows.length > 0;
}

/**
 * Returns the record of a valid, unrevoked token, or null. Malformed tokens are
 * refused without a database query; others are looked up by their hash. Records
 * the use in `lastUsedAt`, at most once a minute.
 */
export async function verifyToken(em: EntityManager, rawToken: string): Promise<ApiToken | null> {
  if (!TOKEN_PATTERN.test(rawToken)) return null;
  const record = await em.findOne(ApiToken, { tokenHash: hashToken(rawToken) });
  if (!record || record.revokedAt) return null;
  const now = new Date();
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // A direct update: concurrent verifications must not overwrite a revocation.
    await em.nativeUpdate(ApiToken, { id: record.id }, { lastUsedAt: now });
    record.lastUsedAt = now;
  }
  return record;
}
