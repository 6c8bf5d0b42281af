/**
 * Paging through every hit of a broad query, 20 at a time, shows each hit once: the
 * PostgreSQL engine ranks the same candidates whatever the page, and the other matches
 * after them. Matches with weaker scores come first in the table, so that a candidate set
 * that grew with the page would reorder earlier pages.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { VISIBILITY_FILTER } from "../../schema/publishing/visibility.js";
import { PostgresSearchEngine } from "../../server/search/postgres-engine.js";
import { SearchConnections } from "../../server/search/search-connections.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
/** Matches in bodies (weak), then in summaries (stronger): 300 in all. */
const WEAK = 150;
const STRONG = 150;

beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  em.setFilterParams(VISIBILITY_FILTER, { scope: "all" });
  const town = new Municipality("tiefstadt", "Tiefstadt", "09999002", State.BY);
  em.persist(town);
  for (let i = 0; i < WEAK; i++) {
    const project = new Project(
      `tiefstadt-weak-${i}`,
      `Vorhaben ${i}`,
      "Ein Vorhaben der Stadt.",
      ref(town),
      ProjectStatus.PLANNED,
    );
    project.note = "Später auch zur Tiefseeforschung.";
    project.publicationState = PublicationState.PUBLISHED;
    em.persist(project);
  }
  await em.flush();
  for (let i = 0; i < STRONG; i++) {
    const project = new Project(
      `tiefstadt-strong-${i}`,
      `Anlage ${i}`,
      "Tiefseeforschung für die Stadt.",
      ref(town),
      ProjectStatus.PLANNED,
    );
    project.publicationState = PublicationState.PUBLISHED;
    em.persist(project);
  }
  await em.flush();
});
afterAll(() => db?.close());

describe.each([
  ["normal plan", false],
  ["broad-query plan", true],
])("deep pages (%s)", (_, broad) => {
  it("paging 20 at a time to the end shows every hit once, in one order", async () => {
    const engine = new PostgresSearchEngine(db.orm, broad ? { broad: true } : {});
    onTestFinished(() => engine.close());
    const seen: string[] = [];
    let totalCount = 0;
    for (let offset = 0; ; offset += 20) {
      const page = await engine.search({ query: "Tiefseeforschung", filter: {}, offset, limit: 20, facets: false });
      totalCount = page.totalCount;
      seen.push(...page.hits.map((hit) => `${hit.type}:${hit.entityId}`));
      if (offset + 20 >= page.totalCount) break;
    }
    expect(totalCount).toBe(WEAK + STRONG);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(WEAK + STRONG);
    // Within a page, hits come best first.
    const first = await engine.search({ query: "Tiefseeforschung", filter: {}, offset: 0, limit: 20, facets: false });
    const scores = first.hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

it("scans start at the table's first row, not where a concurrent scan is", async () => {
  // With synchronize_seqscans on, a scan of a table larger than a quarter of shared_buffers joins a running one, so the
  // first matches it finds (the candidates a broad query ranks) would differ from page to page.
  const connections = new SearchConnections(db.orm);
  onTestFinished(() => connections.close());
  for (const indexed of [false, true]) {
    const [row] = await connections.query<{ synchronize_seqscans: string }>(
      { sql: "show synchronize_seqscans", params: [] },
      { indexed },
    );
    expect(row.synchronize_seqscans).toBe("off");
  }
});
