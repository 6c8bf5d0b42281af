import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FieldOfAction } from "../../schema/field-of-action/field-of-action.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";

const NESTED = /* GraphQL */ `
  {
    municipalities(first: 100) {
      totalCount
      nodes {
        slug
        strategies { title fieldsOfAction { title topics { key } } }
        projects(first: 100) { totalCount nodes { slug providers { slug } topics { key } } }
      }
    }
  }
`;

let hub: TestHub;

async function countStatements(
  query: string,
): Promise<{ statements: number; municipalities: number; fields: number; projects: number }> {
  hub.db.resetQueryCount();
  const res = await hub.query(query);
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.municipalities.nodes as any[];
  return {
    statements: hub.db.queries.length,
    municipalities: nodes.length,
    fields: nodes.flatMap((m) => m.strategies.flatMap((s: any) => s.fieldsOfAction)).length,
    projects: nodes.flatMap((m) => m.projects.nodes).length,
  };
}

/** Adds `count` synthetic municipalities, each with two strategies of five fields and eight projects. */
async function addSyntheticRows(count: number): Promise<void> {
  const em = hub.db.orm.em.fork();
  const topics = await em.find(Topic, {}, { limit: 6 });
  const providers = await em.find(Provider, {}, { limit: 3 });
  for (let i = 0; i < count; i++) {
    const municipality = new Municipality(
      `synthetic-${i}`,
      `Synthetische Stadt ${i}`,
      `0999${String(i).padStart(4, "0")}`,
      State.NW,
    );
    em.persist(municipality);
    for (let s = 0; s < 2; s++) {
      const strategy = new Strategy(
        `synthetic-${i}-strategy-${s}`,
        `Strategie ${s}`,
        ref(municipality),
        StrategyStatus.ADOPTED,
        "Synthetisch.",
      );
      strategy.publicationState = PublicationState.PUBLISHED;
      em.persist(strategy);
      for (let f = 1; f <= 5; f++) {
        const field = new FieldOfAction(ref(strategy), f, `Handlungsfeld ${f}`);
        field.publicationState = PublicationState.PUBLISHED;
        field.topics.set([topics[f % topics.length], topics[(f + 1) % topics.length]]);
        em.persist(field);
      }
    }
    for (let p = 0; p < 8; p++) {
      const project = new Project(
        `synthetic-${i}-project-${p}`,
        `Projekt ${p}`,
        "Synthetisch.",
        ref(municipality),
        ProjectStatus.PLANNED,
      );
      project.publicationState = PublicationState.PUBLISHED;
      project.providers.set([providers[p % providers.length]]);
      project.topics.set([topics[p % topics.length]]);
      em.persist(project);
    }
  }
  await em.flush();
}

beforeAll(async () => {
  // The nested query pages 100 municipalities by 100 projects on purpose, far beyond what the public endpoint allows (MAX_QUERY_COST).
  hub = await startTestHub({ MAX_QUERY_COST: "10000000" });
});
afterAll(() => hub?.close());

describe("N+1 is designed out", () => {
  it("a nested query costs the same number of statements however many rows it touches", async () => {
    const before = await countStatements(NESTED);
    expect(before.municipalities).toBe(4);

    await addSyntheticRows(40);
    const after = await countStatements(NESTED);
    expect(after.municipalities).toBe(44);
    expect(after.fields).toBe(before.fields + 40 * 2 * 5);
    expect(after.projects).toBe(before.projects + 40 * 8);

    expect(after.statements).toBe(before.statements);
    // One statement per level and relation, not per row.
    expect(after.statements).toBeLessThanOrEqual(12);
  });

  it("counts a municipality's projects only when the query asks for their totalCount", async () => {
    const withCount = await countStatements(NESTED);
    const withoutCount = await countStatements(
      NESTED.replace("projects(first: 100) { totalCount nodes", "projects(first: 100) { nodes"),
    );
    expect(withoutCount.projects).toBe(withCount.projects);
    expect(withoutCount.statements).toBe(withCount.statements - 1);
    // Asked through a fragment, the count is still there.
    const res = await hub.query(
      `{ municipalities(first: 1) { nodes { projects(first: 1) { ...Counted } } } } fragment Counted on ProjectConnection { totalCount }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipalities.nodes[0].projects.totalCount).toBeGreaterThan(1);
  });

  it("counts a root list only when the query asks for its totalCount, once however often asked", async () => {
    hub.db.resetQueryCount();
    const plain = await hub.query("{ topics(first: 100) { nodes { key } } }");
    const plainStatements = hub.db.queries.length;
    hub.db.resetQueryCount();
    const counted = await hub.query(
      "{ topics(first: 100) { nodes { key } totalCount ...Again } } fragment Again on TopicConnection { n: totalCount }",
    );
    expect(hub.db.queries.length).toBe(plainStatements + 1);
    expect(counted.data!.topics.totalCount).toBe(plain.data!.topics.nodes.length);
    expect(counted.data!.topics.n).toBe(counted.data!.topics.totalCount);
  });

  it("a page of projects without totalCount issues no count, and its count joins nothing the filter does not need", async () => {
    hub.db.resetQueryCount();
    const plain = await hub.query("{ projects(first: 5) { nodes { slug } pageInfo { hasNextPage } } }");
    expect(plain.errors).toBeUndefined();
    expect(hub.db.queries.filter((sql) => /count\(/i.test(sql))).toEqual([]);

    hub.db.resetQueryCount();
    const counted = await hub.query("{ projects(first: 0, filter: { statuses: [IN_PROGRESS] }) { totalCount } }");
    expect(counted.errors).toBeUndefined();
    const counts = hub.db.queries.filter((sql) => /count\(/i.test(sql));
    expect(counts).toHaveLength(1);
    // The joins that null hidden references (strategy, field of action) filter no row of a count.
    expect(counts[0]).not.toMatch(/join/i);
    expect(counted.data!.projects.totalCount).toBeGreaterThan(0);
  });

  it("a page of projects with their suggestions and the suggested projects' cities costs the same statements however many rows, stored lists or not", async () => {
    const SIMILAR = `{ projects(first: 100) { nodes { slug similar(first: 5) { score reasons project { slug title municipality { slug name } } } } } }`;
    /** The statements of the page with every list computed (none stored), and then with every list stored. */
    const measure = async () => {
      await hub.db.orm.em.fork().getConnection().execute("delete from similarity_list");
      const counts: number[] = [];
      let suggested: { project: { slug: string; municipality: { slug: string } } }[] = [];
      for (let round = 0; round < 2; round++) {
        hub.db.resetQueryCount();
        const res = await hub.query(SIMILAR);
        expect(res.errors).toBeUndefined();
        counts.push(hub.db.queries.length);
        suggested = (res.data!.projects.nodes as { similar: typeof suggested }[]).flatMap((node) => node.similar);
      }
      return { computed: counts[0], stored: counts[1], suggested };
    };
    const before = await measure();
    await addSyntheticCities(hub.db.orm, 30, "n-plus-one-similar", 100);
    const after = await measure();
    // More projects, more suggestions, more cities named: not one statement more.
    expect(after.suggested.length).toBeGreaterThan(before.suggested.length);
    expect(new Set(after.suggested.map((s) => s.project.municipality.slug)).size).toBeGreaterThan(4);
    expect(after).toMatchObject({ computed: before.computed, stored: before.stored });
    // Stored: the page, the lists, the suggested projects and their cities.
    expect(after.stored).toBe(4);
    expect(after.computed).toBeLessThanOrEqual(after.stored + 8);
  });
});
