import { type IRateLimiterOptions, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { HubConfig } from "../config.js";
import type { Logger } from "../logger.js";
import type { RedisConnection } from "../redis/redis-client.js";

/** Prefix of every rate-limit key, in Redis and in memory: `ikz-hub:rl:token:<sha256>` or `ikz-hub:rl:ip:<IPv4 address or IPv6 /64>`. */
export const RATE_LIMIT_KEY_PREFIX = "ikz-hub:rl";

/** The outcome of one request against its budget. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Points per window (`RATE_LIMIT_POINTS`). */
  limit: number;
  /** Points left in the current window. */
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number;
}

/**
 * The hub's request budget: per key, `points` requests per `durationSeconds`.
 * In memory (per hub instance) by default; in Redis, shared by every instance
 * pointing at it, when `REDIS_URL` is set.
 */
export interface RateLimiter {
  readonly points: number;
  readonly durationSeconds: number;
  /** Whether the budget is kept in Redis (`REDIS_URL` set), whatever the connection's state. */
  readonly usesRedis: boolean;
  /**
   * Takes `points` (default one) from `key`'s budget. A request that would take more
   * than is left is refused and takes nothing (so a refused large export leaves the
   * budget to a smaller request). Never rejects because Redis is unreachable: the
   * request is then counted by this instance in memory (the insurance limiter).
   */
  consume(key: string, points?: number): Promise<RateLimitDecision>;
  /** Gives `points` back to `key`'s budget (a sign-in that succeeded does not count against it). */
  reward(key: string, points?: number): Promise<void>;
  /** Whether Redis answers a PING; null when no Redis is configured. */
  redisStatus(): Promise<"up" | "down" | null>;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function decision(res: RateLimiterRes, allowed: boolean, points: number): RateLimitDecision {
  return {
    allowed,
    limit: points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: seconds(res.msBeforeNext),
  };
}

/** A memory limiter that reports each use: as the insurance of the Redis limiter, a use means Redis failed. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: IRateLimiterOptions,
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(
    key: string | number,
    pointsToConsume?: number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(key, pointsToConsume, options);
  }
}

/**
 * Creates the limiter. With `redis` (the hub's connection to REDIS_URL, see redis-client.ts) it counts in Redis;
 * a request Redis cannot answer is counted in this instance's memory instead, and a warning is logged once per
 * outage (again after Redis came back and went away again). Start-up does not wait for Redis and does not fail
 * without it. Without `redis`, it counts in memory.
 */
export function createRateLimiter({
  config,
  logger,
  redis,
}: {
  config: Pick<HubConfig, "rateLimit">;
  logger: Logger;
  redis?: RedisConnection | null;
}): RateLimiter {
  const { points, durationSeconds } = config.rateLimit;
  const options: IRateLimiterOptions = { points, duration: durationSeconds, keyPrefix: RATE_LIMIT_KEY_PREFIX };
  if (!redis) {
    const memory = new RateLimiterMemory(options);
    return {
      points,
      durationSeconds,
      usesRedis: false,
      consume: (key, cost = 1) => consumeFrom(memory, key, points, cost),
      reward: async (key, given = 1) => void (await memory.reward(key, given)),
      redisStatus: async () => null,
    };
  }
  const limiter = redisLimiter(options, redis, logger);
  const { client, firstAttempt } = redis;
  return {
    points,
    durationSeconds,
    usesRedis: true,
    consume: async (key, cost = 1) => {
      // Requests arriving right after start-up wait for the first attempt, so that they are counted in Redis.
      await firstAttempt;
      return consumeFrom(limiter, key, points, cost);
    },
    reward: async (key, given = 1) => {
      await firstAttempt;
      // Redis away: the insurance limiter counted the attempt, and gives it back.
      await limiter.reward(key, given).catch(() => undefined);
    },
    redisStatus: async () => {
      if (client.status !== "ready") return "down";
      return client.ping().then(
        (answer) => (answer === "PONG" ? "up" : "down"),
        () => "down",
      );
    },
  };
}

/** The Redis limiter on the shared connection, with an insurance limiter in memory that logs each outage once. */
function redisLimiter(options: IRateLimiterOptions, { client, where }: RedisConnection, logger: Logger) {
  let down = false;
  const markDown = (reason: string) => {
    if (down) return;
    down = true;
    logger.warn(
      { redis: where, reason },
      `Redis at ${where} is unreachable (${reason}); each hub instance now counts rate limits in its own memory until Redis is back`,
    );
  };
  client.on("error", (error: Error & { code?: string }) => markDown(error.code ?? error.message));
  client.on("ready", () => {
    if (!down) return;
    down = false;
    logger.info({ redis: where }, `Redis at ${where} is reachable again; rate limits are shared again`);
  });
  return new RateLimiterRedis({
    ...options,
    storeClient: client,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new InsuranceLimiter(options, () =>
      markDown(client.status === "end" ? "connection closed" : "command failed"),
    ),
  });
}

async function consumeFrom(
  limiter: RateLimiterMemory | RateLimiterRedis,
  key: string,
  points: number,
  cost: number,
): Promise<RateLimitDecision> {
  try {
    return decision(await limiter.consume(key, cost), true, points);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    if (cost === 1) return decision(rejection, false, points);
    // rate-limiter-flexible counts refused points too; a refused multi-point request gives them back.
    await limiter.reward(key, cost).catch(() => undefined);
    const left = Math.max(0, points - (rejection.consumedPoints - cost));
    return { ...decision(rejection, false, points), remaining: left };
  }
}
