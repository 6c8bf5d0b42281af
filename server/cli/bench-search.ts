/**
 * `npm run bench:search`: a fixed mix of search queries against a running hub over HTTP,
 * one request at a time, printing p50/p95/p99 per query class. A benchmark, not a test:
 * it asserts nothing and stops by itself after a bounded number of requests.
 *
 *   npm run bench:search -- [--url http://localhost:4000/graphql] [--rounds 20] [--warmup 2]
 *
 * Start the hub with a rate limit the bench fits in, e.g. RATE_LIMIT_POINTS=1000000 npm start.
 */
import { graphqlUrl, scriptArgs } from "./script-args.js";
import { percentile } from "./bench-figures.js";

interface Case {
  query: string;
  filter?: Record<string, unknown>;
  facets?: boolean;
}

/** The query classes of issue 3, each with a few queries that stand for it. */
const CLASSES: Record<string, Case[]> = {
  // In the synthetic set of `seed:synthetic` (defaults, --seed 1): 3, 3 and 52 documents; a handful in the seed data.
  rare: [{ query: "Trägerkämmerei" }, { query: "Digitalisierungsfragenglasfasernetz" }, { query: "Altaufurt" }],
  common: [{ query: "Digitalisierung" }, { query: "Verwaltung" }, { query: "Stadt" }],
  "two-word": [{ query: "Glasfaser Schulen" }, { query: "digitale Verwaltung" }, { query: "Kita Software" }],
  typo: [{ query: "Digitalisierungstrategie" }, { query: "Kindergaten" }, { query: "Verwaltnug" }],
  synonym: [{ query: "Kita" }, { query: "OZG" }, { query: "E-Akte" }, { query: "Breitband" }],
  faceted: [
    { query: "Digitalisierung", facets: true },
    { query: "Schulen", facets: true },
    { query: "Kita", facets: true },
  ],
  filtered: [
    { query: "Digitalisierung", filter: { states: ["BY"], types: ["PROJECT"] } },
    { query: "Software", filter: { topics: ["childcare"] } },
    { query: "Verwaltung", filter: { statuses: ["IN_PROGRESS"], providers: ["krzn"] } },
  ],
};

const HITS = `hits { score highlights { field snippet } municipality { name } node { __typename ... on Project { slug title } ... on Strategy { slug title } ... on LessonLearned { slug title } ... on FieldOfAction { title } ... on Municipality { name } ... on Provider { name } } }`;

function operation(facets: boolean): string {
  return `query Bench($query: String!, $filter: SearchFilter) { search(query: $query, filter: $filter, first: 20) { totalCount totalCountIsExact ${HITS} ${facets ? "facets { field values { value label count } }" : ""} } }`;
}

/** The usage text of `npm run bench:search`. */
const USAGE = `Usage: npm run bench:search -- [--url URL] [--rounds 20] [--warmup 2] [--per-query]

Sends a fixed mix of search queries to a running hub over HTTP, one at a time, and prints
p50/p95/p99 per query class. --url defaults to $HUB_URL/graphql (HUB_URL defaults to
http://localhost:4000). Prints figures; asserts nothing.
`;

const values = scriptArgs("bench:search", USAGE, {
  url: { type: "string" },
  rounds: { type: "string", default: "20" },
  warmup: { type: "string", default: "2" },
  "per-query": { type: "boolean", default: false },
});
const url = values.url ?? graphqlUrl("bench:search");
const rounds = Math.min(Math.max(Number(values.rounds) || 20, 1), 200);
const warmup = Math.min(Math.max(Number(values.warmup) || 0, 0), 20);

async function run(item: Case): Promise<{ ms: number; totalCount: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: operation(Boolean(item.facets)),
      variables: { query: item.query, filter: item.filter ?? null },
    }),
  });
  const body = (await response.json()) as { data?: { search: { totalCount: number } }; errors?: { message: string }[] };
  const ms = performance.now() - started;
  if (response.status === 429) throw new Error("rate limited: start the hub with RATE_LIMIT_POINTS=1000000");
  if (body.errors?.length || !body.data)
    throw new Error(`"${item.query}" failed: ${body.errors?.[0]?.message ?? response.status}`);
  return { ms, totalCount: body.data.search.totalCount };
}

const health = await fetch(new URL("/healthz", url))
  .then((r) => r.json())
  .catch(() => null);
if (!health) {
  console.error(`No hub answers at ${url}; start one (RATE_LIMIT_POINTS=1000000 npm start) or pass --url.`);
  process.exit(1);
}
console.log(
  `bench:search against ${url} (${JSON.stringify((health as { search?: unknown }).search ?? {})}), ${rounds} rounds per query, ${warmup} warm-up`,
);
console.log("class       queries  requests   p50 ms   p95 ms   p99 ms   max ms   matches (first query)");
for (const [name, cases] of Object.entries(CLASSES)) {
  const times: number[] = [];
  let matches = 0;
  for (const item of cases) for (let i = 0; i < warmup; i++) matches = (await run(item)).totalCount;
  matches = (await run(cases[0])).totalCount;
  const perQuery = new Map<Case, number[]>(cases.map((item) => [item, []]));
  for (let round = 0; round < rounds; round++) {
    for (const item of cases) {
      const { ms } = await run(item);
      times.push(ms);
      perQuery.get(item)!.push(ms);
    }
  }
  times.sort((a, b) => a - b);
  const cell = (value: number) => value.toFixed(1).padStart(8);
  console.log(
    `${name.padEnd(11)} ${String(cases.length).padStart(7)} ${String(times.length).padStart(9)} ${cell(percentile(times, 50))} ${cell(percentile(times, 95))} ${cell(percentile(times, 99))} ${cell(times.at(-1)!)}   ${matches}`,
  );
  if (values["per-query"]) {
    for (const [item, ms] of perQuery) {
      ms.sort((a, b) => a - b);
      console.log(
        `  ${JSON.stringify(item.query)}${item.filter ? ` ${JSON.stringify(item.filter)}` : ""}: p50 ${percentile(ms, 50).toFixed(1)}, p95 ${percentile(ms, 95).toFixed(1)}`,
      );
    }
  }
}
