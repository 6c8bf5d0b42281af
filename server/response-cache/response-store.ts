import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { Redis } from "ioredis";
import type { ResponseCacheConfig } from "../config.js";
import type { Logger } from "../logger.js";
import type { RedisConnection } from "../redis/redis-client.js";

/**
 * Where cached GraphQL answers are kept, and the generation that invalidates them: every committed
 * write bumps it, and since it is part of every entry's key, entries written before the bump are
 * never read again (they expire with their max-age, or the LRU drops them).
 */
export interface ResponseStore {
  /** The stored answers (see stored-answers.ts), by key; a failing read is a miss, a failing write is dropped. */
  readonly cache: KeyValueCache<string>;
  /** The current generation; null while the store cannot be used (Redis away), so the request bypasses the cache. */
  generation(): Promise<string | null>;
  /** Invalidates every entry (after a write). Never rejects. */
  bump(): Promise<void>;
}

/**
 * Creates the store: an LRU of about `maxBytes` in this process, or Redis (shared by every hub using it) on the hub's
 * connection to REDIS_URL.
 */
export function createResponseStore(
  config: ResponseCacheConfig,
  redis: RedisConnection | null,
  logger: Logger,
): ResponseStore {
  return redis ? new RedisResponseStore(config, redis, logger) : memoryStore(config.maxBytes);
}

/** The in-process store: an LRU bounded by the answers' size (characters of their JSON). */
function memoryStore(maxBytes: number): ResponseStore {
  const cache = new InMemoryLRUCache<string>({ maxSize: maxBytes });
  let generation = 0;
  return {
    cache,
    generation: async () => String(generation),
    bump: async () => {
      generation += 1;
      // The old generation's entries can never be read again: free their memory at once.
      cache.clear();
    },
  };
}

/**
 * Entries in Redis under `keyPrefix`, expiring with their max-age, and the generation as one counter
 * there. While Redis is away every request bypasses the cache (logged once per outage); when it is
 * back the generation is bumped, since writes made meanwhile could not bump it.
 */
class RedisResponseStore implements ResponseStore {
  readonly cache: KeyValueCache<string>;
  private readonly client: Redis;
  private readonly firstAttempt: Promise<void>;
  private readonly generationKey: string;
  /** The Redis URL without its password, for the log. */
  private readonly where: string;
  private down = false;

  constructor(
    { keyPrefix }: ResponseCacheConfig,
    redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    ({ client: this.client, firstAttempt: this.firstAttempt, where: this.where } = redis);
    this.generationKey = `${keyPrefix}generation`;
    const where = this.where;
    this.client.on("error", (error: Error & { code?: string }) => this.markDown(error.code ?? error.message));
    this.client.on("ready", () => {
      if (!this.down) return;
      this.down = false;
      logger.info({ redis: where }, `Redis at ${where} is reachable again; GraphQL answers are cached again`);
      void this.bump();
    });
    this.cache = this.entries(keyPrefix);
  }

  async generation(): Promise<string | null> {
    await this.firstAttempt;
    if (this.client.status !== "ready") return null;
    return this.client.get(this.generationKey).then(
      (value) => value ?? "0",
      (error: Error) => {
        this.markDown(error.message);
        return null;
      },
    );
  }

  async bump(): Promise<void> {
    await this.client.incr(this.generationKey).catch(() => undefined);
  }

  private markDown(reason: string): void {
    // The hub closed the connection: stopping, not an outage.
    if (this.down || this.client.status === "end") return;
    this.down = true;
    this.logger.warn(
      { redis: this.where, reason },
      `Redis at ${this.where} is unreachable (${reason}); GraphQL answers are not cached until it is back`,
    );
  }

  /** The entries as Apollo's key-value cache, under `keyPrefix`; failures are misses and dropped writes. */
  private entries(keyPrefix: string): KeyValueCache<string> {
    const client = this.client;
    const failed = (error: Error) => {
      this.markDown(error.message);
      return undefined;
    };
    return {
      get: async (key) => (await client.get(keyPrefix + key).catch(failed)) ?? undefined,
      set: async (key, value, options?: KeyValueCacheSetOptions) => {
        const ttl = options?.ttl;
        // The plugin stores only cacheable answers, whose max-age is at least a second.
        if (!ttl || ttl <= 0) return;
        await client.set(keyPrefix + key, value, "EX", Math.ceil(ttl)).catch(failed);
      },
      delete: async (key) => (await client.del(keyPrefix + key).catch(failed)) === 1,
    };
  }
}
