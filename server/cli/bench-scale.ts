/**
 * `npm run bench:scale`: every root list (projects, strategies, lessons, municipalities,
 * providers) with each `orderBy`, each filter, with and without `totalCount`, first page and
 * the page after it, plus `compare` of 20 cities, `stats` and `similar` for a page of 20 projects (the first page,
 * and the first page of a city's and of a topic's projects), against running hubs over HTTP,
 * one request at a time, printing p50/p95/p99/max per query. A benchmark, not a test: it
 * asserts nothing and stops by itself after a bounded number of requests.
 *
 *   npm run bench:scale -- [--url http://localhost:4000/graphql[,http://localhost:4001/graphql]]
 *                          [--rounds 20] [--warmup 2] [--only projects]
 *
 * Several comma-separated URLs (e.g. a hub before and one after a change, on two copies of the
 * same data) are asked in turn for every request, so that a noisy machine weighs on all alike.
 * Start the hubs with a rate limit and a cost limit the bench fits in (`compare` of 20 cities with every topic
 * costs more than the default), e.g. RATE_LIMIT_POINTS=1000000 MAX_QUERY_COST=10000000 npm start.
 */
import { graphqlUrl, scriptArgs } from "./script-args.js";
import { loadAverage, percentile } from "./bench-figures.js";

/** One query of the mix: its name in the table, and how to ask it (a later page gets its cursor in `after`). */
interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Ask for the page after the first one: the first page's `endCursor` becomes `$after`. */
  later?: boolean;
}

/** A root list with its sort fields and the filters the benchmark applies to it. */
interface List {
  field: string;
  orderFields: string[];
  defaultOrder: string;
  nodes: string;
  filters: Record<string, Record<string, unknown>>;
}

const LISTS: List[] = [
  {
    field: "projects",
    orderFields: ["TITLE", "SLUG", "STATUS", "CREATED_AT", "UPDATED_AT"],
    defaultOrder: "TITLE",
    nodes: "slug title status",
    filters: {
      "states BY": { states: ["BY"] },
      "status IN_PROGRESS": { statuses: ["IN_PROGRESS"] },
      "topic childcare": { topics: ["childcare"] },
      "status + topic": { statuses: ["IN_PROGRESS"], topics: ["childcare"] },
      "provider krzn": { providers: ["krzn"] },
      "municipality ratingen": { municipalities: ["ratingen"] },
    },
  },
  {
    field: "strategies",
    orderFields: ["TITLE", "SLUG", "CREATED_AT"],
    defaultOrder: "TITLE",
    nodes: "slug title status",
    filters: {
      "states NW": { states: ["NW"] },
      "status ADOPTED": { statuses: ["ADOPTED"] },
      "topic e-file": { topics: ["e-file"] },
      "municipality ratingen": { municipalities: ["ratingen"] },
    },
  },
  {
    field: "lessons",
    orderFields: ["TITLE", "SLUG", "CREATED_AT"],
    defaultOrder: "TITLE",
    nodes: "slug title kind",
    filters: {
      "states BY": { states: ["BY"] },
      "kind PITFALL": { kinds: ["PITFALL"] },
      "topic childcare": { topics: ["childcare"] },
      "municipality ratingen": { municipalities: ["ratingen"] },
    },
  },
  {
    field: "municipalities",
    orderFields: ["NAME", "SLUG", "OFFICIAL_KEY", "CREATED_AT"],
    defaultOrder: "NAME",
    nodes: "slug name state",
    filters: { "states BY": { states: ["BY"] } },
  },
  {
    field: "providers",
    orderFields: ["NAME", "SLUG", "CREATED_AT"],
    defaultOrder: "NAME",
    nodes: "slug name kind",
    filters: {
      "states NW": { states: ["NW"] },
      "kind MUNICIPAL_IT_SERVICE_PROVIDER": { kinds: ["MUNICIPAL_IT_SERVICE_PROVIDER"] },
    },
  },
];

/** The list queries: each order (both directions of the default), each filter, with and without a count, pages 1 and 2. */
function listCases(list: List): Case[] {
  const cases: Case[] = [];
  const query = (count: boolean, first = 20) =>
    `query($orderBy: ${orderType(list)}, $filter: ${filterType(list)}, $after: String) { ${list.field}(first: ${first}, orderBy: $orderBy, filter: $filter, after: $after) { ${first ? `nodes { ${list.nodes} } pageInfo { endCursor hasNextPage }` : ""} ${count ? "totalCount" : ""} } }`;
  const orders = [
    ...list.orderFields.map((field) => ({ field, direction: "ASC" })),
    { field: list.defaultOrder, direction: "DESC" },
  ];
  for (const orderBy of orders) {
    const label = `${list.field} ${orderBy.field} ${orderBy.direction}`;
    cases.push({ name: label, query: query(false), variables: { orderBy } });
    cases.push({ name: `${label} page 2`, query: query(false), variables: { orderBy }, later: true });
  }
  cases.push({ name: `${list.field} + totalCount`, query: query(true) });
  cases.push({ name: `${list.field} first: 0 totalCount`, query: query(true, 0) });
  for (const [name, filter] of Object.entries(list.filters)) {
    const label = `${list.field} ${name}`;
    cases.push({ name: label, query: query(false), variables: { filter } });
    cases.push({ name: `${label} + totalCount`, query: query(true), variables: { filter } });
    cases.push({ name: `${label} page 2`, query: query(false), variables: { filter }, later: true });
  }
  return cases;
}

function orderType(list: List): string {
  return (
    { projects: "ProjectOrder", strategies: "StrategyOrder", lessons: "LessonOrder" }[list.field] ??
    `${list.field === "municipalities" ? "Municipality" : "Provider"}Order`
  );
}

function filterType(list: List): string {
  return orderType(list).replace(/Order$/, "Filter");
}

const COMPARE = `query($m: [String!]!) { compare(municipalities: $m) { rows { topic { key } cells { coverage projects { slug } fieldsOfAction { title } } }
  keyFigures { population fieldOfActionCount projectsByStatus { status count } budgetByYear { year total } providers { provider { slug } roles } indicators { value } } } }`;
const STATS = `{ stats { projectCount projectsByTopicAndState { topic { key } state count } projectsByStatus { status count }
  providerCoverage { provider { slug } state servedMunicipalities coverageShare } strategiesByAdoptionYear { year count } budgetByYearAndCategory { year category total } } }`;

/** A page of 20 projects, each with its suggestions as the project page shows them. */
const SIMILAR = `query($filter: ProjectFilter) { projects(first: 20, filter: $filter) { nodes { slug similar(first: 5) { score reasons project { slug title municipality { slug name } } } } } }`;

/** The usage text of `npm run bench:scale`. */
const USAGE = `Usage: npm run bench:scale -- [--url URL[,URL…]] [--rounds 20] [--warmup 2] [--only REGEXP]

Asks every root list with each order and filter, compare, stats and similar of running hubs over HTTP,
one request at a time, and prints p50/p95/p99/max per query. --url defaults to $HUB_URL/graphql
(HUB_URL defaults to http://localhost:4000). Prints figures; asserts nothing.
`;

const values = scriptArgs("bench:scale", USAGE, {
  url: { type: "string" },
  rounds: { type: "string", default: "20" },
  warmup: { type: "string", default: "2" },
  only: { type: "string" },
});
const urls = (values.url ?? graphqlUrl("bench:scale")).split(",").map((url) => url.trim());
const rounds = Math.min(Math.max(Number(values.rounds) || 20, 1), 200);
const warmup = Math.min(Math.max(Number(values.warmup) || 0, 0), 20);
const only = values.only ? new RegExp(values.only) : null;

type Body = { data?: Record<string, { pageInfo?: { endCursor: string | null } }>; errors?: { message: string }[] };

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Body> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 429) throw new Error("rate limited: start the hub with RATE_LIMIT_POINTS=1000000");
  const body = (await response.json()) as Body;
  if (body.errors?.length || !body.data) throw new Error(`failed: ${body.errors?.[0]?.message ?? response.status}`);
  return body;
}

for (const url of urls) {
  const health = await fetch(new URL("/healthz", url))
    .then((r) => r.json())
    .catch(() => null);
  if (!health) {
    console.error(
      `No hub answers at ${url}; start one (RATE_LIMIT_POINTS=1000000 MAX_QUERY_COST=10000000 npm start) or pass --url.`,
    );
    process.exit(1);
  }
  console.log(`hub ${url}: ${JSON.stringify(health)}`);
}

const synthetic = await post(
  urls[0],
  `{ municipalities(first: 16, orderBy: { field: SLUG, direction: DESC }) { nodes { slug } } }`,
);
const cities = [
  ...new Set([
    "ratingen",
    "herten",
    "kelsterbach",
    "hildesheim",
    ...(synthetic.data!.municipalities as unknown as { nodes: { slug: string }[] }).nodes.map((node) => node.slug),
  ]),
];
const cases: Case[] = [
  ...LISTS.flatMap(listCases),
  { name: "compare 20 cities", query: COMPARE, variables: { m: cities } },
  { name: "stats", query: STATS },
  { name: "similar, 20 projects", query: SIMILAR },
  { name: "similar, 20 projects of ratingen", query: SIMILAR, variables: { filter: { municipalities: ["ratingen"] } } },
  { name: "similar, 20 projects of topic childcare", query: SIMILAR, variables: { filter: { topics: ["childcare"] } } },
].filter((item) => !only || only.test(item.name));

// A later page starts after the first page's last item, as each hub numbers it (ids differ between copies).
const afterCursors = new Map<string, string | null>();
for (const item of cases.filter((each) => each.later))
  for (const url of urls) {
    const first = await post(url, item.query, { ...item.variables, after: null });
    afterCursors.set(`${url} ${item.name}`, Object.values(first.data!)[0].pageInfo?.endCursor ?? null);
  }

/** The time of one request; a request that fails (e.g. a `TIMEOUT`) counts as failed, with its message, and is not timed. */
const failures = new Map<string, string[]>();
const run = async (url: string, item: Case): Promise<number | null> => {
  const variables = item.later ? { ...item.variables, after: afterCursors.get(`${url} ${item.name}`) } : item.variables;
  const started = performance.now();
  try {
    await post(url, item.query, variables);
  } catch (error) {
    if (/rate limited/.test(String(error))) throw error;
    const key = `${url} ${item.name}`;
    failures.set(key, [...(failures.get(key) ?? []), (error as Error).message]);
    return null;
  }
  return performance.now() - started;
};

console.log(
  `bench:scale, ${cases.length} queries, ${rounds} rounds each, ${warmup} warm-up, hubs asked in turn; load average before: ${loadAverage()}`,
);
console.log(`${"".padEnd(60)}${urls.map((_, index) => `hub ${index + 1} (ms)`.padStart(36)).join("")}`);
const header = ["p50", "p95", "p99", "max"].map((name) => name.padStart(7)).join(" ");
console.log(`${"query".padEnd(60)}${urls.map(() => header.padStart(36)).join("")}`);
for (const item of cases) {
  const times = urls.map(() => [] as number[]);
  for (let round = 0; round < warmup; round++) for (const url of urls) await run(url, item);
  for (let round = 0; round < rounds; round++)
    for (const [index, url] of urls.entries()) {
      const ms = await run(url, item);
      if (ms !== null) times[index].push(ms);
    }
  const cells = times.map((ms, index) => {
    const failed = failures.get(`${urls[index]} ${item.name}`)?.length ?? 0;
    if (!ms.length) return `all failed (${failed})`.padStart(36);
    ms.sort((a, b) => a - b);
    return [percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), ms.at(-1)!]
      .map((value) => value.toFixed(0).padStart(7))
      .join(" ")
      .concat(failed ? ` ${failed} failed` : "")
      .padStart(36);
  });
  console.log(`${item.name.padEnd(60)}${cells.join("")}`);
}
for (const [key, messages] of failures) console.log(`failed: ${key}: ${messages.length}× ${messages[0]}`);
console.log(`load average after: ${loadAverage()}`);
