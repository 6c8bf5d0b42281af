import type { MikroORM } from "@mikro-orm/postgresql";
import type { RequestHandler } from "express";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import type { SearchEngine } from "../../schema/search/search-engine.port.js";

/** How long `/healthz` waits for a dependency before it reports it down. */
export const HEALTH_TIMEOUT_MS = 2000;

/**
 * `GET /healthz`: 200 with the database's state and latency, or 503 when the database
 * does not answer in time. Redis (only with REDIS_URL) and the search engine are reported
 * but do not change the status code: without Redis the hub still serves, with rate limits
 * counted per instance; without Meilisearch writes still succeed and queue in the outbox.
 */
export function healthRoute({
  orm,
  rateLimiter,
  search,
}: {
  orm: MikroORM;
  rateLimiter: RateLimiter;
  search: SearchEngine;
}): RequestHandler {
  return async (_req, res) => {
    const started = performance.now();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out")), HEALTH_TIMEOUT_MS).unref(),
    );
    const [database, redis, searchHealth] = await Promise.all([
      Promise.race([orm.em.getConnection().execute("select 1"), timeout])
        .then(() => ({ status: "up", latencyMs: Math.round(performance.now() - started) }))
        .catch(() => ({ status: "down" })),
      Promise.race([rateLimiter.redisStatus(), timeout]).then(
        (status) => (status ? { status } : undefined),
        () => ({ status: "down" as const }),
      ),
      Promise.race([search.health(), timeout]).catch(() => ({ status: "down" as const, engine: search.name })),
    ]);
    const up = database.status === "up";
    res
      .status(up ? 200 : 503)
      .json({ status: up ? "ok" : "degraded", database, ...(redis ? { redis } : {}), search: searchHealth });
  };
}
