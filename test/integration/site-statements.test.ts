/**
 * The website's pages cost a bounded number of SQL statements, however much data a
 * record has: each page runs one GraphQL document (two for a topic), whose DataLoaders
 * batch by relation, not by row. Adding projects, lessons and engagements to a city
 * does not add statements to its page, nor to the lists and topic pages.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngagementRole } from "../../schema/engagement/engagement-role.enum.js";
import { Engagement } from "../../schema/engagement/engagement.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Source } from "../../schema/source/source.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const PAGES = ["/", "/kommunen", "/kommunen/ratingen", "/projekte/ratingen-ozg-online-services", "/anbieter", "/anbieter/krzn", "/themen", "/themen/online-services"];

let hub: TestHub;

async function statements(path: string): Promise<number> {
  hub.db.resetQueryCount();
  const response = await fetch(hub.origin + path);
  expect(response.status, path).toBe(200);
  await response.text();
  return hub.db.queries.length;
}

async function statementsPerPage(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const path of PAGES) counts[path] = await statements(path);
  return counts;
}

/** Gives Ratingen `count` more published projects, each with two topics, a provider and a source, and `count` new providers engaged by it. */
async function growRatingen(count: number): Promise<void> {
  const em = hub.db.orm.em.fork();
  const ratingen = await em.findOneOrFail(Municipality, { slug: "ratingen" });
  const topics = await em.find(Topic, {}, { limit: 4, orderBy: { key: "asc" } });
  const online = await em.findOneOrFail(Topic, { key: "online-services" });
  const providers = await em.find(Provider, {}, { limit: 3, orderBy: { slug: "asc" } });
  for (let i = 0; i < count; i++) {
    const project = new Project(`ratingen-extra-${i}`, `Zusatzprojekt ${i}`, "Für die Zählung.", ref(ratingen), ProjectStatus.PLANNED);
    project.publicationState = PublicationState.PUBLISHED;
    project.topics.set([topics[i % topics.length], online]);
    project.providers.set([providers[i % providers.length]]);
    const source = new Source(`ratingen-extra-source-${i}`, `Quelle ${i}`);
    source.publicationState = PublicationState.PUBLISHED;
    project.sources.set([source]);
    const provider = new Provider(`extra-provider-${i}`, `Zusatzanbieter ${i}`, ProviderKind.OTHER, "Für die Zählung.");
    const engagement = new Engagement(ref(ratingen), ref(provider), EngagementRole.OTHER, `Auftrag ${i}`);
    engagement.publicationState = PublicationState.PUBLISHED;
    em.persist([source, project, provider, engagement]);
  }
  await em.flush();
}

beforeAll(async () => {
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
});
afterAll(() => hub?.close());

describe("statements per page", () => {
  it("do not grow with the data", async () => {
    const before = await statementsPerPage();
    await growRatingen(30);
    const after = await statementsPerPage();
    expect(after).toEqual(before);
    for (const [path, count] of Object.entries(after)) expect(count, path).toBeLessThanOrEqual(40);
  });
});
