import { createHash } from "node:crypto";
import { isIP } from "node:net";
import type { Request, RequestHandler } from "express";
import { ErrorCode } from "../../schema/common/errors.js";
import type { Logger } from "../logger.js";
import { scopeOf } from "../request-scope.js";
import type { RateLimiter } from "./rate-limiter.js";

/** Response headers a cross-origin script needs to read to back off (CORS `Access-Control-Expose-Headers`). */
export const RATE_LIMIT_RESPONSE_HEADERS = ["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];

/** Whose budget a request spends: a verified token's (by its hash) or, for anonymous callers, its address's. */
export interface RateLimitSubject {
  kind: "token" | "address";
  /** The limiter key: `token:<sha256 hex of the token>` or `ip:<IPv4 address>` or `ip:<IPv6 /64 network>`. Never the raw token. */
  key: string;
}

/** The eight 16-bit groups of a valid IPv6 address (zone id dropped), e.g. `::1` → [0, 0, 0, 0, 0, 0, 0, 1]. */
function ipv6Groups(address: string): number[] {
  const text = address.split("%")[0];
  const parts = (half: string): number[] => {
    if (half === "") return [];
    return half.split(":").flatMap((part) => {
      if (!part.includes(".")) return [parseInt(part, 16)];
      const [a, b, c, d] = part.split(".").map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const gap = text.indexOf("::");
  if (gap === -1) return parts(text);
  const head = parts(text.slice(0, gap));
  const tail = parts(text.slice(gap + 2));
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * The budget an address spends: an IPv4 address its own (also written IPv4-mapped, `::ffff:1.2.3.4`);
 * an IPv6 address its /64 network's, since one subscriber, host or container usually holds a whole /64
 * and could otherwise take a fresh budget for every address in it. Null for what is not an IP address.
 */
export function addressBudgetKey(ip: string | undefined): string | null {
  if (!ip) return null;
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version !== 6) return null;
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/**
 * Derives the budget key of a request. A request with a verified token spends the
 * token's budget, keyed by the SHA-256 of the token, so that no token is ever stored
 * (in memory or in Redis). Any other request spends the budget of its client address
 * (see `addressBudgetKey`): `ip`, which is express's `req.ip`, the TCP peer unless
 * TRUST_PROXY names proxies whose `X-Forwarded-For` tells the client's address. When
 * `ip` is not an address (a trusted proxy forwarded garbage) the `peer` pays.
 */
export function rateLimitSubject(
  verifiedToken: string | null,
  ip: string | undefined,
  peer?: string | undefined,
): RateLimitSubject {
  if (verifiedToken)
    return { kind: "token", key: `token:${createHash("sha256").update(verifiedToken, "utf8").digest("hex")}` };
  const address = addressBudgetKey(ip) ?? addressBudgetKey(peer);
  return { kind: "address", key: `ip:${address ?? "unknown"}` };
}

/**
 * Express middleware for `/graphql`: every request except an OPTIONS preflight takes
 * one point from its subject's budget (see `rateLimitSubject`). Only a token that
 * `verifiedToken` vouches for gets a budget of its own: an arbitrary Authorization
 * header must not buy a fresh budget. Every answer carries
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds), after the
 * IETF draft; past the limit the hub answers 429 with `Retry-After` and a GraphQL-shaped
 * `RATE_LIMITED` error. Mount it after CORS (so that 429s are readable cross-origin and
 * preflights never get here) and before the body parser (so that refused bodies are not
 * parsed). Should the limiter fail unexpectedly, the request is let through and logged:
 * limiting must never take the API down.
 *
 * `cost` prices a request in points (default one); the exports price their page size
 * this way. A cost above the whole budget is capped at the budget, so that every
 * request can pass once per window.
 */
export function rateLimitMiddleware(
  limiter: RateLimiter,
  logger: Logger,
  verifiedToken: (req: Request) => string | null,
  cost: (req: Request) => number = () => 1,
): RequestHandler {
  return async (req, res, next) => {
    if (req.method === "OPTIONS") return next();
    const subject = rateLimitSubject(verifiedToken(req), req.ip, req.socket.remoteAddress);
    const scope = scopeOf(res);
    if (scope) scope.rateLimitKey = subject.key;
    const points = Math.min(Math.max(1, Math.ceil(cost(req))), limiter.points);
    let result;
    try {
      result = await limiter.consume(subject.key, points);
    } catch (error) {
      logger.error({ err: error }, "rate limiter failed; request let through");
      return next();
    }
    res.setHeader("RateLimit-Limit", String(result.limit));
    res.setHeader("RateLimit-Remaining", String(result.remaining));
    res.setHeader("RateLimit-Reset", String(result.resetSeconds));
    if (result.allowed) return next();
    const retryAfter = result.resetSeconds;
    res.setHeader("Retry-After", String(retryAfter));
    res.setHeader("Cache-Control", "no-store");
    res.status(429).json({
      errors: [
        {
          message:
            `Too many requests: the limit is ${limiter.points} per ${limiter.durationSeconds} s for this ${subject.kind}; ` +
            (points > 1
              ? `this request costs ${points} points and ${result.remaining} are left; ask for less or `
              : "") +
            `try again in ${retryAfter} s.`,
          extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter },
        },
      ],
    });
  };
}
