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

describe("stats: provider coverage", () => {
  const COVERAGE = /* GraphQL */ `
    query Coverage($filter: ProjectFilter, $kinds: [ProviderKind!], $roles: [EngagementRole!]) {
      stats(filter: $filter) {
        providerCoverage(providerKinds: $kinds, roles: $roles) {
          provider {
            slug
            kind
          }
          state
          servedMunicipalities
          hubMunicipalities
          coverageShare
          servedPopulation
          hubPopulation
          populationCoverageShare
          populationCoverageNote
        }
      }
    }
  `;
  const kindOf = new Map(seedData.providers.map((p) => [p.slug, p.kind as string]));

  async function coverage(variables: Record<string, unknown> = {}) {
    const res = await hub.query(COVERAGE, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.stats.providerCoverage as any[];
  }

  /** Served municipalities per `provider state` from the seed's (published) engagements, as `filter` keeps them. */
  function expectedServed(keep: (provider: string, role: string) => boolean) {
    const served = new Map<string, Set<string>>();
    for (const c of seedData.cities)
      for (const e of c.engagements) {
        if (!keep(e.provider, e.role)) continue;
        const key = `${e.provider} ${c.municipality.state}`;
        served.set(key, (served.get(key) ?? new Set()).add(c.municipality.slug));
      }
    return served;
  }

  it("gives numerator and denominator per state, coherent with the share and with providersByClients", async () => {
    const rows = await coverage();
    const citiesPerState = countBy(seedData.cities, (c) => c.municipality.state);
    const served = expectedServed(() => true);
    expect(rows).toHaveLength(served.size);
    for (const row of rows) {
      expect(row.servedMunicipalities).toBe(served.get(`${row.provider.slug} ${row.state}`)!.size);
      expect(row.hubMunicipalities).toBe(citiesPerState.get(row.state));
      expect(row.servedMunicipalities).toBeLessThanOrEqual(row.hubMunicipalities);
      expect(row.coverageShare).toBeCloseTo(row.servedMunicipalities / row.hubMunicipalities, 4);
    }
    const old = (await stats()).providersByClients;
    expect(old.map((r: any) => [r.provider.slug, r.state, r.clients, r.municipalities, r.share])).toEqual(
      rows.map((r) => [r.provider.slug, r.state, r.servedMunicipalities, r.hubMunicipalities, r.coverageShare]),
    );
  });

  it("narrows by provider kind: the IT service centres only, without Stadtwerke and marketing companies", async () => {
    const all = await coverage();
    const rows = await coverage({ kinds: ["MUNICIPAL_IT_SERVICE_PROVIDER"] });
    expect(all.some((r) => r.provider.kind !== "MUNICIPAL_IT_SERVICE_PROVIDER")).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.provider.kind === "MUNICIPAL_IT_SERVICE_PROVIDER")).toBe(true);
    const slugs = rows.map((r) => r.provider.slug);
    for (const gone of ["stadtwerke-ratingen", "hertener-stadtwerke", "ratingen-marketing"]) {
      expect(all.map((r) => r.provider.slug)).toContain(gone);
      expect(slugs).not.toContain(gone);
    }
    expect(rows).toEqual(all.filter((r) => r.provider.kind === "MUNICIPAL_IT_SERVICE_PROVIDER"));
  });

  it("narrows by engagement role, and by kind and role together", async () => {
    const served = expectedServed((_provider, role) => role === "IT_OPERATIONS");
    const rows = await coverage({ roles: ["IT_OPERATIONS"] });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan((await coverage()).length);
    expect(new Map(rows.map((r) => [`${r.provider.slug} ${r.state}`, r.servedMunicipalities]))).toEqual(
      new Map([...served].map(([key, cities]) => [key, cities.size])),
    );
    const both = await coverage({ kinds: ["MUNICIPAL_COMPANY"], roles: ["IT_OPERATIONS"] });
    const expected = expectedServed((p, role) => role === "IT_OPERATIONS" && kindOf.get(p) === "MUNICIPAL_COMPANY");
    expect(both.map((r) => `${r.provider.slug} ${r.state}`).sort()).toEqual([...expected.keys()].sort());
    // The old field takes the same filters.
    const old = await hub.query(`{ stats { providersByClients(roles: [IT_OPERATIONS]) { provider { slug } state } } }`);
    expect(old.data!.stats.providersByClients.map((r: any) => `${r.provider.slug} ${r.state}`)).toEqual(
      rows.map((r) => `${r.provider.slug} ${r.state}`),
    );
  });

  it("weights by population only where every municipality of the denominator has one", async () => {
    const em = hub.db.orm.em.fork();
    await em.getConnection().execute(`update municipality set population = null where slug = 'herten'`);
    await em.getConnection().execute(`update municipality set population = 90000 where slug = 'ratingen'`);
    const nw = (await coverage({ filter: { states: ["NW"] } })).filter((r) => r.state === "NW");
    expect(nw.length).toBeGreaterThan(0);
    for (const row of nw) {
      expect(row).toMatchObject({ servedPopulation: null, hubPopulation: null, populationCoverageShare: null });
      expect(row.populationCoverageNote).toBe(
        "1 of the 2 municipalities in the denominator have no population in the hub.",
      );
    }
    await em.getConnection().execute(`update municipality set population = 60000 where slug = 'herten'`);
    const weighted = await coverage({ filter: { states: ["NW"] } });
    const krzn = weighted.find((r) => r.provider.slug === "krzn")!;
    // KRZN serves Herten only (see the seed), 60,000 of the 150,000 people of the hub's NW municipalities.
    expect(krzn).toMatchObject({
      servedMunicipalities: 1,
      hubMunicipalities: 2,
      coverageShare: 0.5,
      servedPopulation: 60000,
      hubPopulation: 150000,
      populationCoverageShare: 0.4,
      populationCoverageNote: null,
    });
  });

  it("refuses bad filter values with BAD_USER_INPUT", async () => {
    for (const variables of [
      { kinds: ["STADTWERKE"] },
      { roles: ["HOSTING"] },
      { kinds: "MUNICIPAL_IT_SERVICE_PROVIDER!" },
    ]) {
      const res = await hub.query(COVERAGE, variables);
      expect(res.errors?.[0].extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(res.data?.stats ?? null).toBeNull();
    }
    const tooMany = await hub.query(COVERAGE, { roles: Array(101).fill("OTHER") });
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0].message).toMatch(/roles/);
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
