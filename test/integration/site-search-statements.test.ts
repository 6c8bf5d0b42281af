/**
 * The search page costs a bounded number of SQL statements, however many records
 * match: its one GraphQL document loads the hits per type, their municipalities and
 * the facets' labels in batches (test/integration/site-statements.test.ts does the
 * same for the other pages). Thirty more matching projects, with topics and
 * providers of their own, add no statement to the page.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const PAGES = [
  "/suche?q=Zählprojekt",
  "/suche?q=Zählprojekt&land=NW&typ=PROJECT",
  "/suche?kommune=ratingen",
  "/suche?q=Kita",
];

let hub: TestHub;

async function statements(path: string): Promise<number> {
  hub.db.resetQueryCount();
  const response = await fetch(hub.origin + encodeURI(path));
  expect(response.status, path).toBe(200);
  expect(await response.text(), path).toContain("Treffer");
  return hub.db.queries.length;
}

async function statementsPerPage(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const path of PAGES) counts[path] = await statements(path);
  return counts;
}

/** Adds `count` published projects in two cities, each with two topics and a provider, all matching "Zählprojekt". */
async function addProjects(from: number, count: number): Promise<void> {
  const em = hub.db.orm.em.fork();
  const cities = await em.find(Municipality, { slug: { $in: ["ratingen", "herten"] } });
  const topics = await em.find(Topic, {}, { limit: 4, orderBy: { key: "asc" } });
  const providers = await em.find(Provider, {}, { limit: 3, orderBy: { slug: "asc" } });
  for (let i = from; i < from + count; i++) {
    const project = new Project(
      `zaehlprojekt-${i}`,
      `Zählprojekt ${i}`,
      "Ein Zählprojekt für die Statements.",
      ref(cities[i % cities.length]),
      ProjectStatus.PLANNED,
    );
    project.publicationState = PublicationState.PUBLISHED;
    project.topics.set([topics[i % topics.length], topics[(i + 1) % topics.length]]);
    project.providers.set([providers[i % providers.length]]);
    em.persist(project);
  }
  await em.flush();
}

beforeAll(async () => {
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
});
afterAll(() => hub?.close());

describe("statements per search page", () => {
  it("do not grow with the number of matches", async () => {
    await addProjects(0, 4);
    const before = await statementsPerPage();
    await addProjects(4, 30);
    const after = await statementsPerPage();
    expect(after).toEqual(before);
    for (const [path, count] of Object.entries(after)) expect(count, path).toBeLessThanOrEqual(12);
  });
});
