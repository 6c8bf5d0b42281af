/**
 * The token CLI as users run it: the built entry point (`npm test` builds first),
 * `node dist/server/main.js token …`, against the embedded PostgreSQL of a temporary
 * DATA_DIR, with and without a hub running on it; and against DATABASE_URL when the
 * run has one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase } from "../../server/database/database.js";
import { findFreePort, runningPostgresPort } from "../../server/database/embedded-postgres.js";
import { withDatabase } from "../support/database-url.js";

const MAIN = path.resolve("dist/server/main.js");
const TOKEN_LINE = /^ikz_[A-Za-z0-9_-]{43}\n$/;
const LONG = 180_000;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end with only PATH and `env` in its environment. */
function cli(args: string[], env: Record<string, string>): Promise<Result> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** Starts the hub as `npm start` does and resolves with its GraphQL URL once it serves. */
async function startHub(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", LOG_FORMAT: "json", ...env },
    stdio: "pipe",
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${output}`)), 90_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"([^"]+)"[^\n]*serves GraphQL at|serves GraphQL at[^\n]*"url":"([^"]+)"/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1] ?? ready[2]);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exit.then((code) => reject(new Error(`hub exited ${code}: ${output}`)));
  });
  return { child, url, exit };
}

function viewer(url: string, token: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ viewer { name role municipality { slug } } }" }),
  });
}

let root: string;
/** The first token created, revoked in "without a running hub". */
let revokedToken: string;
let env: Record<string, string>;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ikz-cli-"));
  await chmod(root, 0o755);
  env = {
    DATA_DIR: path.join(root, "data"),
    EMBEDDED_PG_PORT: String(await findFreePort()),
    PORT: String(await findFreePort()),
    HOST: "127.0.0.1",
  };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("usage errors", () => {
  it(
    "print the usage on stderr, nothing on stdout, and exit 2 without touching the database",
    async () => {
      const cases: [string[], RegExp][] = [
        [["token"], /token needs a command/],
        [["token", "frobnicate"], /unknown token command "frobnicate"/],
        [["tokens", "list"], /unknown command "tokens"/],
        [["token", "create", "--municipality", "herten"], /needs a name/],
        [["token", "create", "--municipality", "herten", "--name", ""], /needs a name/],
        [["token", "create", "--municipality", "herten", "--name", "   "], /needs a name/],
        [["token", "create", "--municipality", "herten", "--name", "x".repeat(121)], /longer than 120 characters/],
        [
          ["token", "create", "--municipality", "herten", "--name", "x", "--colour", "red"],
          /Unknown option '--colour'/,
        ],
        [["token", "create", "--name", "x", "--role", "root"], /--role must be editor or admin, got "root"/],
        [["token", "create", "--name", "x"], /editor token needs its municipality/],
        [
          ["token", "create", "--name", "x", "--role", "admin", "--municipality", "herten"],
          /admin token belongs to no municipality/,
        ],
        [["token", "create", "--name"], /--name/],
        [["token", "revoke"], /exactly one token id/],
        [["token", "revoke", "abc"], /positive whole number, got "abc"/],
        [["token", "revoke", "1", "2"], /exactly one token id/],
        [["token", "list", "--all"], /Unknown option '--all'/],
      ];
      const results = await Promise.all(cases.map(([args]) => cli(args, env)));
      results.forEach((result, index) => {
        expect(result.code, cases[index][0].join(" ")).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(cases[index][1]);
        expect(result.stderr).toMatch(/Usage: npm run --silent hub -- token <command>/);
      });
      expect(await runningPostgresPort(path.join(env.DATA_DIR, "postgres"))).toBeNull();
    },
    LONG,
  );
});

describe("without a running hub", () => {
  let tokenId: string;
  it(
    "creates an editor token (starting and stopping the embedded PostgreSQL) and prints only the token",
    async () => {
      const created = await cli(
        ["token", "create", "--municipality", "herten", "--name", "Amt 10 – Digitalisierung"],
        env,
      );
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(TOKEN_LINE);
      expect(await runningPostgresPort(path.join(env.DATA_DIR, "postgres"))).toBeNull();

      const admin = await cli(["token", "create", "--role", "admin", "--name", "Betrieb"], env);
      expect(admin.code).toBe(0);
      expect(admin.stdout).toMatch(TOKEN_LINE);

      const unknown = await cli(["token", "create", "--municipality", "atlantis", "--name", "x"], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stdout).toBe("");
      expect(unknown.stderr).toMatch(/No municipality has the slug "atlantis"/);
      expect(unknown.stderr).toMatch(/Usage:/);

      const list = await cli(["token", "list"], env);
      expect(list.code).toBe(0);
      const lines = list.stdout.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^ID\s+NAME\s+ROLE\s+MUNICIPALITY\s+CREATED\s+REVOKED/);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^1\s+Amt 10 – Digitalisierung\s+editor\s+herten\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+-/);
      expect(lines[2]).toMatch(/^2\s+Betrieb\s+admin\s+-\s+/);
      expect(list.stdout).not.toContain(created.stdout.trim());
      expect(list.stdout).not.toContain(admin.stdout.trim());
      expect(list.stdout).not.toMatch(/ikz_|[0-9a-f]{64}/);
      tokenId = "1";
      revokedToken = created.stdout.trim();
    },
    LONG,
  );

  it(
    "revokes a token; twice says so; an unknown id fails with exit 1",
    async () => {
      const first = await cli(["token", "revoke", tokenId], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Revoked token 1 \(Amt 10 – Digitalisierung\)/);
      const again = await cli(["token", "revoke", tokenId], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/already revoked/);
      const unknown = await cli(["token", "revoke", "99"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe("");
      expect(unknown.stderr).toMatch(/No token has the id 99/);
      const list = await cli(["token", "list"], env);
      expect(list.stdout.split("\n")[1]).toMatch(/^1\s+.*UTC\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    },
    LONG,
  );
});

describe("while a hub runs on the same DATA_DIR", () => {
  it(
    "creates a token the running hub accepts, and leaves the hub's PostgreSQL running",
    async () => {
      const hub = await startHub(env);
      try {
        const created = await cli(
          ["token", "create", "--municipality", "kelsterbach", "--name", "Digitalisierung Kelsterbach"],
          env,
        );
        expect(created.stderr).toBe("");
        expect(created.code).toBe(0);
        expect(created.stdout).toMatch(TOKEN_LINE);
        const res = await viewer(hub.url, created.stdout.trim());
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({
          data: {
            viewer: { name: "Digitalisierung Kelsterbach", role: "EDITOR", municipality: { slug: "kelsterbach" } },
          },
        });

        const list = await cli(["token", "list"], env);
        expect(list.code).toBe(0);
        expect(list.stdout).toMatch(/Digitalisierung Kelsterbach\s+editor\s+kelsterbach/);

        // Revoked by the CLI, another process: the running hub refuses the token it had just verified, at once.
        const id = /^(\d+)\s+Digitalisierung Kelsterbach/m.exec(list.stdout)![1];
        expect((await cli(["token", "revoke", id], env)).code).toBe(0);
        expect((await viewer(hub.url, created.stdout.trim())).status).toBe(401);

        // Token 1 was revoked before the hub started.
        expect((await viewer(hub.url, revokedToken)).status).toBe(401);
        expect(await runningPostgresPort(path.join(env.DATA_DIR, "postgres"))).not.toBeNull();
        expect((await fetch(new URL("/healthz", hub.url))).status).toBe(200);
      } finally {
        hub.child.kill("SIGINT");
        expect(await hub.exit).toBe(0);
      }
    },
    LONG,
  );
});

describe.runIf(process.env.DATABASE_URL)("with DATABASE_URL", () => {
  const name = `ikz_cli_test_${process.pid}`;
  let url: string;
  beforeAll(async () => {
    await ensureDatabase(process.env.DATABASE_URL!, name);
    url = withDatabase(process.env.DATABASE_URL!, name);
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`).finally(() => admin.end());
  });

  it(
    "migrates and seeds an empty database, then creates, lists and revokes there",
    async () => {
      const dbEnv = { DATABASE_URL: url, DATA_DIR: path.join(root, "unused") };
      const created = await cli(
        ["token", "create", "--municipality", "hildesheim", "--name", "Stadt Hildesheim"],
        dbEnv,
      );
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(TOKEN_LINE);
      const list = await cli(["token", "list"], dbEnv);
      expect(list.stdout).toMatch(/^1\s+Stadt Hildesheim\s+editor\s+hildesheim/m);
      expect((await cli(["token", "revoke", "1"], dbEnv)).code).toBe(0);
      expect(await runningPostgresPort(path.join(root, "unused", "postgres"))).toBeNull();
    },
    LONG,
  );
});
