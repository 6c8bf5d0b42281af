/**
 * The change page, its Atom feed and the pages about the hub cost a bounded number
 * of SQL statements, however many changes there are: `changes` reads one page of
 * revisions (two statements, three with a filter), and the records behind them
 * load through DataLoaders by type, not by row.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { Project } from "../../schema/project/project.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { ChangeKind } from "../../schema/publishing/change-kind.enum.js";
import { RevisionAction } from "../../schema/publishing/revision-action.enum.js";
import { Revision } from "../../schema/publishing/revision.entity.js";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;
/** A topic two or more of Ratingen's published projects have, for the filtered pages. */
let topic: string;
const pages = () => [
  "/",
  "/aenderungen",
  "/aenderungen?kommune=ratingen",
  `/aenderungen?thema=${topic}`,
  "/aenderungen.atom",
  `/aenderungen.atom?kommune=ratingen&thema=${topic}`,
  "/api",
  "/impressum",
  "/barrierefreiheit",
];

async function statementsPerPage(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const path of pages()) {
    hub.db.resetQueryCount();
    const response = await fetch(hub.origin + path);
    expect(response.status, path).toBe(200);
    await response.text();
    counts[path.replace(topic, "TOPIC")] = hub.db.queries.length;
  }
  return counts;
}

type Written = { type: string; id: number; city: number | null };

/** Writes "became public" revisions in this order, as the write path would. */
async function publishChanges(records: Written[]): Promise<void> {
  const em = hub.db.orm.em.fork();
  for (const { type, id, city } of records) {
    const written = new Revision(type, id, RevisionAction.PUBLISHED, "Zählung", []);
    written.municipality = city === null ? null : ref(Municipality, city);
    written.publicChange = ChangeKind.CREATED;
    em.persist(written);
  }
  await em.flush();
}

describe("statements per change page", () => {
  it("do not grow with the number of changes", async () => {
    const em = hub.db.orm.em.fork();
    const projects = await em.find(Project, {}, { orderBy: { id: "asc" }, populate: ["topics", "municipality"] });
    const ratingen = projects.filter((project) => project.municipality.getEntity().slug === "ratingen");
    const perTopic = new Map<string, Project[]>();
    for (const project of ratingen)
      for (const tag of project.topics) perTopic.set(tag.key, [...(perTopic.get(tag.key) ?? []), project]);
    const [key, tagged] = [...perTopic].sort((a, b) => b[1].length - a[1].length)[0];
    expect(tagged.length).toBeGreaterThanOrEqual(2);
    topic = key;
    const providers = await em.find(Provider, {}, { orderBy: { id: "asc" } });
    const city = ratingen[0].municipality.id;
    const project = (record: Project): Written => ({ type: "Project", id: record.id, city: record.municipality.id });
    const provider = (record: Provider): Written => ({ type: "Provider", id: record.id, city: null });
    // Every page shows the same kinds of records before and after: only the number of changes grows.
    const trio = (index: number): Written[] => [
      project(tagged[index]),
      provider(providers[index]),
      { type: "Municipality", id: city, city },
    ];
    // A project of another city too: its city is a record of its own to load, which Ratingen's (a change itself) is not.
    const elsewhere = projects.filter((record) => record.municipality.id !== city);
    await publishChanges([project(elsewhere[0]), ...trio(0)]);
    const before = await statementsPerPage();
    const others = projects
      .filter((record) => !tagged.includes(record) && !elsewhere.slice(0, 2).includes(record))
      .slice(0, 30);
    expect(others.length).toBe(30);
    await publishChanges([
      ...others.map(project),
      ...providers.slice(2, 32).map(provider),
      project(elsewhere[1]),
      ...trio(1),
    ]);
    const after = await statementsPerPage();
    expect(after).toEqual(before);
    for (const [path, count] of Object.entries(after)) expect(count, path).toBeLessThanOrEqual(25);
  });
});

beforeAll(async () => {
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
});
afterAll(() => hub?.close());
