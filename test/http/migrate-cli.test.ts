/**
 * `npm run hub -- migrate [--status]` as operators run it: the built entry point (`npm test` builds first),
 * against an EMPTY database of the test run's PostgreSQL; two commands, and two hubs, started at once on one
 * empty database all succeed and each migration runs once (the advisory lock).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findFreePort } from "../../server/database/embedded-postgres.js";
import { migrations } from "../../server/database/migrations/index.js";
import { cli, finished, MAIN } from "../support/cli-process.js";
import { ScratchDatabases, withClient } from "../support/scratch-databases.js";

const LONG = 180_000;
const NAMES = migrations.map((migration) => migration.name);
const { adminUrl, prefix } = inject("testDatabase");
const scratch = new ScratchDatabases(adminUrl, prefix);

/** How often each migration is recorded in the database at `url`. */
async function recorded(url: string): Promise<Map<string, number>> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ name: string; n: number }>(
      "select name, count(*)::int as n from mikro_orm_migrations group by name",
    ),
  );
  return new Map(rows.map((row) => [row.name, row.n]));
}

afterAll(async () => {
  await scratch.dropAll();
});

describe("usage", () => {
  it(
    "--help and -h print the usage on stdout and exit 0, without a database",
    async () => {
      for (const flag of ["--help", "-h"]) {
        const result = await cli(["migrate", flag], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Usage: npm run --silent hub -- migrate \[--status\]/);
        expect(result.stdout).toContain("--status");
        expect(result.stderr).toBe("");
      }
    },
    LONG,
  );

  it(
    "unknown flags, values and arguments are usage errors: exit 2, the message and the usage on stderr",
    async () => {
      const cases: [string[], RegExp][] = [
        [["migrate", "--force"], /Unknown option '--force'/],
        [["migrate", "--status", "--down"], /Unknown option '--down'/],
        [["migrate", "--status=yes"], /--status/],
        [["migrate", "up"], /Unexpected argument 'up'/],
        [["migrate", `--${"x".repeat(5000)}`], /Unknown option/],
      ];
      const env = { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };
      const results = await Promise.all(cases.map(([args]) => cli(args, env)));
      results.forEach((result, i) => {
        expect(result.code, cases[i][0].join(" ").slice(0, 40)).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(cases[i][1]);
        expect(result.stderr).toContain("Usage: npm run --silent hub -- migrate");
      });
    },
    LONG,
  );
});

describe("migrate", () => {
  let url: string;
  beforeAll(async () => {
    url = await scratch.empty("migrate_cli");
  });

  it(
    "--status on an empty database lists every migration as pending and creates nothing",
    async () => {
      const result = await cli(["migrate", "--status"], { DATABASE_URL: url });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(
        `${NAMES.map((name) => `pending  ${name}\n`).join("")}0 applied, ${NAMES.length} pending\n`,
      );
      const { rows } = await withClient(url, (client) =>
        client.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = 'public'"),
      );
      expect(rows[0].n).toBe(0);
    },
    LONG,
  );

  it(
    "two commands at once on an empty database both succeed, and each migration runs once",
    async () => {
      const results = await Promise.all([
        cli(["migrate"], { DATABASE_URL: url }),
        cli(["migrate"], { DATABASE_URL: url }),
      ]);
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      const outputs = results.map((result) => result.stdout).sort();
      // One applied them all, the other waited for the lock and found nothing left.
      expect(outputs).toEqual([
        `${NAMES.map((name) => `applied  ${name}\n`).join("")}${NAMES.length} migrations applied; ${NAMES.length} in all\n`,
        `nothing to apply; the database has all ${NAMES.length} migrations\n`,
      ]);
      const counts = await recorded(url);
      expect([...counts.keys()].sort()).toEqual([...NAMES].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    },
    LONG,
  );

  it(
    "`npm run --silent hub -- migrate --status` on the migrated database shows none pending, exit 0",
    async () => {
      const child = spawn("npm", ["run", "--silent", "hub", "--", "migrate", "--status"], {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: url },
      });
      const result = await finished(child);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.trimEnd().split("\n");
      expect(lines.slice(0, -1).map((line) => line.split(/\s+/).slice(0, 2))).toEqual(
        NAMES.map((name) => ["applied", name]),
      );
      for (const line of lines.slice(0, -1))
        expect(line).toMatch(/^applied {2}\S+ {2}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(lines.at(-1)).toBe(`${NAMES.length} applied, 0 pending`);
      expect(result.stdout).not.toContain("pending  ");
    },
    LONG,
  );
});

describe("two hubs started at once on one empty database", () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
  });

  /** Starts `node dist/server/main.js` and resolves with its GraphQL URL once it serves. */
  function startHub(env: Record<string, string>): Promise<string> {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? "", LOG_FORMAT: "json", HOST: "127.0.0.1", ...env },
    });
    children.push(child);
    let output = "";
    return new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /"url":"([^"]+)"[^\n]*serves GraphQL at|serves GraphQL at[^\n]*"url":"([^"]+)"/.exec(output);
        if (ready) resolve(ready[1] ?? ready[2]);
      });
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (code) => reject(new Error(`hub exited ${code}: ${output}`)));
    });
  }

  it(
    "both come up, the migrations ran once and the seed data was loaded once",
    async () => {
      const url = await scratch.empty("two_hubs");
      const [first, second] = await Promise.all([
        startHub({ DATABASE_URL: url, PORT: String(await findFreePort()) }),
        startHub({ DATABASE_URL: url, PORT: String(await findFreePort()) }),
      ]);
      for (const hub of [first, second]) {
        const res = await fetch(hub, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: '{ municipality(slug: "herten") { name } }' }),
        });
        expect(await res.json()).toEqual({ data: { municipality: { name: "Herten" } } });
      }
      const counts = await recorded(url);
      expect([...counts.keys()].sort()).toEqual([...NAMES].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const { rows } = await withClient(url, (client) =>
        client.query<{ n: number }>("select count(*)::int as n from municipality where slug = 'herten'"),
      );
      expect(rows[0].n).toBe(1);
    },
    LONG,
  );
});
