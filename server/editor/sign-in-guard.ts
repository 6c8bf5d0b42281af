import { createHash } from "node:crypto";
import type { Request } from "express";
import type { HubConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { rateLimitSubject } from "../rate-limit/rate-limit.middleware.js";
import { createRateLimiter, type RateLimiter } from "../rate-limit/rate-limiter.js";
import type { RedisConnection } from "../redis/redis-client.js";

/**
 * The budgets of failed sign-ins: per client address and per account (a token tried, by its hash; a person of the
 * identity provider, by issuer and subject). Every attempt takes a point before anything is checked, so that a
 * refusal for too many attempts says nothing about whether a token exists; a sign-in that succeeds gives its
 * points back, so only failures add up. Kept in Redis with REDIS_URL, like the request budgets.
 */
export interface SignInGuard {
  /** Takes one attempt from the request's address; the seconds to wait when its budget is spent, else null. */
  attempt(req: Request): Promise<number | null>;
  /** Takes one attempt from an account's budget (see `accountKey`); the seconds to wait when it is spent, else null. */
  attemptAccount(account: string): Promise<number | null>;
  /** Gives the attempt of a successful sign-in back. */
  succeeded(req: Request, account?: string): Promise<void>;
}

/** The budget key of an account: a SHA-256, so that no token or subject is kept in memory or Redis. */
export function accountKey(...parts: string[]): string {
  return `signin-account:${createHash("sha256").update(parts.join("\n"), "utf8").digest("hex")}`;
}

function addressKey(req: Request): string {
  return `signin-${rateLimitSubject(null, req.ip, req.socket.remoteAddress).key}`;
}

/** Takes a point of `key`'s budget: the seconds until it has points again when it had none left, else null. */
async function take(budget: RateLimiter, key: string): Promise<number | null> {
  const decision = await budget.consume(key);
  return decision.allowed ? null : decision.resetSeconds;
}

/**
 * Creates the two budgets from SIGN_IN_ATTEMPTS_PER_ADDRESS, SIGN_IN_ATTEMPTS_PER_ACCOUNT and SIGN_IN_WINDOW_MINUTES,
 * in Redis on the hub's connection when there is one.
 */
export function createSignInGuard(
  config: Pick<HubConfig, "signInLimits">,
  logger: Logger,
  redis: RedisConnection | null,
): SignInGuard {
  const { perAddress, perAccount, windowSeconds } = config.signInLimits;
  const limiter = (points: number): RateLimiter =>
    createRateLimiter({ config: { rateLimit: { points, durationSeconds: windowSeconds } }, logger, redis });
  const addresses = limiter(perAddress);
  const accounts = limiter(perAccount);
  const budgets = (req: Request, account?: string): [RateLimiter, string][] => [
    [addresses, addressKey(req)],
    ...(account ? [[accounts, account] as [RateLimiter, string]] : []),
  ];
  return {
    attempt: (req) => take(addresses, addressKey(req)),
    attemptAccount: (account) => take(accounts, account),
    async succeeded(req, account) {
      await Promise.all(budgets(req, account).map(([budget, key]) => budget.reward(key)));
    },
  };
}
