/**
 * The hub serves without AsyncLocalStorage. In Node 20 its first use turns on promise hooks for the whole process,
 * and from then on every promise costs more (about 15 % of the CPU of the nested read of issue 18). So a request's
 * scope, its operation's database connections and its transactions are passed explicitly
 * (server/request-scope.ts, server/database/request-connections.ts, schema/common/transaction.ts), and no path
 * of a request may enter an AsyncLocalStorage: reads, searches, writes, dry runs, pages, embeds and exports.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const NESTED = `{ municipalities(first: 10) { nodes { slug strategies { slug fieldsOfAction { title topics { key } } }
  projects(first: 20) { totalCount nodes { slug providers { slug } topics { key } } } } } }`;
const SEARCH = `{ search(query: "Digitalisierung", first: 5) { totalCount hits { score municipality { slug } } } }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { version } }`;
const SEEDED = "ratingen-amt-digitalisierung-it";
const project = (slug: string) => ({
  input: { municipality: "herten", slug, title: "Digitale Bauakte", summary: "Bauanträge digital.", status: "PLANNED" },
});

describe("serving without AsyncLocalStorage", () => {
  const run = vi.spyOn(AsyncLocalStorage.prototype, "run");
  const enterWith = vi.spyOn(AsyncLocalStorage.prototype, "enterWith");
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    run.mockClear();
    enterWith.mockClear();
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(async () => {
    run.mockRestore();
    enterWith.mockRestore();
    await hub?.close();
  });

  it("enters none while it starts, reads, searches, writes, dry-runs, renders pages and exports", async () => {
    const reads = await Promise.all([gql(hub, NESTED), gql(hub, SEARCH), gql(hub, NESTED)]);
    for (const answer of reads) expect(answer.errors).toBeUndefined();
    const herten = tokens.editors.herten;
    const dry = await gql(hub, CREATE.replace(/^mutation(\([^)]*\))/, "$& @dryRun"), project("herten-trocken"), herten);
    expect(dry.errors).toBeUndefined();
    const created = await gql<{ createProject: { id: string; version: number } }>(
      hub,
      CREATE,
      project("herten-ohne-kontext"),
      herten,
    );
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data!.createProject;
    const updated = await gql(hub, UPDATE, { id, version, input: { title: "Digitale Bauakte, zweiter Teil" } }, herten);
    expect(updated.errors).toBeUndefined();
    for (const path of [
      "/",
      `/projekte/${SEEDED}`,
      "/suche?q=Akte",
      `/embed/projects/${SEEDED}`,
      "/export/projects.csv",
    ]) {
      const page = await fetch(`${hub.origin}${path}`, { headers: { accept: "text/html" } });
      expect(page.status, path).toBe(200);
      await page.arrayBuffer();
    }
    expect(run).not.toHaveBeenCalled();
    expect(enterWith).not.toHaveBeenCalled();
  });

  it("would see one: MikroORM's own em.transactional enters its AsyncLocalStorage", async () => {
    // The control that the spies observe the ORM's storage (the reason the hub has its own `transactional`).
    await hub.db.orm.em.fork().transactional(async () => undefined);
    expect(run).toHaveBeenCalled();
  });
});
