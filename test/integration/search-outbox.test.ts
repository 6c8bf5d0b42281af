/**
 * The transactional outbox of the Meilisearch engine while Meilisearch is down (MEILI_HOST
 * points at a closed port on this machine): the hub starts, writes succeed and queue their
 * changes in the same transaction, failed pushes are kept and retried later, searches are
 * answered by PostgreSQL. That the index converges once Meilisearch answers is part of
 * the shared contract, run whenever MEILI_HOST names a real Meilisearch.
 */
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { VISIBILITY_FILTER } from "../../schema/publishing/visibility.js";
import { loadConfig } from "../../server/config.js";
import { createLogger } from "../../server/logger.js";
import { createSearchEngine, outboxIsOn, type SearchRuntime, setOutbox } from "../../server/search/search-runtime.js";
import { startTestHub, type TestHub } from "../support/hub.js";

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let hub: TestHub;
let meiliHost: string;

const sql = <T>(query: string) => hub.db.orm.em.getConnection().execute<T[]>(query, [], "all");
const pending = async () => (await sql<{ n: number }>("select count(*)::int as n from search_outbox"))[0].n;

beforeAll(async () => {
  meiliHost = `http://127.0.0.1:${await closedPort()}`;
  hub = await startTestHub({ MEILI_HOST: meiliHost, MEILI_API_KEY: "test-key" });
});
afterAll(() => hub?.close());

describe("search with Meilisearch down", () => {
  it("starts, queues every document once, and reports the engine down with what is pending", async () => {
    const documents = (await sql<{ n: number }>("select count(*)::int as n from search_document"))[0].n;
    expect(await pending()).toBeGreaterThanOrEqual(documents);
    const health = (await (await fetch(`${hub.origin}/healthz`)).json()) as any;
    expect(health.status).toBe("ok");
    expect(health.search).toMatchObject({
      status: "down",
      engine: "meilisearch",
      pending: await pending(),
      pendingIsExact: true,
      lagSeconds: expect.any(Number),
    });
  });

  it("answers searches from PostgreSQL meanwhile", async () => {
    const res = await hub.query(`{ search(query: "Kita") { totalCount hits { node { ... on Project { slug } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.hits.map((hit: any) => hit.node.slug)).toContain("herten-kita-online");
  });

  it("commits a write and its outbox row together; a rolled-back write leaves none", async () => {
    const before = await pending();
    const em = hub.db.orm.em.fork();
    em.setFilterParams(VISIBILITY_FILTER, { scope: "all" });
    await em.transactional(async (tx) => {
      (await tx.findOneOrFail(Project, { slug: "herten-kita-online" })).publicationState = PublicationState.DRAFT;
    });
    // The project and its lesson (whose visibility follows the project).
    const after = await pending();
    expect(after).toBeGreaterThan(before);
    await expect(
      em.fork().transactional(async (tx) => {
        (await tx.findOneOrFail(Project, { slug: "kelsterbach-e-akte" })).title = "Nie gespeichert";
        await tx.flush();
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await pending()).toBe(after);
  });

  it("queues nothing for a write that changes nothing searchable", async () => {
    const before = await pending();
    const [{ xmin }] = await sql<{ xmin: string }>(
      "select xmin::text from search_document where type = 'Project' order by entity_id limit 1",
    );
    await sql("update project set updated_at = now()");
    expect(await pending()).toBe(before);
    // Not even rewritten: the document row is the same version.
    expect(
      (
        await sql<{ xmin: string }>(
          "select xmin::text from search_document where type = 'Project' order by entity_id limit 1",
        )
      )[0].xmin,
    ).toBe(xmin);
  });

  it("keeps what it could not push, with a growing delay before the next attempt", async () => {
    const config = loadConfig({ MEILI_HOST: meiliHost, SEED_ON_START: "false" }, false);
    let runtime: SearchRuntime | undefined;
    try {
      runtime = await createSearchEngine({
        config,
        logger: createLogger({ logLevel: "silent", logFormat: "json" }),
        orm: hub.db.orm,
      });
      await runtime.worker!.stop();
      // The settings come first; while Meilisearch is away they fail and nothing is touched.
      await expect(runtime.worker!.drainOnce()).rejects.toThrow();
      const before = await pending();
      expect(before).toBeGreaterThan(0);
      expect(
        (await sql<{ attempts: number }>("select max(attempts)::int as attempts from search_outbox"))[0].attempts,
      ).toBe(0);
      // Past the settings, the batch itself fails: its rows stay, marked for a later attempt.
      (runtime.worker as unknown as { settingsApplied: boolean }).settingsApplied = true;
      await expect(runtime.worker!.drainOnce()).rejects.toThrow();
      expect(await pending()).toBe(before);
      const [failed] = await sql<{ n: number; error: string; delayed: boolean }>(
        "select count(*)::int as n, max(last_error) as error, bool_and(next_attempt_at > now()) as delayed from search_outbox where attempts = 1",
      );
      expect(failed.n).toBe(Math.min(before, 500));
      expect(failed.error).toBeTruthy();
      expect(failed.delayed).toBe(true);
      // Nothing is due until the delay has passed.
      expect(await runtime.worker!.drainOnce()).toBe(0);
    } finally {
      await runtime?.stop();
    }
  });
});

describe("the outbox switch", () => {
  const logger = createLogger({ logLevel: "silent", logFormat: "json" });

  it("a hub started without MEILI_HOST on the same database leaves the outbox on", async () => {
    expect(await outboxIsOn(hub.db.orm)).toBe(true);
    const runtime = await createSearchEngine({
      config: loadConfig({ SEED_ON_START: "false" }, false),
      logger,
      orm: hub.db.orm,
    });
    await runtime.stop();
    expect(runtime.engine.name).toBe("postgres");
    expect(await outboxIsOn(hub.db.orm)).toBe(true);
  });

  it("takes no lock when the setting does not change, so a long write transaction does not hold it up", async () => {
    const writer = new pg.Client({ connectionString: hub.db.url });
    await writer.connect();
    try {
      // A transaction that has read search_state (as every writer's trigger does) holds a lock the exclusive one waits for.
      await writer.query("begin");
      await writer.query("select value from search_state");
      expect(await setOutbox(hub.db.orm, true)).toBe(false);
      expect(await outboxIsOn(hub.db.orm)).toBe(true);
    } finally {
      await writer.query("rollback");
      await writer.end();
    }
  });

  it("turning it off and on again is explicit, and on queues every document", async () => {
    expect(await setOutbox(hub.db.orm, false)).toBe(true);
    expect(await outboxIsOn(hub.db.orm)).toBe(false);
    await sql("delete from search_outbox");
    expect(await setOutbox(hub.db.orm, true)).toBe(true);
    const documents = (await sql<{ n: number }>("select count(*)::int as n from search_document"))[0].n;
    expect(await pending()).toBe(documents);
  });
});
