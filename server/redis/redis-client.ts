import { Redis } from "ioredis";

/** Longest the first Redis connection attempt is waited for before a request goes on without Redis. */
const FIRST_CONNECT_WAIT_MS = 2000;
/** Longest one Redis command may take before the request goes on without Redis. */
const REDIS_COMMAND_TIMEOUT_MS = 1000;

/** A Redis connection of the hub and the moment its first connection attempt settled. */
export interface RedisConnection {
  client: Redis;
  /** Settles with the first connection attempt (either way), at the latest after `FIRST_CONNECT_WAIT_MS`. */
  firstAttempt: Promise<void>;
}

/**
 * Opens a connection to `url` as every Redis user of the hub does: without offline queue, so that
 * commands fail at once while Redis is away (the caller then goes on without it), and with short
 * connect and command timeouts. Does not wait for the connection.
 */
export function openRedis(url: string): RedisConnection {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    connectTimeout: FIRST_CONNECT_WAIT_MS,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
  });
  const firstAttempt = new Promise<void>((resolve) => {
    client.once("ready", () => resolve());
    client.once("error", () => resolve());
    setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref();
  });
  return { client, firstAttempt };
}

/** Closes a connection, stopping its reconnection attempts too. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === "ready") await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
