/**
 * `Query.stats` against the seeded database: every figure equals what the seed data
 * says, filters narrow it, and the number of SQL statements does not grow with the data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedData } from "../../seeds/data/index.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const STATS = /* GraphQL */ `
  query Stats($filter: ProjectFilter) {
    stats(filter: $filter) {
      projectCount
      projectsByTopicAndState {
        topic {
          key
        }
        state
        count
      }
      projectsByStatus {
        status
        count
      }
      providersByClients {
        provider {
          slug
        }
        state
        clients
        municipalities
        share
      }
      strategiesByAdoptionYear {
        year
        count
      }
      budgetByYearAndCategory {
        year
        category
        total
      }
    }
  }
`;

async function stats(filter?: Record<string, unknown>) {
  const res = await hub.query(STATS, { filter });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.stats;
}

const projects = seedData.cities.flatMap((c) =>
  c.projects.map((p) => ({ ...p, state: c.municipality.state, city: c.municipality.slug })),
);
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const cents = (amount: string) => BigInt(amount.replace(".", ""));
const decimal = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, "0")}`;

describe("stats on the whole seed data", () => {
  it("counts projects by status and by topic × state", async () => {
    const result = await stats();
    expect(result.projectCount).toBe(projects.length);
    expect(result.projectsByStatus).toEqual(
      [...countBy(projects, (p) => p.status)]
        .sort(([a], [b]) => byCodePoint(a, b))
        .map(([status, count]) => ({ status, count })),
    );
    const pairs = countBy(
      projects.flatMap((p) => p.topics.map((topic) => ({ topic, state: p.state }))),
      (x) => `${x.topic} ${x.state}`,
    );
    expect(result.projectsByTopicAndState.map((r: any) => `${r.topic.key} ${r.state}:${r.count}`)).toEqual(
      [...pairs].sort(([a], [b]) => byCodePoint(a, b)).map(([pair, count]) => `${pair}:${count}`),
    );
  });

  it("gives each provider's client municipalities and market share per state", async () => {
    const result = await stats();
    const citiesPerState = countBy(seedData.cities, (c) => c.municipality.state);
    const clients = new Map<string, Set<string>>();
    for (const c of seedData.cities)
      for (const e of c.engagements) {
        const key = `${e.provider} ${c.municipality.state}`;
        clients.set(key, (clients.get(key) ?? new Set()).add(c.municipality.slug));
      }
    expect(result.providersByClients).toHaveLength(clients.size);
    for (const row of result.providersByClients) {
      const expected = clients.get(`${row.provider.slug} ${row.state}`)!.size;
      expect(row.clients).toBe(expected);
      expect(row.municipalities).toBe(citiesPerState.get(row.state));
      expect(row.share).toBeCloseTo(expected / citiesPerState.get(row.state)!, 4);
    }
    const krzn = result.providersByClients.find((r: any) => r.provider.slug === "krzn");
    expect(krzn).toMatchObject({ state: "NW", clients: 1, municipalities: 2, share: 0.5 });
  });

  it("counts strategies by adoption year and sums budgets by year and category, exact to the cent", async () => {
    const result = await stats();
    const strategies = seedData.cities.flatMap((c) => c.strategies);
    const years = countBy(strategies, (s) => (s.adoptedOn ? s.adoptedOn.slice(0, 4) : "null"));
    expect(result.strategiesByAdoptionYear).toEqual(
      [...years]
        .sort(([a], [b]) => (a === "null" ? 1 : b === "null" ? -1 : Number(a) - Number(b)))
        .map(([year, count]) => ({ year: year === "null" ? null : Number(year), count })),
    );
    const totals = new Map<string, bigint>();
    for (const line of strategies.flatMap((s) => s.budget))
      totals.set(
        `${line.year} ${line.category}`,
        (totals.get(`${line.year} ${line.category}`) ?? 0n) + cents(line.amount),
      );
    expect(result.budgetByYearAndCategory.map((b: any) => `${b.year} ${b.category} ${b.total}`)).toEqual(
      [...totals].sort(([a], [b]) => byCodePoint(a, b)).map(([key, total]) => `${key} ${decimal(total)}`),
    );
    expect(result.budgetByYearAndCategory[1]).toEqual({ year: 2021, category: "INVESTMENT", total: "420000.00" });
  });
});

describe("stats filtered like projects", () => {
  it("narrows by state", async () => {
    const result = await stats({ states: ["NW"] });
    expect(result.projectCount).toBe(projects.filter((p) => p.state === "NW").length);
    expect(result.projectsByTopicAndState.every((r: any) => r.state === "NW")).toBe(true);
    expect(result.providersByClients.every((r: any) => r.state === "NW")).toBe(true);
    expect(result.budgetByYearAndCategory).toEqual([]);
  });

  it("narrows by topic: only that topic's rows, and strategies with a field of action on it", async () => {
    const result = await stats({ topics: ["schools"] });
    expect(result.projectCount).toBe(projects.filter((p) => p.topics.includes("schools")).length);
    expect(result.projectsByTopicAndState.map((r: any) => [r.topic.key, r.state, r.count])).toEqual([
      ["schools", "NI", 1],
      ["schools", "NW", 1],
    ]);
    // Only Ratingen's strategy (2021) has a school field of action; Hildesheim's school media plan names none.
    expect(result.strategiesByAdoptionYear).toEqual([{ year: 2021, count: 1 }]);
  });

  it("narrows by municipality, status and provider", async () => {
    const ideas = await stats({ municipalities: ["herten"], statuses: ["IDEA"] });
    expect(ideas.projectCount).toBe(projects.filter((p) => p.city === "herten" && p.status === "IDEA").length);
    expect(ideas.projectsByStatus).toEqual([{ status: "IDEA", count: 10 }]);
    const krzn = await stats({ providers: ["krzn"] });
    expect(krzn.projectCount).toBe(projects.filter((p) => p.providers.includes("krzn")).length);
    expect(krzn.providersByClients.map((r: any) => r.provider.slug)).toEqual(["krzn"]);
  });

  it("refuses unknown slugs, topics and states like projects does", async () => {
    for (const [filter, pattern] of [
      [{ municipalities: ["atlantis"] }, /filter\.municipalities: "atlantis"/],
      [{ topics: ["nope"] }, /filter\.topics: "nope"/],
      [{ providers: ["nobody"] }, /filter\.providers: "nobody"/],
      [{ topics: ["x".repeat(10_000)] }, /filter\.topics/],
    ] as const) {
      const res = await hub.query(STATS, { filter });
      expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0].message).toMatch(pattern);
    }
    const badState = await hub.query(STATS, { filter: { states: ["XX"] } });
    expect(badState.status).toBe(400);
  });
});

describe("stats: SQL statements", () => {
  it("costs one statement per figure (plus filter checks), however much data there is", async () => {
    const filter = { states: ["NW", "HE"], topics: ["childcare", "schools", "e-file"] };
    hub.db.resetQueryCount();
    await stats(filter);
    const before = hub.db.queries.length;
    await addSyntheticCities(hub.db.orm, 40, "stats-synth");
    hub.db.resetQueryCount();
    const after = await stats(filter);
    expect(hub.db.queries.length).toBe(before);
    expect(after.projectCount).toBeGreaterThan(
      projects.filter((p) => p.topics.some((t) => filter.topics.includes(t))).length,
    );
    hub.db.resetQueryCount();
    await stats();
    const unfiltered = hub.db.queries.length;
    console.log(
      `stats: ${unfiltered} SQL statements unfiltered, ${before} with a state and topic filter, before and after adding 40 cities`,
    );
    // Six figures, one statement each, plus one batched load each of topics and providers.
    expect(unfiltered).toBeLessThanOrEqual(8);
  });
});
