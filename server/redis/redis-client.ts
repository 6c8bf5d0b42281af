import { Redis } from "ioredis";
import { redactUrl } from "../database/database.js";

/** Longest the first Redis connection attempt is waited for before a request goes on without Redis. */
const FIRST_CONNECT_WAIT_MS = 2000;
/** Longest one Redis command may take before the request goes on without Redis. */
const REDIS_COMMAND_TIMEOUT_MS = 1000;

/**
 * The hub's one Redis connection (REDIS_URL), shared by its users (request budgets, sign-in budgets, the response
 * cache), and the moment its first connection attempt settled. The hub opens it and closes it after its users.
 */
export interface RedisConnection {
  client: Redis;
  /** Settles with the first connection attempt (either way), at the latest after `FIRST_CONNECT_WAIT_MS`. */
  firstAttempt: Promise<void>;
  /** The URL without its password, for log lines. */
  where: string;
}

/** The name the hub's connection shows in Redis's `CLIENT LIST`, for operators. */
export const REDIS_CONNECTION_NAME = "ikz-hub";

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
    connectionName: REDIS_CONNECTION_NAME,
  });
  const firstAttempt = new Promise<void>((resolve) => {
    client.once("ready", () => resolve());
    client.once("error", () => resolve());
    setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref();
  });
  return { client, firstAttempt, where: redactUrl(url) };
}

/** Closes a connection, stopping its reconnection attempts too. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === "ready") await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
