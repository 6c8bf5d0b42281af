/**
 * FallbackSearchEngine with test doubles (hand-written stand-ins, neither Meilisearch nor
 * PostgreSQL): it answers from the fallback while the primary fails, and while the
 * primary's index lags further behind than the bound, as the outbox worker measured it.
 * Time is an explicit value, never the wall clock.
 */
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { OutboxLag } from "../../server/search/outbox-worker.js";
import type { SearchEngine, SearchRequest, SearchResponse } from "../../schema/search/search-engine.port.js";
import { FallbackSearchEngine, MAX_SEARCH_LAG_MS } from "../../server/search/search-runtime.js";

/** Test double of an engine: answers with its own name as the only facet value and counts its searches. */
class EngineDouble implements SearchEngine {
  searches = 0;
  failing = false;

  constructor(readonly name: SearchEngine["name"]) {}

  async search(): Promise<SearchResponse> {
    this.searches++;
    if (this.failing) throw new Error("test double: engine unreachable");
    return {
      hits: [],
      totalCount: 0,
      totalCountIsExact: true,
      facets: [{ field: "type", values: [{ value: this.name, count: 1 }] }],
    };
  }

  async health() {
    return { status: "up" as const, engine: this.name };
  }
}

/** Test double of the outbox worker's lag measurement: the test sets when the oldest waiting change was queued. */
class LagDouble implements OutboxLag {
  since: number | null = null;
  reads = 0;

  oldestPendingSince(): number | null {
    this.reads++;
    return this.since;
  }
}

const request: SearchRequest = { query: "Kita", filter: {}, offset: 0, limit: 10, facets: true };
const answeredBy = (response: SearchResponse) => response.facets[0].values[0].value;

function setUp() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const primary = new EngineDouble("meilisearch");
  const fallback = new EngineDouble("postgres");
  const lag = new LagDouble();
  const clock = { now: 1_900_000_000_000 };
  const engine = new FallbackSearchEngine(primary, fallback, logger, { lag, now: () => clock.now });
  return { engine, primary, fallback, lag, clock, lines };
}

describe("FallbackSearchEngine and the lag of the primary's index", () => {
  it("searches with the primary while nothing waits, or the oldest change waits no longer than the bound", async () => {
    const { engine, lag, clock } = setUp();
    expect(answeredBy(await engine.search(request))).toBe("meilisearch");
    lag.since = clock.now - MAX_SEARCH_LAG_MS;
    expect(answeredBy(await engine.search(request))).toBe("meilisearch");
  });

  it("answers from the fallback while the lag exceeds the bound, and from the primary again once it has caught up", async () => {
    const { engine, primary, lag, clock, lines } = setUp();
    lag.since = clock.now - 5_000;
    expect(answeredBy(await engine.search(request))).toBe("meilisearch");
    // The worker measured nothing new, but time passes: the same oldest change now waits too long.
    clock.now += MAX_SEARCH_LAG_MS;
    expect(answeredBy(await engine.search(request))).toBe("postgres");
    expect(answeredBy(await engine.search(request))).toBe("postgres");
    expect(primary.searches).toBe(1);
    lag.since = null;
    expect(answeredBy(await engine.search(request))).toBe("meilisearch");
    expect(answeredBy(await engine.search(request))).toBe("meilisearch");

    const switches = lines
      .map((line) => line.msg)
      .filter((msg) => String(msg).includes("lags behind") || String(msg).includes("caught up"));
    expect(switches).toEqual([
      "search index lags behind; answering from postgres until it has caught up",
      "search index has caught up; searching with it again",
    ]);
    expect(lines.find((line) => String(line.msg).includes("lags behind"))).toMatchObject({
      lagSeconds: 35,
      maxLagSeconds: 30,
    });
  });

  it("reads the lag from memory on each search and never asks the database", async () => {
    const { engine, lag } = setUp();
    await engine.search(request);
    await engine.search(request);
    expect(lag.reads).toBe(2);
  });

  it("still falls back when the primary fails, with or without lag", async () => {
    const { engine, primary } = setUp();
    primary.failing = true;
    expect(answeredBy(await engine.search(request))).toBe("postgres");
    primary.failing = false;
    expect(answeredBy(await engine.search(request))).toBe("meilisearch");
  });

  it("without a lag bound, only failures switch engines", async () => {
    const primary = new EngineDouble("meilisearch");
    const engine = new FallbackSearchEngine(primary, new EngineDouble("postgres"), pino({ level: "silent" }));
    expect(answeredBy(await engine.search(request))).toBe("meilisearch");
  });
});
