/**
 * What one operation may do to the database: hold at most two of the pool's
 * connections, have its statements stopped at its deadline (whatever the pool's own
 * statement timeout), and, for a write, be answered TIMEOUT only once the write was
 * rolled back, or with its success when it committed after the deadline. The stalls
 * are real: another session holds a lock the hub's statements need.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { Hub } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { gql } from "../support/client.js";
import type { TestHub } from "../support/hub.js";
import { startLoggedHub } from "../support/logged-hub.js";
import { createTestTokens } from "../support/mutations.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A session of its own on the hub's database, for holding locks. */
async function blocker(hub: TestHub): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: hub.db.url });
  await client.connect();
  return client;
}

/** The hub's backends waiting for a lock right now. */
async function waitingOnLocks(session: pg.Client): Promise<number> {
  // Inside a transaction PostgreSQL keeps showing the activity it first saw, unless told to look again.
  await session.query("select pg_stat_clear_snapshot()");
  const { rows } = await session.query(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'",
  );
  return rows[0].n;
}

/**
 * A second hub on the same database and pool, with the default execution timeout: what
 * the test reads to check the outcome must not itself race a deliberately short deadline.
 */
async function readerOn(hub: TestHub): Promise<TestHub> {
  const config = loadConfig(
    { PORT: "0", HOST: "127.0.0.1", SEED_ON_START: "false", NODE_ENV: "test", RATE_LIMIT_POINTS: "1000000" },
    false,
  );
  const reader = new Hub({ config, logger: createLogger({ logLevel: "silent", logFormat: "json" }), database: hub.db });
  const { url } = await reader.start();
  return { ...hub, url, origin: new URL(url).origin, hub: reader, close: () => reader.stop() };
}

/** Whether a promise has settled, for asserting that an operation is still pending. */
function track(promise: Promise<unknown>): { readonly settled: boolean } {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

/** Polls `check` until it holds; a generous guard, not a timing assertion. */
async function until(check: () => Promise<boolean>, guardMs = 10_000): Promise<void> {
  const end = Date.now() + guardMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("the condition did not hold in time");
    await sleep(25);
  }
}

describe("connections per operation", () => {
  let hub: TestHub;
  beforeAll(async () => {
    // Long enough that the blocked operation is still waiting while the test looks; the cost
    // limit (which refuses this many aggregates by itself) is lifted to test the connection limit alone.
    hub = await startLoggedHub({ EXECUTION_TIMEOUT_MS: "20000", MAX_QUERY_COST: "1000000" });
  });
  afterAll(() => hub?.close());

  it("one operation with many aliased aggregates holds at most two connections; a cheap query beside it is answered", async () => {
    const session = await blocker(hub);
    try {
      await session.query("begin");
      // stats reads its figures from the summary tables (kept by triggers) or, filtered, from the projects.
      await session.query(
        "lock table project, stats_project_topic_state, stats_project_state_status in access exclusive mode",
      );
      const aliases = Array.from(
        { length: 12 },
        (_, i) => `s${i}: stats { projectCount projectsByStatus { count } projectsByTopicAndState { count } }`,
      );
      const heavy = gql(hub, `{ ${aliases.join(" ")} }`);
      const heavyState = track(heavy);
      await until(async () => (await waitingOnLocks(session)) > 0);
      expect(await waitingOnLocks(session)).toBeLessThanOrEqual(2);
      expect(heavyState.settled).toBe(false);
      // Old behaviour: the pool's ten connections all waited for the lock, and this one waited with them.
      const cheap = await fetch(hub.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ municipality(slug: "herten") { name } }' }),
        signal: AbortSignal.timeout(8000),
      });
      expect(cheap.status).toBe(200);
      expect(((await cheap.json()) as { data: { municipality: { name: string } } }).data.municipality.name).toBe(
        "Herten",
      );
      // The cheap query's round trip gave the heavy one every chance to start more statements: still at most two.
      expect(heavyState.settled).toBe(false);
      expect(await waitingOnLocks(session)).toBeLessThanOrEqual(2);
      await session.query("rollback");
      const answer = await heavy;
      expect(answer.status).toBe(200);
      expect(answer.data!.s11.projectCount).toBeGreaterThan(0);
    } finally {
      await session.query("rollback").catch(() => undefined);
      await session.end();
    }
  });
});

describe("a query's statements at its deadline", () => {
  let hub: TestHub;
  beforeAll(async () => {
    // No statement timeout on the pool: what stops the statement is the deadline itself.
    hub = await startLoggedHub({ EXECUTION_TIMEOUT_MS: "300" }, { statementTimeoutMs: null });
    await hub.query('{ municipality(slug: "herten") { name } }');
  });
  afterAll(() => hub?.close());

  it("cancels the statement the operation left waiting, while the lock is still held", async () => {
    const session = await blocker(hub);
    try {
      await session.query("begin");
      await session.query("lock table project in access exclusive mode");
      const answer = await hub.query('{ project(slug: "herten-kita-online") { title } }');
      expect(answer.status).toBe(503);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["TIMEOUT"]);
      // Old behaviour: the statement waited for the lock as long as it was held.
      await until(async () => (await waitingOnLocks(session)) === 0);
    } finally {
      await session.query("rollback");
      await session.end();
    }
    // The pool still serves: asked through a hub on the same pool without the 300 ms deadline.
    const reader = await readerOn(hub);
    try {
      const again = await reader.query('{ project(slug: "herten-kita-online") { title } }');
      expect(again.status).toBe(200);
    } finally {
      await reader.close();
    }
  });
});

describe("a write at its deadline", () => {
  // Long enough that the margins below (fractions of T) dwarf how late a loaded machine is.
  const T = 4000;
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { version note } }`;
  const READ = `{ project(slug: "herten-kita-online") { id version note revisions { version } } }`;
  let hub: TestHub;
  let reader: TestHub;
  let editor: string;
  beforeAll(async () => {
    hub = await startLoggedHub({ EXECUTION_TIMEOUT_MS: String(T) }, { statementTimeoutMs: null });
    reader = await readerOn(hub);
    editor = (await createTestTokens(hub.db.orm)).editors.herten;
  });
  afterAll(async () => {
    await reader?.close();
    await hub?.close();
  });

  const read = async () =>
    (await gql(reader, READ, {}, editor)).data!.project as {
      id: string;
      version: number;
      note: string | null;
      revisions: unknown[];
    };

  /** Holds `lock` until the write is seen waiting on it and `ms` more have passed (or the write has settled). */
  async function stall(lock: pg.Client, write: { readonly settled: boolean }, ms: number): Promise<void> {
    await until(async () => write.settled || (await waitingOnLocks(lock)) > 0);
    await sleep(ms);
    await lock.query("rollback");
  }

  it("answers TIMEOUT only after the write was rolled back, and nothing is saved when the stall ends", async () => {
    const before = await read();
    const session = await blocker(hub);
    let answer;
    try {
      await session.query("begin");
      await session.query("lock table project in access exclusive mode");
      answer = await gql(
        hub,
        UPDATE,
        { id: before.id, version: before.version, input: { note: "nach dem Stillstand" } },
        editor,
      );
    } finally {
      // The stall ends the moment the client is told.
      await session.query("rollback");
      await session.end();
    }
    expect(answer.status).toBe(503);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["TIMEOUT"]);
    expect(answer.errors?.[0].message).toMatch(/rolled back: nothing was saved/);
    // Old behaviour: TIMEOUT at the deadline, then the write went through when the lock was released.
    await sleep(300);
    const after = await read();
    expect(after.note).toBe(before.note);
    expect(after.version).toBe(before.version);
    expect(after.revisions.length).toBe(before.revisions.length);
  });

  it("bounds the write as a whole: two stalls, each shorter than the deadline but together longer, roll it back", async () => {
    const before = await read();
    const projectLock = await blocker(hub);
    const revisionLock = await blocker(hub);
    try {
      await revisionLock.query("begin");
      await revisionLock.query("lock table revision in share mode");
      await projectLock.query("begin");
      await projectLock.query("lock table project in access exclusive mode");
      const pending = gql(
        hub,
        UPDATE,
        { id: before.id, version: before.version, input: { note: "zweimal aufgehalten" } },
        editor,
      );
      const write = track(pending);
      // After the first stall at most 0.4 T is left: the revision's statement is stopped before the second ends.
      await stall(projectLock, write, 0.6 * T);
      await stall(revisionLock, write, 0.6 * T);
      const answer = await pending;
      // Old behaviour: each statement had the whole time left when the write began, so the write committed.
      expect(answer.status).toBe(503);
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["TIMEOUT"]);
      expect(answer.errors?.[0].message).toMatch(/rolled back.*nothing was saved/);
    } finally {
      await projectLock.query("rollback").catch(() => undefined);
      await revisionLock.query("rollback").catch(() => undefined);
      await projectLock.end();
      await revisionLock.end();
    }
    const after = await read();
    expect(after.note).toBe(before.note);
    expect(after.version).toBe(before.version);
    expect(after.revisions.length).toBe(before.revisions.length);
  });

  it("answers the success of a write that stalled for much of its time and then committed", async () => {
    const before = await read();
    const projectLock = await blocker(hub);
    try {
      await projectLock.query("begin");
      await projectLock.query("lock table project in access exclusive mode");
      const pending = gql(
        hub,
        UPDATE,
        { id: before.id, version: before.version, input: { note: "spät, aber gespeichert" } },
        editor,
      );
      await stall(projectLock, track(pending), 0.4 * T);
      const answer = await pending;
      expect(answer.errors).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.data!.updateProject).toEqual({ version: before.version + 1, note: "spät, aber gespeichert" });
    } finally {
      await projectLock.query("rollback").catch(() => undefined);
      await projectLock.end();
    }
    const after = await read();
    expect(after.note).toBe("spät, aber gespeichert");
    expect(after.revisions.length).toBe(before.revisions.length + 1);
  });
});
