import type { MikroORM } from "@mikro-orm/postgresql";
import type { RequestHandler } from "express";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import type { SearchEngine } from "../../schema/search/search-engine.port.js";

/** How long `/healthz` waits for a dependency before it reports it down. */
export const HEALTH_TIMEOUT_MS = 2000;

/** What the health checks look at. */
export interface HealthSources {
  orm: MikroORM;
  rateLimiter: RateLimiter;
  search: SearchEngine;
}

/** The outcome of the health checks: whether the hub can serve, and the report `/healthz` and `/readyz` send. */
export interface HealthReport {
  up: boolean;
  body: Record<string, unknown>;
}

/** Settles as `work` does, or rejects after HEALTH_TIMEOUT_MS. */
export function withinHealthTimeout<T>(work: Promise<T>): Promise<T> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("timed out")), HEALTH_TIMEOUT_MS).unref(),
  );
  return Promise.race([work, timeout]);
}

/**
 * Checks the database (its state and latency; down when it does not answer in time), Redis (only with REDIS_URL)
 * and the search engine. Only the database decides `up`: without Redis the hub still serves, with rate limits
 * counted per instance; without Meilisearch writes still succeed and queue in the outbox.
 */
export async function checkHealth({ orm, rateLimiter, search }: HealthSources): Promise<HealthReport> {
  const started = performance.now();
  const [database, redis, searchHealth] = await Promise.all([
    withinHealthTimeout(orm.em.getConnection().execute("select 1"))
      .then(() => ({ status: "up", latencyMs: Math.round(performance.now() - started) }))
      .catch(() => ({ status: "down" })),
    withinHealthTimeout(rateLimiter.redisStatus()).then(
      (status) => (status ? { status } : undefined),
      () => ({ status: "down" as const }),
    ),
    withinHealthTimeout(search.health()).catch(() => ({ status: "down" as const, engine: search.name })),
  ]);
  const up = database.status === "up";
  return {
    up,
    body: { status: up ? "ok" : "degraded", database, ...(redis ? { redis } : {}), search: searchHealth },
  };
}

/**
 * `GET /healthz` and `GET /readyz`: 200 with the database's state and latency, or 503 when the database
 * does not answer in time (see `checkHealth`).
 */
export function healthRoute(sources: HealthSources): RequestHandler {
  return async (_req, res) => {
    const { up, body } = await checkHealth(sources);
    res.status(up ? 200 : 503).json(body);
  };
}

/** `GET /livez`: 200 while the process serves HTTP at all; it asks nothing of the database, so an outage restarts nobody. */
export const livenessRoute: RequestHandler = (_req, res) => {
  res.status(200).json({ status: "ok" });
};
