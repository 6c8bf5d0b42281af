/**
 * `Topic.municipalities` and `Provider.clients` against the seeded database: the
 * counts and clients the seed data implies, in a number of SQL statements that
 * does not grow with the data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedData } from "../../seeds/data/index.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ MAX_QUERY_COST: "10000000" });
});
afterAll(() => hub?.close());

const QUERY = /* GraphQL */ `
  {
    topics(first: 100) {
      nodes {
        key
        municipalities {
          municipality {
            slug
          }
          fieldsOfAction
          projects
        }
      }
    }
    providers(first: 100) {
      nodes {
        slug
        clients {
          municipality {
            slug
          }
          roles
          since
        }
        products {
          slug
        }
      }
    }
  }
`;

async function read() {
  const res = await hub.query(QUERY);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

describe("Topic.municipalities and Provider.clients", () => {
  it("count each city's fields of action and projects per topic, as the seed data has them", async () => {
    const { topics } = await read();
    for (const topic of topics.nodes) {
      const expected = seedData.cities
        .map((c) => ({
          slug: c.municipality.slug,
          name: c.municipality.name,
          fieldsOfAction: c.strategies.flatMap((s) => s.fieldsOfAction).filter((f) => f.topics.includes(topic.key))
            .length,
          projects: c.projects.filter((p) => p.topics.includes(topic.key)).length,
        }))
        .filter((c) => c.fieldsOfAction + c.projects > 0)
        .sort((a, b) => a.name.localeCompare(b.name, "de"));
      expect(topic.municipalities, topic.key).toEqual(
        expected.map(({ slug, fieldsOfAction, projects }) => ({ municipality: { slug }, fieldsOfAction, projects })),
      );
    }
  });

  it("list each provider's client cities with all roles, as the seed engagements have them", async () => {
    const { providers } = await read();
    for (const provider of providers.nodes) {
      const clients = new Map<string, Set<string>>();
      for (const c of seedData.cities)
        for (const e of c.engagements.filter((e) => e.provider === provider.slug)) {
          clients.set(c.municipality.slug, (clients.get(c.municipality.slug) ?? new Set()).add(e.role));
        }
      expect(
        Object.fromEntries(provider.clients.map((c: any) => [c.municipality.slug, c.roles])),
        provider.slug,
      ).toEqual(Object.fromEntries([...clients].map(([slug, roles]) => [slug, [...roles].sort()])));
      expect(provider.products.map((p: any) => p.slug).sort()).toEqual(
        seedData.products
          .filter((p) => p.vendor === provider.slug)
          .map((p) => p.slug)
          .sort(),
      );
    }
    const hertenerStadtwerke = providers.nodes.find((p: any) => p.slug === "hertener-stadtwerke");
    expect(hertenerStadtwerke.clients).toEqual([
      { municipality: { slug: "herten" }, roles: ["PARTNER", "SOFTWARE_HOSTING"], since: "2018" },
    ]);
  });

  it("cost the same number of statements with 40 more cities", async () => {
    hub.db.resetQueryCount();
    await read();
    const before = hub.db.queries.length;
    await addSyntheticCities(hub.db.orm, 40, "counts-synth");
    hub.db.resetQueryCount();
    const { providers } = await read();
    expect(providers.nodes.reduce((n: number, p: any) => n + p.clients.length, 0)).toBeGreaterThan(40);
    // The client and topic lists are cut in SQL now, so they may name municipalities the other list
    // did not; whether those load in one batch or two depends on which list's statement returns
    // first. One more batch at most, never one per city, with 40 or 80 more cities.
    expect(hub.db.queries.length).toBeLessThanOrEqual(before + 1);
    await addSyntheticCities(hub.db.orm, 40, "counts-synth-more", 40);
    hub.db.resetQueryCount();
    await read();
    expect(hub.db.queries.length).toBeLessThanOrEqual(before + 1);
  });

  it("list every client without `first`, not the first 10", async () => {
    // The synthetic cities above share four providers: each has 20 synthetic clients or more.
    const { providers } = await read();
    const withMany = providers.nodes.filter(
      (p: any) => p.clients.filter((c: any) => c.municipality.slug.startsWith("counts-synth")).length >= 20,
    );
    expect(withMany.length).toBeGreaterThan(0);
    const res = await hub.query(
      `{ providers(first: 100) { nodes { slug clients { municipality { slug } } engagements { id } } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    for (const provider of res.data!.providers.nodes.filter((p: any) => withMany.some((w: any) => w.slug === p.slug))) {
      expect(provider.clients.length).toBeGreaterThan(10);
      expect(provider.engagements.length).toBeGreaterThan(10);
    }
  });

  it("run one aggregate statement for aliases that ask for different lengths, each cut to its own `first`", async () => {
    const aliases = (field: string) =>
      [0, 1, 2, 3, 5, 8].map((n) => `a${n}: ${field}(first: ${n}) { municipality { slug } }`).join(" ");
    const query = `{ topics(first: 100) { nodes { key ${aliases("municipalities")} } } providers(first: 100) { nodes { slug ${aliases("clients")} } } }`;
    hub.db.resetQueryCount();
    const res = await hub.query(query);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const statements = (...parts: string[]) =>
      hub.db.queries.filter((q) => parts.every((part) => q.includes(part))).length;
    expect(statements("stats_project_topic_municipality", "field_of_action_topics")).toBe(1);
    expect(statements("row_number()", "from public_engagement e")).toBe(1);
    const { topics, providers } = await read();
    for (const node of res.data!.topics.nodes) {
      const full = topics.nodes
        .find((t: any) => t.key === node.key)
        .municipalities.map((m: any) => m.municipality.slug);
      for (const n of [0, 1, 2, 3, 5, 8])
        expect(node[`a${n}`].map((m: any) => m.municipality.slug)).toEqual(full.slice(0, n));
    }
    for (const node of res.data!.providers.nodes) {
      const full = providers.nodes.find((p: any) => p.slug === node.slug).clients.map((c: any) => c.municipality.slug);
      for (const n of [0, 1, 2, 3, 5, 8])
        expect(node[`a${n}`].map((c: any) => c.municipality.slug)).toEqual(full.slice(0, n));
    }
  });
});
