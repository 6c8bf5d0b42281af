/**
 * `npm run bench:pages`: how long the site's pages take to render, and how many SQL
 * statements each costs (issue 13). A benchmark, not a test: it prints figures,
 * asserts nothing, and stops by itself after a bounded number of requests.
 *
 *   npm run bench:pages -- [--rounds 100] [--warmup 5] [--routes /kommunen/:slug,/projekte/:slug] [--show-sql]
 *
 * It starts a hub in this process, on `DATABASE_URL` when set, else on an embedded
 * PostgreSQL in `.data/bench-pages` (seeded on first start), with the page cache off
 * (PAGE_CACHE_SECONDS=0: it measures rendering, not the cache) and a rate limit the
 * bench fits in. It picks one sample page per route from the live data through the API
 * (`PAGE_SAMPLES`), then requests them one at a time, round-robin across the routes,
 * and prints per route p50/p95/max (from sending the request to the last byte, over
 * loopback), the server time p50/p95 (from the request's arrival to the whole answer's hand-over to the socket,
 * by Node's HTTP diagnostics channels: the time issue 13 bounds, without the client's share), the CPU time this
 * process spent on it (hub and client, not PostgreSQL),
 * the page's size and its SQL statements (all of them, the search engine's pool included),
 * with the load average before and after.
 * Profile with `node --cpu-prof dist/server/cli/bench-pages.js …`: the hub runs in the same process.
 */
import "reflect-metadata";
import diagnostics from "node:diagnostics_channel";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig } from "../config.js";
import { openDatabase, statementTimeoutFor } from "../database/database.js";
import { findFreePort } from "../database/embedded-postgres.js";
import { Hub } from "../hub.js";
import { createLogger } from "../logger.js";
import { PAGE_SAMPLES, samplePaths } from "../site/page-samples.js";
import { scriptArgs } from "./script-args.js";
import { loadAverage, percentile } from "./bench-figures.js";

/** The usage text of `npm run bench:pages`. */
const USAGE = `Usage: npm run bench:pages -- [--rounds 100] [--warmup 5] [--routes /kommunen/:slug,/projekte/:slug] [--show-sql]

Starts a hub in this process (on DATABASE_URL when set, else on an embedded PostgreSQL in
.data/bench-pages), requests one sample page per route round-robin, and prints per route
p50/p95/max (round trip), server time p50/p95, CPU time, size and SQL statements. Prints figures;
asserts nothing.
`;

const values = scriptArgs("bench:pages", USAGE, {
  rounds: { type: "string", default: "100" },
  warmup: { type: "string", default: "5" },
  routes: { type: "string" },
  "show-sql": { type: "boolean", default: false },
});
const rounds = Math.min(Math.max(Number(values.rounds) || 100, 1), 10_000);
const warmup = Math.min(Math.max(Number(values.warmup) || 0, 0), 100);
const wanted = values.routes?.split(",").map((route) => route.trim());
const unknown = wanted?.filter((route) => !(route in PAGE_SAMPLES)) ?? [];
if (unknown.length) {
  console.error(`Unknown route ${unknown.join(", ")}; the routes are ${Object.keys(PAGE_SAMPLES).join(", ")}`);
  process.exit(2);
}

/** One request's figures. */
interface Sample {
  ms: number;
  /** From the server's receipt of the request to its hand-over of the whole answer (what issue 13 bounds). */
  serverMs: number;
  /** CPU time of this process (hub and client, not PostgreSQL) during the request: what the load average does not inflate. */
  cpuMs: number;
  bytes: number;
  statements: number;
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? "production",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DATA_DIR: process.env.DATA_DIR ?? path.resolve(".data/bench-pages"),
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? String(await findFreePort()),
    // What is measured is rendering, not the cache nor the budget.
    PAGE_CACHE_SECONDS: "0",
    RATE_LIMIT_POINTS: "1000000",
  };
  const config = loadConfig(env, false);
  const logger = createLogger(config);
  const database = await openDatabase(config, logger, {
    statementTimeoutMs: statementTimeoutFor(config.limits.executionTimeoutMs),
  });
  let statements = 0;
  let shown: string[] | null = null;
  // Knex's own event, not the ORM's query log: formatting every statement for a log would inflate the figures.
  // Counted at the driver, so that the search engine's own pool (search-connections.ts) counts too.
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (query as (...args: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  // The ORM's statements are listed with their times (`--show-sql`) through knex's events, not its query log:
  // formatting every statement for a log would inflate the figures.
  const started = new Map<string, number>();
  const knex = database.orm.em.getKnex();
  knex.on("query", (query: { sql: string; __knexQueryUid: string }) => {
    if (shown) started.set(query.__knexQueryUid, performance.now());
  });
  knex.on("query-response", (_response: unknown, query: { sql: string; __knexQueryUid: string }) => {
    const since = started.get(query.__knexQueryUid);
    if (shown && since !== undefined)
      shown.push(`${(performance.now() - since).toFixed(1).padStart(7)} ms  ${query.sql.replace(/\s+/g, " ")}`);
  });
  const hub = new Hub({ config, logger, database });
  try {
    const { url } = await hub.start();
    const origin = new URL(url).origin;
    const api = async (query: string) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      if (body.errors?.length || !body.data)
        throw new Error(`the API refused a sample query: ${body.errors?.[0]?.message ?? response.status}`);
      return body.data;
    };
    const paths = await samplePaths(api);
    const routes = wanted ?? [...paths.keys()];
    const size = (await api(
      "query BenchSize { municipalities(first: 0) { totalCount } projects(first: 0) { totalCount } lessons(first: 0) { totalCount } }",
    )) as Record<string, { totalCount: number }>;

    const serverTime = serverTimes();
    const request = async (route: string): Promise<Sample> => {
      const before = statements;
      serverTime.clear();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const response = await fetch(origin + paths.get(route)!, { headers: { accept: "text/html" } });
      const body = await response.arrayBuffer();
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (response.status !== 200) throw new Error(`${paths.get(route)} answered ${response.status}`);
      return {
        ms,
        serverMs: serverTime.last(),
        cpuMs: (used.user + used.system) / 1000,
        bytes: body.byteLength,
        statements: statements - before,
      };
    };

    console.log(
      `bench:pages on ${database.location}: ${size.municipalities.totalCount} municipalities, ${size.projects.totalCount} projects, ${size.lessons.totalCount} lessons (published)`,
    );
    console.log(
      `${rounds} rounds of ${routes.length} pages, round-robin, ${warmup} warm-up rounds, page cache off; load average ${loadAverage()}`,
    );
    for (let round = 0; round < warmup; round++) for (const route of routes) await request(route);
    if (values["show-sql"]) {
      for (const route of routes) {
        shown = [];
        await request(route);
        console.log(`${paths.get(route)}: ${shown.length} statements through the ORM\n  ${shown.join("\n  ")}`);
      }
      shown = null;
    }
    const samples = new Map<string, Sample[]>(routes.map((route) => [route, []]));
    for (let round = 0; round < rounds; round++)
      for (const route of routes) samples.get(route)!.push(await request(route));

    printTable(samples, paths);
    console.log(`load average ${loadAverage()} (${os.cpus().length} CPUs)`);
  } finally {
    await hub.stop();
    await database.close();
  }
}

await main();

/** Prints per route: wall time and server time p50/p95, CPU, page size, statements, and the sample page. */
function printTable(samples: Map<string, Sample[]>, paths: Map<string, string>): void {
  console.log(
    "route                 p50 ms   p95 ms   max ms  srv p50  srv p95  CPU p50  CPU p95       KB   SQL   sample page",
  );
  for (const [route, results] of samples) {
    const ms = results.map((result) => result.ms).sort((a, b) => a - b);
    const serverMs = results.map((result) => result.serverMs).sort((a, b) => a - b);
    const cpuMs = results.map((result) => result.cpuMs).sort((a, b) => a - b);
    const counts = [...new Set(results.map((result) => result.statements))].sort((a, b) => a - b);
    const kb = Math.max(...results.map((result) => result.bytes)) / 1024;
    const cell = (value: number, width = 8) => value.toFixed(1).padStart(width);
    console.log(
      `${route.padEnd(20)} ${cell(percentile(ms, 50))} ${cell(percentile(ms, 95))} ${cell(ms.at(-1)!)} ${cell(percentile(serverMs, 50))} ${cell(percentile(serverMs, 95))} ${cell(percentile(cpuMs, 50))} ${cell(percentile(cpuMs, 95))} ${cell(kb)} ${counts.join("/").padStart(5)}   ${paths.get(route)}`,
    );
  }
}

/**
 * The server's time for each request, from Node's own HTTP diagnostics channels: from the request's arrival to the
 * hand-over of the whole response to the socket, without the client's share of the round trip (the bench's client
 * runs in the same process). `last()` is the time of the request answered last (NaN before one was, and after
 * `clear()`); requests are made one at a time.
 */
function serverTimes(): { last(): number; clear(): void } {
  const arrived = new WeakMap<object, number>();
  let last = Number.NaN;
  diagnostics.subscribe("http.server.request.start", (message) => {
    arrived.set((message as { request: object }).request, performance.now());
  });
  diagnostics.subscribe("http.server.response.finish", (message) => {
    const since = arrived.get((message as { request: object }).request);
    if (since !== undefined) last = performance.now() - since;
  });
  return {
    last: () => last,
    clear: () => {
      last = Number.NaN;
    },
  };
}
