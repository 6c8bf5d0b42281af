/**
 * What one operation may do to the database: hold at most two of the pool's
 * connections, have its statements stopped at its deadline (whatever the pool's own
 * statement timeout), and, for a write, be answered TIMEOUT only once the write was
 * rolled back, or with its success when it committed after the deadline. The stalls
 * are real: another session holds a lock the hub's statements need.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  const { rows } = await session.query(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'",
  );
  return rows[0].n;
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
      await session.query("lock table project in access exclusive mode");
      const aliases = Array.from({ length: 12 }, (_, i) => `s${i}: stats { projectCount projectsByStatus { count } projectsByTopicAndState { count } }`);
      const heavy = gql(hub, `{ ${aliases.join(" ")} }`);
      await until(async () => (await waitingOnLocks(session)) > 0);
      // Give the operation's other statements every chance to start (a guard, not a measurement).
      await sleep(500);
      expect(await waitingOnLocks(session)).toBeLessThanOrEqual(2);
      // Old behaviour: the pool's ten connections all waited for the lock, and this one waited with them.
      const cheap = await fetch(hub.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ municipality(slug: "herten") { name } }' }),
        signal: AbortSignal.timeout(8000),
      });
      expect(cheap.status).toBe(200);
      expect(((await cheap.json()) as { data: { municipality: { name: string } } }).data.municipality.name).toBe("Herten");
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
    const again = await hub.query('{ project(slug: "herten-kita-online") { title } }');
    expect(again.status).toBe(200);
  });
});

describe("a write at its deadline", () => {
  const T = 1500;
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { version note } }`;
  const READ = `{ project(slug: "herten-kita-online") { id version note revisions { version } } }`;
  let hub: TestHub;
  let editor: string;
  beforeAll(async () => {
    hub = await startLoggedHub({ EXECUTION_TIMEOUT_MS: String(T) }, { statementTimeoutMs: null });
    editor = (await createTestTokens(hub.db.orm)).editors.herten;
  });
  afterAll(() => hub?.close());

  const read = async () => (await gql(hub, READ, {}, editor)).data!.project as { id: string; version: number; note: string | null; revisions: unknown[] };

  it("answers TIMEOUT only after the write was rolled back, and nothing is saved when the stall ends", async () => {
    const before = await read();
    const session = await blocker(hub);
    let answer;
    try {
      await session.query("begin");
      await session.query("lock table project in access exclusive mode");
      answer = await gql(hub, UPDATE, { id: before.id, version: before.version, input: { note: "nach dem Stillstand" } }, editor);
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

  it("answers the success of a write that committed after the deadline", async () => {
    const before = await read();
    const projectLock = await blocker(hub);
    const revisionLock = await blocker(hub);
    const started = Date.now();
    try {
      await revisionLock.query("begin");
      await revisionLock.query("lock table revision in share mode");
      await projectLock.query("begin");
      await projectLock.query("lock table project in access exclusive mode");
      const pending = gql(hub, UPDATE, { id: before.id, version: before.version, input: { note: "spät, aber gespeichert" } }, editor);
      // Each stall is shorter than the time left when the write began, together they outlast the deadline.
      await until(async () => (await waitingOnLocks(projectLock)) > 0);
      await sleep(Math.max(0, started + 0.65 * T - Date.now()));
      await projectLock.query("rollback");
      await until(async () => (await waitingOnLocks(revisionLock)) > 0);
      await sleep(Math.max(0, started + 1.3 * T - Date.now()));
      await revisionLock.query("rollback");
      const answer = await pending;
      // Old behaviour: TIMEOUT at the deadline, although the write then committed.
      expect(answer.errors).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.data!.updateProject).toEqual({ version: before.version + 1, note: "spät, aber gespeichert" });
    } finally {
      await projectLock.query("rollback").catch(() => undefined);
      await revisionLock.query("rollback").catch(() => undefined);
      await projectLock.end();
      await revisionLock.end();
    }
    expect(Date.now() - started).toBeGreaterThan(T);
    const after = await read();
    expect(after.note).toBe("spät, aber gespeichert");
    expect(after.revisions.length).toBe(before.revisions.length + 1);
  });
});
