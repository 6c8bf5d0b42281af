import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ApolloServerPlugin } from "@apollo/server";
import type { MikroORM } from "@mikro-orm/postgresql";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { HubContext } from "../../schema/common/context.js";
import type { EngineHealth, SearchEngine } from "../../schema/search/search-engine.port.js";
import { withinHealthTimeout } from "../http/health.route.js";
import type { Logger } from "../logger.js";
import type { ResponseCacheOutcome } from "../response-cache/stored-answers.js";
import { exampleOperationNames, OperationLabels } from "./operation-labels.js";

/** HTTP methods that get a label of their own; any other counts as OTHER. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** One finished HTTP request, as the access log saw it. */
export interface ObservedRequest {
  method: string;
  /** The route template (`/kommunen/:slug`), never the raw path. */
  route: string;
  status: number;
  durationMs: number;
}

/** The knex client's tarn pool, as far as it is read here. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/** The search engine's answer to one scrape's health check; `health` null when it did not answer in time. */
interface ScrapedSearchHealth {
  engine: string;
  health: EngineHealth | null;
}

/** What the metrics read when Prometheus scrapes: the open database and the search engine, once the hub has them. */
export interface MetricsSources {
  orm: () => MikroORM | undefined;
  search: () => SearchEngine | undefined;
  /** Where collection failures are logged. */
  logger: Logger;
}

/**
 * The hub's Prometheus metrics (prom-client, a registry of its own per hub) and the small HTTP server that serves
 * them on METRICS_PORT. Constructing it starts nothing; `start()` begins the default process metrics and listens,
 * `stop()` closes the server. Names: see README, "Operating the hub".
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly server = http.createServer((req, res) => void this.serve(req, res));
  private operations = new OperationLabels();
  private readonly httpRequests = new Counter({
    name: "ikz_hub_http_requests_total",
    help: "HTTP requests answered, by method, route template and status class",
    labelNames: ["method", "route", "status_class"],
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: "ikz_hub_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its answer, by method, route template and status class",
    labelNames: ["method", "route", "status_class"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly graphqlOperations = new Counter({
    name: "ikz_hub_graphql_operations_total",
    help: "GraphQL operations (HTTP and the website's own), by operation name (bounded), type and outcome",
    labelNames: ["operation", "type", "outcome"],
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: "ikz_hub_rate_limit_rejections_total",
    help: "Requests refused with 429 Too Many Requests, by route template",
    labelNames: ["route"],
    registers: [this.registry],
  });

  private scrapeHealth: Promise<ScrapedSearchHealth | null> | undefined;
  private readonly responseCache = new Counter({
    name: "ikz_hub_response_cache_requests_total",
    help: "Anonymous GET queries of /graphql by what the response cache did: hit, miss, or bypass (its Redis unreachable)",
    labelNames: ["outcome"],
    registers: [this.registry],
  });

  constructor(private readonly sources: MetricsSources) {
    this.registerScrapedGauges();
  }

  /** Reads the client examples' operation names, begins the process metrics and listens on `port` of `host`. */
  async start(port: number, host: string): Promise<string> {
    this.operations = new OperationLabels(await exampleOperationNames());
    collectDefaultMetrics({ register: this.registry });
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new Error(`Port ${port} is already in use; set METRICS_PORT to a free port`)
            : error,
        );
      this.server.once("error", onError);
      this.server.listen(port, host, () => {
        this.server.off("error", onError);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    return `http://${shownHost}:${address.port}/metrics`;
  }

  /** Closes the metrics server (its idle keep-alive connections too). Safe to call more than once. */
  async stop(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise((resolve) => this.server.close(resolve));
    this.server.closeIdleConnections();
    await closed;
  }

  /** Counts one finished HTTP request (and, for a 429, one rate-limit rejection). */
  observeRequest({ method, route, status, durationMs }: ObservedRequest): void {
    const labels = {
      method: METHODS.has(method) ? method : "OTHER",
      route,
      status_class: `${Math.floor(status / 100)}xx`,
    };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, durationMs / 1000);
    if (status === 429) this.rateLimited.inc({ route });
  }

  /** Counts one anonymous GET query by what the response cache did with it. */
  observeResponseCache(outcome: ResponseCacheOutcome): void {
    this.responseCache.inc({ outcome });
  }

  /** An Apollo plugin counting every operation once, when its answer is sent. */
  graphqlPlugin(): ApolloServerPlugin<HubContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ operation, operationName, response }) => {
          const failed = response.body.kind === "single" && Boolean(response.body.singleResult.errors?.length);
          this.graphqlOperations.inc({
            operation: this.operations.labelOf(operation ? operationName : null),
            type: operation?.operation ?? "unknown",
            outcome: failed ? "error" : "ok",
          });
        },
      }),
    };
  }

  /** Gauges read when Prometheus scrapes: the database pool and the search engine with its outbox. */
  private registerScrapedGauges(): void {
    const { orm } = this.sources;
    new Gauge({
      name: "ikz_hub_db_pool_connections",
      help: "Connections of the database pool: used, free, and requests waiting for one (pending_acquires, pending_creates)",
      labelNames: ["state"],
      registers: [this.registry],
      collect() {
        const pool = (orm()?.em.getConnection().getKnex().client as { pool?: TarnPool } | undefined)?.pool;
        if (!pool) return;
        this.set({ state: "used" }, pool.numUsed());
        this.set({ state: "free" }, pool.numFree());
        this.set({ state: "pending_acquires" }, pool.numPendingAcquires());
        this.set({ state: "pending_creates" }, pool.numPendingCreates());
      },
    });
    const health = () => this.searchHealthOfScrape();
    new Gauge({
      name: "ikz_hub_search_outbox_pending",
      help: "Changes waiting in the search outbox for Meilisearch (counted up to 10,000); 0 with PostgreSQL search, which has none",
      registers: [this.registry],
      async collect() {
        const pending = (await health())?.health?.pending;
        // A check that did not answer keeps the last reading rather than claiming an empty outbox.
        if (pending !== undefined) this.set(pending);
      },
    });
    new Gauge({
      name: "ikz_hub_search_outbox_lag_seconds",
      help: "Age in seconds of the oldest change waiting for Meilisearch; 0 when none waits or with PostgreSQL search",
      registers: [this.registry],
      async collect() {
        const lag = (await health())?.health?.lagSeconds;
        if (lag !== undefined) this.set(lag);
      },
    });
    new Gauge({
      name: "ikz_hub_search_up",
      help: "1 when the search engine answers its health check, else 0, by engine",
      labelNames: ["engine"],
      registers: [this.registry],
      async collect() {
        const read = await health();
        this.reset();
        if (read) this.set({ engine: read.engine }, read.health?.status === "up" ? 1 : 0);
      },
    });
  }

  /**
   * The search engine's health for the scrape under way: one check shared by the gauges that report it,
   * which prom-client collects concurrently; the next scrape checks again.
   */
  private searchHealthOfScrape(): Promise<ScrapedSearchHealth | null> {
    this.scrapeHealth ??= this.readSearchHealth().finally(() => setImmediate(() => (this.scrapeHealth = undefined)));
    return this.scrapeHealth;
  }

  private async readSearchHealth(): Promise<ScrapedSearchHealth | null> {
    const engine = this.sources.search();
    if (!engine) return null;
    const health = await withinHealthTimeout(engine.health()).catch(() => null);
    return { engine: engine.name, health };
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found; metrics are at /metrics.\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Use GET.\n");
      return;
    }
    try {
      const body = await this.registry.metrics();
      res.writeHead(200, { "content-type": this.registry.contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      this.sources.logger.error({ err: error }, "metrics could not be collected");
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Metrics could not be collected.\n");
    }
  }
}
