/**
 * `npm run bench:abuse`: what one hostile anonymous client does to everybody else (issue 12).
 * A benchmark, not a test: it prints figures, asserts nothing, and stops by itself.
 *
 *   npm run bench:abuse -- [--seconds 15] [--municipalities 1000] [--projects-per-municipality 40] [--classes a,b]
 *
 * It starts the hub as a child process (`node dist/server/main.js`) on `DATABASE_URL` when set,
 * else on an embedded PostgreSQL in `.data/bench-abuse` (kept between runs), with the default
 * rate limit, and tops the data up with `seed-synthetic` to at least 40,000 projects. Then it
 * measures a cheap probe query alone (idle), and once beside each hostile class. Every hostile
 * class comes from one loopback address of its own and sends at most 270 requests a minute (the
 * default budget is 300 points; costly operations take more), except `flood (429)`, which sends as
 * fast as it can, outside the goal, to show what refusing costs.
 * The probe and `/healthz` come from other loopback addresses, so they spend no attacker budget.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parse } from "graphql";
import pg from "pg";
import { EMBEDDED_DATABASE } from "../database/database.js";
import { embeddedPostgresUrl, findFreePort } from "../database/embedded-postgres.js";
import { documentCost } from "../graphql/cost.rule.js";
import { buildHubSchema } from "../graphql/schema.js";
import { scriptArgs } from "./script-args.js";

/** One kind of hostile request, sent repeatedly while the probe runs. */
interface HostileClass {
  name: string;
  /** What it stands for, printed under the table. */
  what: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Sends at most 4.5 requests a second (under 300 a minute) when true. */
  paced: boolean;
  request: (context: RequestContext) => RequestSpec;
}

interface RequestContext {
  slugs: string[];
  origin: string;
  n: number;
}

interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** What one request came back with. */
interface Outcome {
  status: number;
  ms: number;
  bytes: number;
  code?: string;
}

const INTROSPECTION_FRAGMENT = `fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
fragment S on __Schema { queryType { name } mutationType { name } types { kind name description
  fields(includeDeprecated: true) { name description args { name description type { ...T } defaultValue } type { ...T } isDeprecated deprecationReason }
  inputFields { name description type { ...T } defaultValue } interfaces { ...T } enumValues(includeDeprecated: true) { name description } possibleTypes { ...T } }
  directives { name description locations args { name type { ...T } } } }`;

const aliased = (count: number, selection: string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join("\n");

const graphql = (query: string, variables: Record<string, unknown> = {}): RequestSpec => ({
  method: "POST",
  path: "/graphql",
  body: JSON.stringify({ query, variables }),
  headers: { "content-type": "application/json" },
});

const STATS = `stats { projectCount projectsByStatus { status count } projectsByTopicAndState { topic { key } state count }
  providerCoverage { provider { slug } state servedMunicipalities hubMunicipalities coverageShare } budgetByYearAndCategory { year category total }
  strategiesByAdoptionYear { year count } }`;

/** A project page, card or oEmbed answer, of a different project each time. */
function pageRequest(slugs: string[], n: number, origin: string): RequestSpec {
  const slug = slugs[n % slugs.length];
  const paths = [
    `/projekte/${slug}`,
    `/embed/projects/${slug}`,
    `/oembed?url=${encodeURIComponent(`${origin}/projekte/${slug}`)}`,
  ];
  return { method: "GET", path: paths[n % paths.length] };
}

/** The hostile classes of issue 12, each as a request an anonymous client may send. */
const CLASSES: HostileClass[] = [
  {
    name: "introspection",
    what: "30 aliased full __schema introspections in one request",
    concurrency: 4,
    paced: true,
    request: () => graphql(`query Abuse { ${aliased(30, "__schema { ...S }")} }\n${INTROSPECTION_FRAGMENT}`),
  },
  {
    name: "similar",
    what: "a page of 20 projects, each with similar(first: 5)",
    concurrency: 3,
    paced: true,
    request: () =>
      graphql(`
        query Abuse {
          projects(first: 20) {
            nodes {
              slug
              similar(first: 5) {
                score
                reasons
                project {
                  slug
                }
              }
            }
          }
        }
      `),
  },
  {
    name: "topic-lists",
    what: "3 topics -> 100 municipalities each (a plain list) -> 20 projects each: close under the cost limit",
    concurrency: 4,
    paced: true,
    request: () =>
      graphql(`
        query Abuse {
          topics(first: 3) {
            nodes {
              key
              municipalities(first: 100) {
                projects
                municipality {
                  name
                  projects(first: 20) {
                    nodes {
                      slug
                      title
                      summary
                    }
                  }
                }
              }
            }
          }
        }
      `),
  },
  {
    name: "provider-clients",
    what: "providers -> clients (plain list) -> municipality -> strategies, lessons",
    concurrency: 4,
    paced: true,
    request: () =>
      graphql(`
        query Abuse {
          providers(first: 12) {
            nodes {
              name
              clients {
                roles
                municipality {
                  name
                  strategies {
                    title
                  }
                  lessons {
                    title
                    summary
                  }
                }
              }
            }
          }
        }
      `),
  },
  {
    name: "aliased-stats",
    what: "30 aliased stats, every aggregate",
    concurrency: 4,
    paced: true,
    request: () => graphql(`query Abuse { ${aliased(30, STATS)} }`),
  },
  {
    name: "facets",
    what: "30 aliased searches with first: 0 and facets",
    concurrency: 4,
    paced: true,
    request: ({ n }) =>
      graphql(
        `query Abuse($q: String!) { ${aliased(30, "search(query: $q, first: 0) { totalCount facets { field values { value label count } } }")} }`,
        {
          q: ["Verwaltung", "Digitalisierung", "Schulen", "Software"][n % 4],
        },
      ),
  },
  {
    name: "exports",
    what: "GET /export/projects.csv, two at a time",
    concurrency: 2,
    paced: true,
    request: () => ({ method: "GET", path: "/export/projects.csv" }),
  },
  {
    name: "pages",
    what: "project pages, cards and oEmbed of ever other projects (cache misses), within the budget",
    concurrency: 4,
    paced: true,
    request: ({ slugs, n, origin }) => pageRequest(slugs, n, origin),
  },
  {
    name: "flood (429)",
    what: "the same pages as fast as possible, far beyond the budget: outside the goal, shows what answering 429s costs",
    concurrency: 8,
    paced: false,
    request: ({ slugs, n, origin }) => pageRequest(slugs, n, origin),
  },
];

/**
 * A legitimate analyst's query that must pass (issue 12): ten cities of a state with their
 * strategies → fields of action → topics, and their first 20 projects → providers and topics.
 */
const ANALYST = `query Analyst($state: State!) { municipalities(first: 10, filter: { states: [$state] }) { nodes { slug name state
  strategies { slug title fieldsOfAction { position title topics { key } } }
  projects(first: 20) { nodes { slug title status providers { slug name } topics { key } } } } } }`;

/** The probe: a cheap query a legitimate visitor sends. */
const PROBE = graphql(`
  query Probe {
    municipality(slug: "ratingen") {
      name
      projects(first: 5) {
        nodes {
          slug
          title
        }
      }
    }
  }
`);

/** The usage text of `npm run bench:abuse`. */
const USAGE = `Usage: npm run bench:abuse -- [--seconds 15] [--municipalities 1000] [--projects-per-municipality 40] [--classes a,b]

Starts a hub (on DATABASE_URL when set, else on an embedded PostgreSQL in .data/bench-abuse), tops
its data up with seed-synthetic, and measures a cheap probe query alone and beside each hostile
class of client (--classes picks some by name). Prints figures; asserts nothing.
`;

const values = scriptArgs("bench:abuse", USAGE, {
  seconds: { type: "string", default: "15" },
  municipalities: { type: "string", default: "1000" },
  "projects-per-municipality": { type: "string", default: "40" },
  classes: { type: "string" },
});
const seconds = Math.min(Math.max(Number(values.seconds) || 15, 3), 300);
const wanted = values.classes?.split(",").map((name) => name.trim());
const classes = wanted ? CLASSES.filter((item) => wanted.includes(item.name)) : CLASSES;

/** Sends one request from `localAddress` and reads the whole answer. */
function send(port: number, localAddress: string, spec: RequestSpec, timeoutMs = 120_000): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        timeout: timeoutMs,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          // Only the start is kept: enough for the error code, never megabytes.
          if (bytes < 4096) chunks.push(chunk);
        });
        response.on("end", () => {
          const head = Buffer.concat(chunks).toString("utf8");
          const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(head)?.[1];
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, bytes, code });
        });
        response.on("error", () => resolve({ status: -1, ms: performance.now() - started, bytes }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", () => resolve({ status: -1, ms: performance.now() - started, bytes: 0 }));
    if (spec.body) request.write(spec.body);
    request.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `work` until `stop()` says so, one call after another. */
async function loop(stop: () => boolean, work: () => Promise<void>): Promise<void> {
  while (!stop()) await work();
}

/** The hub's resident memory now and its peak so far, in MB, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** What one window (idle or beside a class) measured. */
interface Window {
  probe: Outcome[];
  health: Outcome[];
  attack: Outcome[];
  peakRss: number;
}

/** Probes (and attacks with `hostile`, when given) for `seconds`. */
async function measure(
  port: number,
  pid: number,
  context: Omit<RequestContext, "n">,
  hostile: HostileClass | null,
  index: number,
): Promise<Window> {
  const until = performance.now() + seconds * 1000;
  const stop = () => performance.now() > until;
  const window: Window = { probe: [], health: [], attack: [], peakRss: 0 };
  let probeNo = 0;
  const probing = loop(stop, async () => {
    // Eight probe addresses, 8 requests a second in all: each stays far under the budget.
    window.probe.push(await send(port, `127.0.1.${1 + (probeNo++ % 8)}`, PROBE, 30_000));
    await sleep(125);
  });
  const checking = loop(stop, async () => {
    window.health.push(await send(port, "127.0.2.1", { method: "GET", path: "/healthz" }, 30_000));
    window.peakRss = Math.max(window.peakRss, memoryOf(pid).rss);
    await sleep(250);
  });
  const attacking: Promise<void>[] = [];
  if (hostile) {
    let n = 0;
    let nextSlot = performance.now();
    const address = `127.0.0.${10 + index}`;
    for (let worker = 0; worker < hostile.concurrency; worker++) {
      attacking.push(
        loop(stop, async () => {
          if (hostile.paced) {
            // 4.5 requests a second at most: 270 a minute, within the default budget of 300.
            const slot = Math.max(nextSlot, performance.now());
            nextSlot = slot + 1000 / 4.5;
            await sleep(slot - performance.now());
            if (stop()) return;
          }
          window.attack.push(await send(port, address, hostile.request({ ...context, n: n++ })));
        }),
      );
    }
  }
  await Promise.all([probing, checking, ...attacking]);
  return window;
}

/** Starts the hub as a child process and waits until `/healthz` answers. */
async function startHub(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number; log: string[] }> {
  const port = await findFreePort();
  const log: string[] = [];
  const child = spawn(process.execPath, [path.resolve("dist/server/main.js")], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", LOG_FORMAT: "json", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk: Buffer) => log.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`the hub exited with ${child.exitCode}:\n${log.slice(-20).join("\n")}`);
    const health = await send(port, "127.0.2.1", { method: "GET", path: "/healthz" }, 2000);
    if (health.status === 200) return { child, port, log };
    await sleep(500);
  }
  throw new Error("the hub did not become healthy within 10 minutes");
}

/** Runs `node dist/server/main.js seed-synthetic …` against the same database and waits for it. */
async function seedSynthetic(env: NodeJS.ProcessEnv, municipalities: number, perMunicipality: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      path.resolve("dist/server/main.js"),
      "seed-synthetic",
      "--municipalities",
      String(municipalities),
      "--projects-per-municipality",
      String(perMunicipality),
      // The bench's own DATA_DIR is a scratch database; a DATABASE_URL is one its caller chose for the bench.
      ...(env.DATABASE_URL ? ["--into-live-database"] : []),
    ],
    { env, stdio: ["ignore", "inherit", "inherit"] },
  );
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`seed-synthetic exited with ${code}`);
}

/** The hub's database: DATABASE_URL, or the embedded server, which listens on EMBEDDED_PG_PORT while the hub runs. */
function databaseUrlOf(env: NodeJS.ProcessEnv): string {
  return env.DATABASE_URL ?? embeddedPostgresUrl(Number(env.EMBEDDED_PG_PORT), EMBEDDED_DATABASE);
}

async function projectCount(databaseUrl: string): Promise<{ projects: number; slugs: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Planner statistics, which a copied or freshly loaded database may lack.
    await client.query("analyze");
    const { rows } = await client.query<{ count: string }>("select count(*) from project");
    const slugs = await client.query<{ slug: string }>("select slug from public_project order by id limit 2000");
    return { projects: Number(rows[0].count), slugs: slugs.rows.map((row) => row.slug) };
  } finally {
    await client.end();
  }
}

const cell = (value: number, width = 8, digits = 0) =>
  (Number.isFinite(value) ? value.toFixed(digits) : "-").padStart(width);

function summary(name: string, window: Window, idleP50: number): string {
  const probeMs = window.probe.filter((o) => o.status === 200).map((o) => o.ms);
  const probe5xx = window.probe.filter((o) => o.status >= 500 || o.status < 0).length;
  const attack = window.attack;
  const by = (test: (o: Outcome) => boolean) => attack.filter(test).length;
  const healthMax = Math.max(0, ...window.health.map((o) => o.ms));
  const healthFailed = window.health.filter((o) => o.status !== 200).length;
  const p50 = percentile(probeMs, 50);
  return [
    name.padEnd(17),
    cell(window.probe.length, 6),
    cell(p50, 8, 1),
    cell(percentile(probeMs, 99), 8, 1),
    cell(p50 / idleP50, 6, 2),
    cell(probe5xx, 6),
    `${cell(healthMax, 7, 0)}${(healthFailed ? ` ${healthFailed}✗` : "").padEnd(4)}`,
    cell(window.peakRss, 7),
    `   ${attack.length} sent: ${by((o) => o.status === 200)} ok, ${by((o) => o.status === 429)} 429, ${by((o) => o.status >= 400 && o.status < 500 && o.status !== 429)} other 4xx, ${by((o) => o.status >= 500 || o.status < 0)} 5xx/failed; max ${cell(Math.max(0, ...attack.map((o) => o.ms)), 0)} ms, ${cell(Math.max(0, ...attack.map((o) => o.bytes)) / 1024, 0)} KB${codes(attack)}`,
  ].join(" ");
}

function codes(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) if (outcome.code) counts.set(outcome.code, (counts.get(outcome.code) ?? 0) + 1);
  return counts.size ? `; codes ${[...counts].map(([code, count]) => `${code}×${count}`).join(", ")}` : "";
}

/** Sends the analyst query once, for North Rhine-Westphalia, and prints what the hub charged and answered. */
async function analyst(port: number): Promise<void> {
  const cost = documentCost(buildHubSchema(), parse(ANALYST), { state: "NW" });
  const outcome = await send(port, "127.0.2.2", graphql(ANALYST, { state: "NW" }));
  console.log(
    `analyst query (10 cities of NW, nested pages of 20): cost ${cost}, HTTP ${outcome.status}${outcome.code ? ` ${outcome.code}` : ""}, ${(outcome.bytes / 1024).toFixed(0)} KB in ${outcome.ms.toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  const embeddedPort = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: process.env.DATA_DIR ?? path.resolve(".data/bench-abuse"),
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? String(embeddedPort),
  };
  // The default rate limit is the point of the exercise.
  delete env.RATE_LIMIT_POINTS;
  delete env.RATE_LIMIT_DURATION_SECONDS;
  let hub = await startHub(env);
  const databaseUrl = databaseUrlOf(env);
  const municipalities = Number(values.municipalities) || 1000;
  const perMunicipality = Number(values["projects-per-municipality"]) || 40;
  let data = await projectCount(databaseUrl);
  if (data.projects < 40_000) {
    console.log(`${data.projects} projects: adding synthetic data (${municipalities} × ${perMunicipality}) …`);
    // The CLI opens its own connection; with the embedded server it needs the hub's server running.
    await seedSynthetic({ ...env, DATABASE_URL: databaseUrl }, municipalities, perMunicipality);
    hub.child.kill("SIGTERM");
    await once(hub.child, "exit");
    hub = await startHub(env);
    data = await projectCount(databaseUrl);
  }
  const context = { slugs: data.slugs, origin: `http://127.0.0.1:${hub.port}` };
  const pid = hub.child.pid!;
  console.log(
    `bench:abuse: ${data.projects} projects; hub pid ${pid} on port ${hub.port}; ${seconds} s per window; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  // Warm-up, so that the idle figures are not the first requests' JIT and caches.
  await measure(hub.port, pid, context, null, 0).catch(() => undefined);
  const idle = await measure(hub.port, pid, context, null, 0);
  const idleP50 = percentile(
    idle.probe.filter((o) => o.status === 200).map((o) => o.ms),
    50,
  );
  console.log(
    "class             probes  p50 ms   p99 ms  ×idle    5xx health ms  RSS MB   hostile requests (✗: health checks failed)",
  );
  console.log(summary("idle", idle, idleP50));
  for (const [index, hostile] of classes.entries()) {
    const window = await measure(hub.port, pid, context, hostile, index);
    console.log(summary(hostile.name, window, idleP50));
    // Let in-flight work of the class drain before the next window.
    await sleep(2000);
  }
  await analyst(hub.port);
  const { peak } = memoryOf(pid);
  const internal = hub.log.filter((line) => line.includes("internal error")).length;
  console.log(
    `hub peak RSS (VmHWM) ${peak.toFixed(0)} MB; ${internal} internal errors logged; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log("goals: probe p50 within 2× idle, no probe 5xx, RSS under 512 MB, /healthz within 1000 ms");
  for (const hostile of classes) console.log(`  ${hostile.name}: ${hostile.what}`);
  hub.child.kill("SIGTERM");
  await once(hub.child, "exit");
}

await main();
