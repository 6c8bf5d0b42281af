/**
 * The search gauges of `/metrics` report the health check of the scrape that reads them: prom-client collects
 * the gauges concurrently, so each awaits one check shared by the scrape. A stand-in engine (not Meilisearch,
 * which cannot run here) reports an outbox whose size changes between scrapes.
 */
import { describe, expect, it } from "vitest";
import type { EngineHealth, SearchEngine } from "../../schema/search/search-engine.port.js";
import { createLogger } from "../../server/logger.js";
import { HubMetrics } from "../../server/metrics/metrics.js";

/** A search engine whose health answers with the outbox figures `next` holds at the time of the check. */
function engineReporting(next: { pending: number; lagSeconds: number }) {
  const checks = { count: 0 };
  const engine = {
    name: "meilisearch",
    search: () => Promise.reject(new Error("not searched here")),
    health: async (): Promise<EngineHealth> => {
      checks.count += 1;
      return { status: "up", engine: "meilisearch", pendingIsExact: true, ...next };
    },
  } satisfies SearchEngine;
  return { engine, checks };
}

/** The value of an unlabelled or labelled sample in Prometheus text. */
function sample(text: string, name: string): number | undefined {
  const line = text.split("\n").find((row) => row.startsWith(name + " ") || row.startsWith(name + "{"));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("search gauges on /metrics", () => {
  it("show the outbox of the scrape that reads them, with one health check per scrape", async () => {
    const outbox = { pending: 7, lagSeconds: 3 };
    const { engine, checks } = engineReporting(outbox);
    const metrics = new HubMetrics({
      orm: () => undefined,
      search: () => engine,
      logger: createLogger({ logLevel: "silent", logFormat: "json" }),
    });

    const first = await metrics.registry.metrics();
    expect(sample(first, "ikz_hub_search_outbox_pending")).toBe(7);
    expect(sample(first, "ikz_hub_search_outbox_lag_seconds")).toBe(3);
    expect(sample(first, "ikz_hub_search_up")).toBe(1);
    expect(checks.count).toBe(1);

    outbox.pending = 2;
    outbox.lagSeconds = 1;
    await new Promise((resolve) => setImmediate(resolve));
    const second = await metrics.registry.metrics();
    expect(sample(second, "ikz_hub_search_outbox_pending")).toBe(2);
    expect(sample(second, "ikz_hub_search_outbox_lag_seconds")).toBe(1);
    expect(checks.count).toBe(2);
  });
});
