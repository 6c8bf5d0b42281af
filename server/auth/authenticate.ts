import type { MikroORM } from "@mikro-orm/postgresql";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { ErrorCode } from "../../schema/common/errors.js";
import { hashToken, isTokenActive, TOKEN_PATTERN, verifyToken } from "../../schema/token/token.service.js";
import { type Viewer, viewerOfToken } from "../../schema/token/viewer.js";
import type { Logger } from "../logger.js";

/**
 * How long a verification result (valid or not) is reused. A revocation does not
 * wait for it: every request with a remembered valid token asks whether it is still unrevoked.
 */
export const AUTH_CACHE_MS = 30_000;
/** Most cached verification results; the oldest are dropped beyond it. */
const AUTH_CACHE_ENTRIES = 10_000;

/** Options of `createAuthenticator`. */
export interface AuthenticateOptions {
  orm: MikroORM;
  logger: Logger;
  /** Overrides `AUTH_CACHE_MS` (tests). */
  cacheMs?: number;
}

/** The viewer the authenticator stored for this request: null when anonymous or not (yet) verified. */
export function viewerOf(res: Response): Viewer | null {
  return (res.locals.viewer as Viewer | null | undefined) ?? null;
}

/**
 * The raw bearer token of a request whose token is verified, else null: what the
 * rate limiter keys a token's own budget by (it hashes it).
 */
export function verifiedToken(req: Request): string | null {
  if (!req.res || !viewerOf(req.res)) return null;
  const match = /^Bearer +(\S+)\s*$/i.exec(req.get("authorization") ?? "");
  return match ? match[1] : null;
}

function refuse(res: Response, reason: string): void {
  res.setHeader("WWW-Authenticate", "Bearer");
  res.setHeader("Cache-Control", "no-store");
  res.status(401).json({
    errors: [
      {
        message: `The API token is invalid or revoked; ${reason}`,
        extensions: { code: ErrorCode.UNAUTHENTICATED },
      },
    ],
  });
}

const ASK_AGAIN = "ask the hub operator for a new one, or send no Authorization header to read anonymously.";

/** The two halves of API-token authentication, mounted around the rate limiter. */
export interface Authenticator {
  /**
   * Reads `Authorization` and resolves it from the cache only, without the database:
   * a token verified in the last `AUTH_CACHE_MS` sets `res.locals.viewer`, so that the
   * rate limiter charges the token's own budget. Anything else waits for `verify`.
   */
  recall: RequestHandler;
  /**
   * After the rate limiter: looks up a token the cache does not know, checks that a
   * remembered one is still unrevoked, and answers 401 `UNAUTHENTICATED` (with
   * `WWW-Authenticate: Bearer`) for another scheme, a malformed, unknown or revoked token. Because unknown tokens are charged to their
   * address's budget first, random tokens cannot cause unbounded database lookups.
   */
  verify: RequestHandler;
}

interface Pending {
  token: string;
  hash: string;
}

/**
 * Creates the authenticator of `/graphql`. Verification results (valid or not) are
 * cached in memory by the token's SHA-256 for `AUTH_CACHE_MS`, so that a busy client
 * costs no hash lookup and no `lastUsedAt` write per request; each request with a
 * remembered valid token still asks the database, by primary key, whether it was
 * revoked since, so that a revocation (by the CLI in another process, or seen by a
 * write) takes effect at once. A valid token seen for the first time is charged to
 * its address once; from its second request on it spends its own budget. Mount
 * `recall` after CORS (preflights pass).
 */
export function createAuthenticator({ orm, logger, cacheMs = AUTH_CACHE_MS }: AuthenticateOptions): Authenticator {
  const cache = new Map<string, { viewer: Viewer | null; expires: number }>();
  const remember = (hash: string, viewer: Viewer | null) => {
    cache.delete(hash);
    if (cacheMs <= 0) return;
    cache.set(hash, { viewer, expires: Date.now() + cacheMs });
    if (cache.size > AUTH_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  };

  const recall: RequestHandler = (req, res, next) => {
    res.locals.viewer = null;
    if (req.method === "OPTIONS") return next();
    const header = req.get("authorization");
    if (header === undefined) return next();
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    if (!match) {
      res.locals.authRefusal =
        "send it as `Authorization: Bearer <token>`, or send no Authorization header to read anonymously.";
      return next();
    }
    const token = match[1];
    // Malformed tokens cost no lookup and take no cache entry.
    if (!TOKEN_PATTERN.test(token)) {
      res.locals.authRefusal = "tokens look like `ikz_` followed by 43 characters; ask the hub operator for one.";
      return next();
    }
    const hash = hashToken(token);
    const cached = cache.get(hash);
    if (cached && cached.expires > Date.now()) {
      if (cached.viewer) {
        res.locals.viewer = cached.viewer;
        res.locals.recalledHash = hash;
      } else res.locals.authRefusal = ASK_AGAIN;
    } else {
      res.locals.pendingToken = { token, hash } satisfies Pending;
    }
    next();
  };

  /** Lets a remembered token through only while it is still unrevoked; a revoked one is forgotten and refused. */
  const recheck = async (res: Response, hash: string, next: NextFunction) => {
    let active: boolean;
    try {
      // Bearer viewers always come from a token.
      active = await isTokenActive(orm.em.fork(), viewerOf(res)!.tokenId!);
    } catch (error) {
      return next(error);
    }
    if (active) return next();
    remember(hash, null);
    res.locals.viewer = null;
    logger.debug({ tokenHash: hash.slice(0, 12) }, "refused an API token revoked since it was verified");
    refuse(res, ASK_AGAIN);
  };

  const verify: RequestHandler = async (_req, res, next) => {
    if (res.locals.authRefusal) return refuse(res, res.locals.authRefusal as string);
    const recalled = res.locals.recalledHash as string | undefined;
    if (recalled) return recheck(res, recalled, next);
    const pending = res.locals.pendingToken as Pending | undefined;
    if (!pending) return next();
    let record;
    try {
      record = await verifyToken(orm.em.fork(), pending.token);
    } catch (error) {
      return next(error);
    }
    const viewer: Viewer | null = record ? viewerOfToken(record) : null;
    remember(pending.hash, viewer);
    if (!viewer) {
      logger.debug({ tokenHash: pending.hash.slice(0, 12) }, "refused an unknown or revoked API token");
      return refuse(res, ASK_AGAIN);
    }
    res.locals.viewer = viewer;
    next();
  };

  return { recall, verify };
}
