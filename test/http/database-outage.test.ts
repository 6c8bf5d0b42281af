/**
 * Losing the database: while the test's database refuses connections (and its
 * sessions are ended), GraphQL and the page routes answer 503 with
 * DATABASE_UNAVAILABLE, /readyz 503 while /livez stays 200, the log has one line for the outage instead of a stack trace
 * per request, and the hub serves again by itself once connections are allowed.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LoggedTestHub, startLoggedHub } from "../support/logged-hub.js";

const QUERY = '{ municipality(slug: "herten") { name projects(first: 1) { totalCount } } }';

async function until(check: () => Promise<boolean> | boolean, guardMs = 20_000): Promise<void> {
  const end = Date.now() + guardMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("database loss", () => {
  let hub: LoggedTestHub;
  let admin: pg.Client;
  let name: string;
  beforeAll(async () => {
    hub = await startLoggedHub();
    admin = new pg.Client({ connectionString: inject("testDatabase").adminUrl });
    await admin.connect();
    name = decodeURIComponent(new URL(hub.db.url).pathname.slice(1));
  });
  afterAll(async () => {
    await admin?.query(`alter database "${name}" allow_connections true`).catch(() => undefined);
    await admin?.end();
    await hub?.close();
  });

  const outageLines = () => hub.lines.filter((line) => /^database unavailable/.test(line.msg));

  it("answers 503 DATABASE_UNAVAILABLE while it is gone, logs the outage once, and recovers without a restart", async () => {
    expect((await hub.query(QUERY)).status).toBe(200);
    await admin.query(`alter database "${name}" allow_connections false`);
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
    try {
      for (let i = 0; i < 5; i++) {
        const response = await fetch(hub.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = (await response.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
        // Old behaviour: HTTP 200 with INTERNAL_SERVER_ERROR, and a stack trace in the log each time.
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(body.data).toBeNull();
        expect(body.errors.map((error) => error.extensions.code)).toEqual(["DATABASE_UNAVAILABLE"]);
      }
      const page = await fetch(`${hub.origin}/embed/projects/herten-kita-online`);
      expect(page.status).toBe(503);
      expect(((await page.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        "DATABASE_UNAVAILABLE",
      );
      // The website: its HTML error page in the site's layout, nothing logged beyond the one outage line.
      const sitePage = await fetch(`${hub.origin}/kommunen/herten`, { headers: { accept: "text/html" } });
      expect(sitePage.status).toBe(503);
      expect(sitePage.headers.get("retry-after")).toBe("5");
      expect(sitePage.headers.get("cache-control")).toBe("no-store");
      expect(await sitePage.text()).toContain("<h1>Seite gerade nicht verfügbar</h1>");
      const health = await fetch(`${hub.origin}/healthz`);
      expect(health.status).toBe(503);
      // The probes: not ready while the database is gone, but alive, so that no orchestrator restarts the process.
      const ready = await fetch(`${hub.origin}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { database: { status: string } }).database.status).toBe("down");
      expect((await fetch(`${hub.origin}/livez`)).status).toBe(200);
      await until(() => outageLines().length > 0);
      for (let i = 0; i < 3; i++) expect((await hub.query(QUERY)).status).toBe(503);
      expect(outageLines()).toHaveLength(1);
      expect(hub.lines.filter((line) => line.msg === "internal error")).toHaveLength(0);
      expect(JSON.stringify(hub.lines)).not.toMatch(/\\n\s+at /);
    } finally {
      await admin.query(`alter database "${name}" allow_connections true`);
    }
    await until(async () => (await hub.query(QUERY)).status === 200);
    await until(() => hub.lines.some((line) => line.msg === "database reachable again"));
    expect(outageLines()).toHaveLength(1);
    expect((await fetch(`${hub.origin}/readyz`)).status).toBe(200);
  });
});

describe("a full pool", () => {
  let hub: LoggedTestHub;
  beforeAll(async () => {
    // Long enough that the blocked queries keep their connections while the test looks.
    hub = await startLoggedHub({ EXECUTION_TIMEOUT_MS: "60000" }, { statementTimeoutMs: null });
  });
  afterAll(() => hub?.close());

  it("is answered as a busy hub (503 TIMEOUT, Retry-After), not as an outage, and the watch is not troubled", async () => {
    const session = new pg.Client({ connectionString: hub.db.url });
    await session.connect();
    const waiting = async () => {
      // Inside a transaction PostgreSQL keeps showing the activity it first saw, unless told to look again.
      await session.query("select pg_stat_clear_snapshot()");
      const { rows } = await session.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'",
      );
      return rows[0].n as number;
    };
    try {
      await session.query("begin");
      await session.query("lock table project in access exclusive mode");
      // Ten operations, one connection each, wait for the lock: the pool of ten is taken.
      const blocked = Array.from({ length: 10 }, () => hub.query('{ project(slug: "herten-kita-online") { title } }'));
      await until(async () => (await waiting()) === 10);
      const answer = await fetch(hub.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await answer.json()) as {
        data: unknown;
        errors: { message: string; extensions: { code: string } }[];
      };
      // Old behaviour: DATABASE_UNAVAILABLE "not reachable", and a probe of the database watch.
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(body.data).toBeNull();
      expect(body.errors.map((error) => error.extensions.code)).toEqual(["TIMEOUT"]);
      expect(body.errors[0].message).toMatch(/busy/);
      await session.query("rollback");
      expect((await Promise.all(blocked)).map((response) => response.status)).toEqual(Array(10).fill(200));
    } finally {
      await session.query("rollback").catch(() => undefined);
      await session.end();
    }
    expect(hub.lines.filter((line) => /^database unavailable/.test(line.msg))).toEqual([]);
    expect(hub.lines.filter((line) => line.msg === "internal error")).toHaveLength(0);
  });
});
