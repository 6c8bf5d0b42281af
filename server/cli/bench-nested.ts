/**
 * `npm run bench:nested`: the reference nested read of issue 18 (a page of municipalities by name → strategies →
 * fields of action → topics, and each municipality's first 20 projects → providers and topics), the hub against
 * PostGraphile v4 on the same database, under load. A benchmark, not a test: it prints figures, asserts nothing
 * but that both servers answer the same data, and stops by itself.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:nested -- [--seconds 15] [--rounds 3]
 *     [--connections 20] [--data seed,synthetic] [--municipalities 100] [--servers hub,postgraphile] [--fresh]
 *     [--modes uncached,cached] [--cpu-prof DIR] [--baseline DIR]
 *
 * On the PostgreSQL server of `DATABASE_URL` it keeps two databases of its own between runs (`--fresh` makes them
 * anew): `bench_nested_seed` (the seed data) and `bench_nested_synthetic` (the seed data and `--municipalities`
 * synthetic cities of `seed-synthetic`), each migrated and seeded by a hub started once beforehand. It installs
 * PostGraphile 4 into `.bench/postgraphile` (git-ignored; it needs graphql 15, so never into the project's
 * dependencies) when it is not there yet. Per data set it starts both servers as child processes, checks that their
 * answers carry the same data (normalised: lists the hub sorts in an order PostGraphile cannot express without
 * plugins, such as strategies by adoption with nulls last and tags by name, are compared sorted), and runs
 * autocannon against each in turn, A B A B A B, printing requests per second, p50/p99, Node CPU per request (from
 * /proc, the server process only, not PostgreSQL), SQL statements per request (counted in the server's node-postgres
 * by `bench-statement-counter.ts`), peak RSS, the ratio hub/PostGraphile per pair, and the load average. With
 * `--baseline DIR` a third server, `baseline`, is the hub built in another checkout (e.g. a worktree of `main`), run
 * in turn with the others on the same database: a change's before and after in one interleaved run, with the ratio
 * hub/baseline of Node CPU per answer per round.
 * `--seconds` is the shortest run: a run lasts long enough for about three answers per connection, from the time of
 * one answer alone. With `--modes` holding `cached` (the default), each round adds a third run, "hub GET cached": the
 * same query sent again and again as an anonymous GET, which the hub's response cache answers (checked: its second
 * answer carries `Age`), against the same round's PostGraphile run; its ratio is printed on a line of its own.
 * The hub runs with `LOG_LEVEL=warn` (PostGraphile with `--disable-query-log`), its rate limit, cost limit and
 * execution timeout raised so that the query fits; both use a pool of 10 connections.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { findFreePort } from "../database/embedded-postgres.js";
import { asksForHelp } from "./script-args.js";
import { loadAverage, sameButSplitCharacters } from "./bench-figures.js";
import { hubNodeOptions } from "./hub-script.js";

/** What `npm run bench:nested -- --help` prints. */
const USAGE = `Usage: npm run bench:nested -- [--seconds 15] [--rounds 3] [--connections 20] [--data seed,synthetic]
         [--municipalities 100] [--servers hub,postgraphile] [--modes uncached,cached] [--fresh]
         [--cpu-prof DIR] [--baseline DIR]

The reference nested read of issue 18, the hub against PostGraphile v4 on the same database, interleaved
under load (autocannon). Needs DATABASE_URL (a postgres:// URL of a server where it may create the databases
bench_nested_seed and bench_nested_synthetic) and a build (npm run build). Prints figures; asserts only that
both servers answer the same data.

  --seconds N          shortest run per server and round (3-600)
  --rounds N           A B pairs per data set (1-20)
  --connections N      concurrent connections (1-200)
  --data LIST          seed, synthetic (comma-separated)
  --municipalities N   synthetic cities in bench_nested_synthetic (1-20000)
  --servers LIST       hub, postgraphile (comma-separated)
  --modes LIST         uncached (the hub asked by POST), cached (also by GET, answered from its response cache)
  --fresh              make the bench databases anew
  --cpu-prof DIR       write the hub's CPU profiles into DIR
  --baseline DIR       also run the hub built in the checkout DIR (its dist/), as "baseline", in turn
  --help, -h           show this text
`;

/** The PostGraphile release the bench installs and compares against. */
const POSTGRAPHILE_VERSION = "4.14.1";

/** The reference query of issue 18, as the hub's clients ask it. */
const HUB_QUERY = `query Nested($municipalities: Int! = 100) { municipalities(first: $municipalities) { nodes { slug name state strategies { slug title fieldsOfAction { position title topics { key } } } projects(first: 20) { nodes { slug title status providers { slug name } topics { key } } } } } }`;

/**
 * The same data from PostGraphile's schema of the same tables: what the hub shows the public, published records
 * only (municipalities, topics and providers have no publication state), in the hub's orders where PostGraphile
 * can sort so, tags through their pivot tables in key order (unordered, their order changed between answers under load).
 */
const POSTGRAPHILE_QUERY = `query Nested($municipalities: Int!) { allMunicipalities(first: $municipalities, orderBy: [NAME_ASC, ID_ASC]) { nodes { slug name state
  strategiesByMunicipalityId(condition: { publicationState: "PUBLISHED" }, orderBy: [ADOPTED_ON_DESC, TITLE_ASC, ID_ASC]) { nodes { slug title
    fieldOfActionsByStrategyId(condition: { publicationState: "PUBLISHED" }, orderBy: [POSITION_ASC, ID_ASC]) { nodes { position title
      fieldOfActionTopicsByFieldOfActionId(orderBy: PRIMARY_KEY_ASC) { nodes { topicByTopicId { key } } } } } } }
  projectsByMunicipalityId(first: 20, condition: { publicationState: "PUBLISHED" }, orderBy: [TITLE_ASC, ID_ASC]) { nodes { slug title status
    projectProvidersByProjectId(orderBy: PRIMARY_KEY_ASC) { nodes { providerByProviderId { slug name } } }
    projectTopicsByProjectId(orderBy: PRIMARY_KEY_ASC) { nodes { topicByTopicId { key } } } } } } } }`;

/** The project's root: `dist/server/cli/` is three folders below it. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const POSTGRAPHILE_DIR = path.join(ROOT, ".bench/postgraphile");
const COUNTER = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench-statement-counter.js");
const DATA_SETS = ["seed", "synthetic"] as const;
const SERVERS = ["hub", "postgraphile"] as const;
const MODES = ["uncached", "cached"] as const;
type DataSet = (typeof DATA_SETS)[number];
/** The servers measured: the hub, PostGraphile, and with `--baseline` the hub of another checkout. */
type ServerName = (typeof SERVERS)[number] | "baseline";

/** A command line or environment the bench cannot run with: printed as one line, exit code 2. */
class BenchUsageError extends Error {}

/** What the command line asks for, checked. */
interface Options {
  adminUrl: string;
  seconds: number;
  rounds: number;
  connections: number;
  dataSets: DataSet[];
  servers: ServerName[];
  /** Whether the hub is also measured answering the same GET from its response cache. */
  cached: boolean;
  municipalities: number;
  fresh: boolean;
  cpuProfileDir: string | null;
  /** The checkout whose build runs as `baseline`, or null. */
  baselineRoot: string | null;
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new BenchUsageError(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

function listOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T[] {
  const items = raw.split(",").map((item) => item.trim());
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length || !items.length)
    throw new BenchUsageError(`--${name} takes ${allowed.join(", ")} (comma-separated), got ${JSON.stringify(raw)}`);
  return [...new Set(items as T[])];
}

/** The PostgreSQL server to work on, from `DATABASE_URL` (any database on it; the bench makes its own beside it). */
function adminUrlOf(raw: string | undefined): string {
  if (!raw)
    throw new BenchUsageError(
      "DATABASE_URL is not set; name a PostgreSQL server the bench may create databases on, e.g. postgres://postgres@127.0.0.1:5432/postgres",
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BenchUsageError("DATABASE_URL is not a URL; expected postgres://user@host:port/database");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    throw new BenchUsageError(`DATABASE_URL must be a postgres:// URL, got the scheme ${url.protocol}`);
  return raw;
}

/** Parses and checks the command line and `DATABASE_URL`. */
function readOptions(args: string[], env: NodeJS.ProcessEnv): Options {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        seconds: { type: "string", default: "15" },
        rounds: { type: "string", default: "3" },
        connections: { type: "string", default: "20" },
        data: { type: "string", default: DATA_SETS.join(",") },
        servers: { type: "string", default: SERVERS.join(",") },
        modes: { type: "string", default: MODES.join(",") },
        municipalities: { type: "string", default: "100" },
        fresh: { type: "boolean", default: false },
        "cpu-prof": { type: "string" },
        baseline: { type: "string" },
      },
    }));
  } catch (error) {
    // parseArgs explains some mistakes over several lines; the first names the problem.
    throw new BenchUsageError((error instanceof Error ? error.message : String(error)).split("\n")[0]);
  }
  const cpuProfileDir = values["cpu-prof"] as string | undefined;
  if (cpuProfileDir !== undefined && !cpuProfileDir.trim())
    throw new BenchUsageError("--cpu-prof needs a folder for the hub's CPU profiles");
  const baseline = values.baseline as string | undefined;
  const baselineRoot = baseline === undefined ? null : path.resolve(baseline);
  if (baselineRoot && !existsSync(path.join(baselineRoot, "dist/server/main.js")))
    throw new BenchUsageError(`--baseline ${baseline} has no dist/server/main.js: build that checkout first`);
  return {
    adminUrl: adminUrlOf(env.DATABASE_URL),
    seconds: wholeNumber("seconds", values.seconds as string, 3, 600),
    rounds: wholeNumber("rounds", values.rounds as string, 1, 20),
    connections: wholeNumber("connections", values.connections as string, 1, 200),
    dataSets: listOf("data", values.data as string, DATA_SETS),
    servers: listOf("servers", values.servers as string, SERVERS),
    cached: listOf("modes", values.modes as string, MODES).includes("cached"),
    municipalities: wholeNumber("municipalities", values.municipalities as string, 1, 20_000),
    fresh: values.fresh as boolean,
    cpuProfileDir: cpuProfileDir ? path.resolve(cpuProfileDir) : null,
    baselineRoot,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** `url` with its database replaced by `database`. */
function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A running server: its process, where it answers GraphQL, and what it logged (the last lines, for errors). */
interface Server {
  name: ServerName;
  child: ChildProcess;
  url: string;
  log: string[];
}

/** Starts `node args…` in `cwd` with the statement counter loaded and an IPC channel to read it. */
function spawnNode(args: string[], cwd: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []) {
  const child = spawn(process.execPath, [...nodeArgs, "--import", COUNTER, ...args], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const log: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk: Buffer) => {
      log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      log.splice(0, Math.max(0, log.length - 50));
    });
  return { child, log };
}

/** POSTs a GraphQL request and returns the answer's text, or throws with what came back instead. */
async function post(url: string, query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Waits until `url` answers `{ __typename }`, or the process exits, or 10 minutes pass. */
async function waitForGraphql(server: Server): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (server.child.exitCode !== null)
      throw new Error(`${server.name} exited with ${server.child.exitCode}:\n${server.log.slice(-20).join("\n")}`);
    const ok = await post(server.url, "{ __typename }", {}).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await sleep(500);
  }
  throw new Error(`${server.name} did not answer within 10 minutes`);
}

/** The hub's environment for the bench: the query fits its cost limit, rate limit and execution timeout. */
function hubEnv(url: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    METRICS_PORT: "",
    RATE_LIMIT_POINTS: "1000000",
    RATE_LIMIT_COST_PER_POINT: "10000000",
    MAX_QUERY_COST: "10000000",
    EXECUTION_TIMEOUT_MS: "600000",
  };
}

/** Starts the hub built in `root` (this checkout, or `--baseline`'s as `baseline`). */
async function startHub(url: string, cpuProfileDir: string | null, root = ROOT): Promise<Server> {
  const port = await findFreePort();
  const profiling = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const nodeArgs = [...hubNodeOptions(root), ...profiling];
  const { child, log } = spawnNode([path.join(root, "dist/server/main.js")], root, hubEnv(url, port), nodeArgs);
  const name = root === ROOT ? "hub" : "baseline";
  const server: Server = { name, child, url: `http://127.0.0.1:${port}/graphql`, log };
  await waitForGraphql(server);
  return server;
}

async function startPostgraphile(url: string): Promise<Server> {
  const port = await findFreePort();
  const cli = path.join(POSTGRAPHILE_DIR, "node_modules/postgraphile/cli.js");
  const args = [
    cli,
    ...["--connection", url, "--schema", "public", "--host", "127.0.0.1", "--port", String(port)],
    ...["--disable-default-mutations", "--disable-query-log", "--disable-graphiql", "--max-pool-size", "10"],
  ];
  const { child, log } = spawnNode(args, POSTGRAPHILE_DIR, { ...process.env, NODE_ENV: "production" });
  const server: Server = { name: "postgraphile", child, url: `http://127.0.0.1:${port}/graphql`, log };
  await waitForGraphql(server);
  return server;
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill("SIGTERM");
  await once(server.child, "exit");
}

/** Installs PostGraphile into its own git-ignored folder, unless that release is there already. */
function ensurePostgraphile(): void {
  const manifest = path.join(POSTGRAPHILE_DIR, "node_modules/postgraphile/package.json");
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === POSTGRAPHILE_VERSION) return;
  console.log(`installing postgraphile@${POSTGRAPHILE_VERSION} into ${path.relative(ROOT, POSTGRAPHILE_DIR)} …`);
  mkdirSync(POSTGRAPHILE_DIR, { recursive: true });
  writeFileSync(
    path.join(POSTGRAPHILE_DIR, "package.json"),
    `${JSON.stringify({ private: true, dependencies: { postgraphile: POSTGRAPHILE_VERSION } }, null, 2)}\n`,
  );
  execFileSync("npm", ["install", "--prefix", POSTGRAPHILE_DIR, "--no-audit", "--no-fund"], { stdio: "inherit" });
}

/**
 * Makes the data set's database when it is missing (or `fresh`), then lets a hub migrate (and seed) it once and stop,
 * so that the measured hub starts on a ready database; adds the synthetic cities with `seed-synthetic`.
 */
async function prepareDatabase(options: Options, dataSet: DataSet): Promise<string> {
  const name = `bench_nested_${dataSet}`;
  const url = databaseUrl(options.adminUrl, name);
  const exists = await withClient(
    options.adminUrl,
    async (client) => (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1,
  );
  const synthetic = dataSet === "synthetic" ? options.municipalities : 0;
  const fits =
    exists &&
    !options.fresh &&
    (await withClient(url, async (client) => {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from municipality where slug like 'synthetic-%'",
      );
      return rows[0].n === synthetic;
    }).catch(() => false));
  if (!fits) {
    console.log(`making the database ${name} …`);
    await withClient(options.adminUrl, async (client) => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`create database ${name}`);
    });
  }
  // Migrates (and seeds an empty database) outside the measured process, whose memory would otherwise show it.
  await stop(await startHub(url, null));
  if (!fits && synthetic) {
    const seeding = spawn(
      process.execPath,
      [
        path.join(ROOT, "dist/server/main.js"),
        "seed-synthetic",
        "--municipalities",
        String(synthetic),
        "--seed",
        "1",
        "--into-live-database",
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "inherit", "inherit"] },
    );
    const [code] = await once(seeding, "exit");
    if (code !== 0) throw new Error(`seed-synthetic exited with ${code}`);
  }
  await withClient(url, (client) => client.query("vacuum analyze"));
  return url;
}

/** The reference answer's data in one shape for both servers, with the lists whose order differs sorted. */
interface Normalised {
  slug: string;
  name: string;
  state: string;
  strategies: { slug: string; title: string; fields: { position: number; title: string; topics: string[] }[] }[];
  projects: { slug: string; title: string; status: string; providers: string[]; topics: string[] }[];
}

type Json = Record<string, any>;

const sorted = (items: string[]) => [...items].sort();
const bySlug = <T extends { slug: string }>(items: T[]) => [...items].sort((a, b) => (a.slug < b.slug ? -1 : 1));

function normaliseHub(text: string): Normalised[] {
  return (JSON.parse(text) as Json).data.municipalities.nodes.map((m: Json) => ({
    slug: m.slug,
    name: m.name,
    state: m.state,
    strategies: bySlug(
      m.strategies.map((s: Json) => ({
        slug: s.slug,
        title: s.title,
        fields: s.fieldsOfAction.map((f: Json) => ({
          position: f.position,
          title: f.title,
          topics: sorted(f.topics.map((t: Json) => t.key)),
        })),
      })),
    ),
    projects: m.projects.nodes.map((p: Json) => ({
      slug: p.slug,
      title: p.title,
      status: p.status,
      providers: sorted(p.providers.map((v: Json) => `${v.slug} ${v.name}`)),
      topics: sorted(p.topics.map((t: Json) => t.key)),
    })),
  }));
}

function normalisePostgraphile(text: string): Normalised[] {
  return (JSON.parse(text) as Json).data.allMunicipalities.nodes.map((m: Json) => ({
    slug: m.slug,
    name: m.name,
    state: m.state,
    strategies: bySlug(
      m.strategiesByMunicipalityId.nodes.map((s: Json) => ({
        slug: s.slug,
        title: s.title,
        fields: s.fieldOfActionsByStrategyId.nodes.map((f: Json) => ({
          position: f.position,
          title: f.title,
          topics: sorted(f.fieldOfActionTopicsByFieldOfActionId.nodes.map((t: Json) => t.topicByTopicId.key)),
        })),
      })),
    ),
    projects: m.projectsByMunicipalityId.nodes.map((p: Json) => ({
      slug: p.slug,
      title: p.title,
      status: p.status,
      providers: sorted(
        p.projectProvidersByProjectId.nodes.map(
          (v: Json) => `${v.providerByProviderId.slug} ${v.providerByProviderId.name}`,
        ),
      ),
      topics: sorted(p.projectTopicsByProjectId.nodes.map((t: Json) => t.topicByTopicId.key)),
    })),
  }));
}

/** The first place where two values differ, as a path, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, at = "$"): string | null {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null)
    return a === b ? null : `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const difference = firstDifference((a as Json)[key], (b as Json)[key], `${at}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/**
 * Where an answer differs from the expected one: its length, and the first difference in its data (or the text around
 * the first differing character, when it is no JSON). The answers are hundreds of KB; their beginnings say nothing.
 */
function describeOtherAnswer(text: string, expected: string): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    let at = 0;
    while (at < text.length && text[at] === expected[at]) at++;
    return `${text.length} characters (expected ${expected.length}), no JSON; from character ${at}: ${text.slice(at, at + 120)}`;
  }
  const difference = firstDifference(JSON.parse(expected), data);
  return `${text.length} characters (expected ${expected.length}); ${difference ?? "the same data, other text"}`.slice(
    0,
    400,
  );
}

/** Counts the objects of an answer's data, as the issue counts "objects per answer". */
function objectCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + objectCount(item), 0);
  if (typeof value !== "object" || value === null) return 0;
  return 1 + Object.values(value).reduce((sum: number, item) => sum + objectCount(item), 0);
}

/** How each server is asked, and the answer it must give every time (autocannon counts others as mismatches). */
interface Target {
  server: Server;
  /** The name of its runs: the server's, or "hub GET cached". */
  label: string;
  body: string;
  /** For a GET: the URL with the query and variables; a POST sends `body` to the server's URL. */
  getUrl: string | null;
  expected: string;
}

function targetOf(server: Server, variables: Record<string, unknown>): Target {
  const query = server.name === "postgraphile" ? POSTGRAPHILE_QUERY : HUB_QUERY;
  return { server, label: server.name, body: JSON.stringify({ query, variables }), getUrl: null, expected: "" };
}

/** The hub asked the same query as an anonymous GET, which its response cache answers after the first time. */
function cachedTargetOf(hub: Target): Target {
  const { query, variables } = JSON.parse(hub.body);
  const url = new URL(hub.server.url);
  url.searchParams.set("query", query);
  url.searchParams.set("variables", JSON.stringify(variables));
  return { ...hub, label: "hub GET cached", getUrl: url.toString(), expected: "" };
}

/** The request headers of a target: Apollo's CSRF prevention wants a GET to say it is not a simple browser request. */
const headersOf = (target: Target): Record<string, string> =>
  target.getUrl ? { "apollo-require-preflight": "true" } : { "content-type": "application/json" };

/**
 * Asks the cached target twice: the second answer must come from the response cache (it carries `Age`) and hold the
 * same data as the hub's POST answer; it becomes the expected one.
 */
async function checkCached(target: Target, hub: Target): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await fetch(target.getUrl!, { headers: headersOf(target) });
    target.expected = await response.text();
    if (response.status !== 200) throw new Error(`the hub answered the GET ${response.status}: ${target.expected}`);
    if (attempt === 1 && response.headers.get("age") === null)
      throw new Error("the hub did not answer the repeated GET from its response cache (no Age header)");
  }
  const difference = firstDifference(normaliseHub(hub.expected), normaliseHub(target.expected));
  if (difference) throw new Error(`the hub's cached GET answers other data than its POST: ${difference}`);
}

/** Asks each server once, checks that the answers carry the same data, and keeps each answer as the expected one. */
async function checkAnswers(targets: Target[]): Promise<{ objects: number; kb: number; municipalities: number }> {
  let reference: Normalised[] | null = null;
  for (const target of targets) {
    const { query, variables } = JSON.parse(target.body);
    target.expected = await post(target.server.url, query, variables);
    const data =
      target.server.name === "postgraphile" ? normalisePostgraphile(target.expected) : normaliseHub(target.expected);
    const difference = reference && firstDifference(reference, data);
    if (difference) throw new Error(`${target.server.name} answers different data: ${difference}`);
    reference ??= data;
  }
  const hub = targets.find((target) => target.server.name === "hub") ?? targets[0];
  return {
    objects: objectCount(JSON.parse(hub.expected).data),
    kb: Buffer.byteLength(hub.expected) / 1024,
    municipalities: reference!.length,
  };
}

/** CPU time (user + system) of a process so far, in ms, from /proc. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function memoryMbOf(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0) / 1024;
}

/** The server's count of SQL statements so far (bench-statement-counter.ts answers over IPC). */
async function statementsOf(server: Server): Promise<number> {
  const answer = once(server.child, "message") as Promise<[{ statements: number }]>;
  server.child.send("statements");
  const [message] = await Promise.race([
    answer,
    sleep(10_000).then(() => {
      throw new Error(`${server.name} did not report its statement count`);
    }),
  ]);
  return message.statements;
}

/** Waits until the server has spent under 5 % of a core for a second: requests cut off at a run's end are done. */
async function waitUntilIdle(server: Server): Promise<void> {
  const until = Date.now() + 600_000;
  let before = cpuMsOf(server.child.pid!);
  while (Date.now() < until) {
    await sleep(1000);
    const now = cpuMsOf(server.child.pid!);
    if (now - before < 50) return;
    before = now;
  }
}

/** One run's figures. */
interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  statementsPerRequest: number;
  peakRssMb: number;
  failed: number;
  /** What the failures were, when there were any. */
  failures: string | null;
  load: string;
}

/** Sends the query with `connections` clients for `seconds` and measures the server meanwhile. */
async function loadRun(target: Target, seconds: number, connections: number): Promise<RunFigures> {
  const pid = target.server.child.pid!;
  await waitUntilIdle(target.server);
  const load = loadAverage();
  const cpuBefore = cpuMsOf(pid);
  const statementsBefore = await statementsOf(target.server);
  let peakRssMb = memoryMbOf(pid, "VmRSS");
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, memoryMbOf(pid, "VmRSS"))), 200);
  let otherAnswer: string | null = null;
  try {
    const result = await autocannon({
      url: target.getUrl ?? target.server.url,
      method: target.getUrl ? "GET" : "POST",
      headers: headersOf(target),
      body: target.getUrl ? undefined : target.body,
      verifyBody: (body) => {
        const text = String(body ?? "");
        if (text === target.expected || sameButSplitCharacters(text, target.expected)) return true;
        otherAnswer ??= describeOtherAnswer(text, target.expected);
        return false;
      },
      connections,
      duration: seconds,
      // A slow server's answers take many seconds under load; a timeout would count them as failures, not figures.
      timeout: 600,
    });
    // Requests still in flight when the run ends are not answered to autocannon, but the server does their work (and
    // their statements): counted per answer, they made the figures under load look worse than one at a time.
    await waitUntilIdle(target.server);
    const cpuMs = cpuMsOf(pid) - cpuBefore;
    const statements = (await statementsOf(target.server)) - statementsBefore;
    const sent = Math.max(result.requests.sent, 1);
    return {
      rps: result.requests.total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      cpuMsPerRequest: cpuMs / sent,
      statementsPerRequest: statements / sent,
      peakRssMb,
      failed: result.errors + result.non2xx + result.mismatches,
      failures:
        result.errors + result.non2xx + result.mismatches
          ? `${result.errors} connection errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx, ${result.mismatches} other answers${otherAnswer ? `, e.g. ${otherAnswer}` : ""}`
          : null,
      load,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Requests sent one at a time before `serialFigures` measures: the server's first answers compile and warm its code. */
const SERIAL_WARMUP = 5;
/**
 * Requests `serialFigures` measures: the process's CPU time is read in clock ticks (10 ms), and a full garbage
 * collection falls on some answers only, so five answers of a cold server (as measured before) swung by half.
 */
const SERIAL_REQUESTS = 30;

/** One request at a time, after a warm-up: the Node CPU, wall time and statements of one answer, without concurrency. */
async function serialFigures(target: Target): Promise<{ cpuMs: number; wallMs: number; statements: number }> {
  const { query, variables } = JSON.parse(target.body);
  for (let i = 0; i < SERIAL_WARMUP; i++) await post(target.server.url, query, variables);
  await waitUntilIdle(target.server);
  const pid = target.server.child.pid!;
  const cpuBefore = cpuMsOf(pid);
  const statementsBefore = await statementsOf(target.server);
  const started = performance.now();
  for (let i = 0; i < SERIAL_REQUESTS; i++) await post(target.server.url, query, variables);
  return {
    cpuMs: (cpuMsOf(pid) - cpuBefore) / SERIAL_REQUESTS,
    wallMs: (performance.now() - started) / SERIAL_REQUESTS,
    statements: ((await statementsOf(target.server)) - statementsBefore) / SERIAL_REQUESTS,
  };
}

const cell = (value: number, width: number, digits = 0) => value.toFixed(digits).padStart(width);

function printRun(round: number, name: string, figures: RunFigures): void {
  console.log(
    [
      String(round).padEnd(6),
      name.padEnd(17),
      cell(figures.rps, 8, 1),
      cell(figures.p50, 8),
      cell(figures.p99, 8),
      cell(figures.cpuMsPerRequest, 11, 1),
      cell(figures.statementsPerRequest, 8, 1),
      cell(figures.peakRssMb, 12),
      cell(figures.failed, 7),
      `   ${figures.load}`,
    ].join(" "),
  );
}

/** The interleaved load runs of one data set, round by round, and the ratios of each pair. */
async function runRounds(targets: Target[], durations: Map<string, number>, options: Options): Promise<void> {
  const ratios: string[] = [];
  const cachedRatios: string[] = [];
  const cpuRatios: string[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const figures = new Map<string, RunFigures>();
    for (const target of targets) {
      const run = await loadRun(target, durations.get(target.label)!, options.connections);
      figures.set(target.label, run);
      printRun(round, target.label, run);
      if (run.failures) console.log(`       ${target.label} failed: ${run.failures}`);
    }
    const other = figures.get("postgraphile");
    const hub = figures.get("hub");
    const cached = figures.get("hub GET cached");
    const baseline = figures.get("baseline");
    if (hub && other) ratios.push((hub.rps / other.rps).toFixed(2));
    if (cached && other) cachedRatios.push((cached.rps / other.rps).toFixed(2));
    if (hub && baseline) cpuRatios.push((hub.cpuMsPerRequest / baseline.cpuMsPerRequest).toFixed(2));
  }
  if (ratios.length) console.log(`ratio hub/PostGraphile (req/s) per pair: ${ratios.join(", ")}`);
  if (cachedRatios.length)
    console.log(`ratio hub GET cached/PostGraphile (req/s), repeated query, per pair: ${cachedRatios.join(", ")}`);
  if (cpuRatios.length) console.log(`ratio hub/baseline (Node CPU ms per answer) per round: ${cpuRatios.join(", ")}`);
}

/** Measures one data set: both servers on its database, checked, then interleaved load runs. */
async function benchDataSet(options: Options, dataSet: DataSet): Promise<void> {
  const url = await prepareDatabase(options, dataSet);
  const servers: Server[] = [];
  try {
    for (const name of options.servers)
      servers.push(name === "hub" ? await startHub(url, options.cpuProfileDir) : await startPostgraphile(url));
    if (options.baselineRoot) servers.push(await startHub(url, null, options.baselineRoot));
    const targets = servers.map((server) => targetOf(server, { municipalities: 100 }));
    const size = await checkAnswers(targets);
    const hubTarget = targets.find((target) => target.server.name === "hub");
    if (options.cached && hubTarget) {
      const cached = cachedTargetOf(hubTarget);
      await checkCached(cached, hubTarget);
      targets.push(cached);
    }
    console.log(
      `\n${dataSet}: ${size.municipalities} municipalities in the answer, ${size.objects} objects, ${size.kb.toFixed(1)} KB (hub)${
        targets.length > 1 ? "; the servers answer the same data" : ""
      }; ${options.connections} connections, ${options.rounds} rounds, load average ${loadAverage()}`,
    );
    // A short warm-up each, so that neither the serial figures nor the first round are the JIT's.
    for (const target of targets) await loadRun(target, Math.min(5, options.seconds), options.connections);
    const durations = new Map<string, number>();
    for (const target of targets) {
      // A cached answer takes no time to speak of: its runs last the shortest run.
      if (target.getUrl) {
        durations.set(target.label, options.seconds);
        continue;
      }
      const serial = await serialFigures(target);
      // Long enough for each connection to see about three answers: a run of a slow server is not all cut-off requests.
      const seconds = Math.min(
        600,
        Math.max(options.seconds, Math.ceil((3 * options.connections * serial.wallMs) / 1000)),
      );
      durations.set(target.label, seconds);
      console.log(
        `  ${target.server.name} one request at a time: ${serial.wallMs.toFixed(0)} ms, ${serial.cpuMs.toFixed(1)} ms Node CPU, ${serial.statements.toFixed(1)} SQL statements per answer; runs of ${seconds} s`,
      );
    }
    console.log(
      "round  server              req/s   p50 ms   p99 ms  CPU ms/req  SQL/req  peak RSS MB  failed   load average",
    );
    await runRounds(targets, durations, options);
    console.log(
      `peak RSS (VmHWM) over the data set: ${servers.map((server) => `${server.name} ${memoryMbOf(server.child.pid!, "VmHWM").toFixed(0)} MB`).join(", ")}`,
    );
  } finally {
    for (const server of servers) await stop(server);
  }
}

async function main(): Promise<void> {
  if (asksForHelp(process.argv.slice(2))) {
    process.stdout.write(USAGE);
    return;
  }
  let options: Options;
  try {
    options = readOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench:nested: ${error.message}`);
    process.exit(2);
  }
  if (!existsSync(path.join(ROOT, "dist/server/main.js")))
    throw new Error("dist/server/main.js is missing: run npm run build first");
  if (options.servers.includes("postgraphile")) ensurePostgraphile();
  console.log(
    `bench:nested on ${new URL(options.adminUrl).host}, ${os.cpus().length} CPUs, node ${process.version}; load average ${loadAverage()}`,
  );
  const roots = [ROOT, ...(options.baselineRoot ? [options.baselineRoot] : [])];
  for (const root of roots) console.log(`${root}: node ${[...hubNodeOptions(root), "dist/server/main.js"].join(" ")}`);
  for (const dataSet of options.dataSets) await benchDataSet(options, dataSet);
  console.log(`\nload average at the end: ${loadAverage()}`);
}

await main().catch((error: unknown) => {
  console.error(`bench:nested failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
