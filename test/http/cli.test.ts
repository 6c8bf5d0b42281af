/**
 * The token CLI as users run it: the built entry point (`npm test` builds first),
 * `node dist/server/main.js token …`, against the embedded PostgreSQL of a temporary
 * DATA_DIR, with and without a hub running on it; and against DATABASE_URL when the
 * run has one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubNodeOptions } from "../../server/cli/hub-script.js";
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
  return cliOf(MAIN, args, env);
}

/** Runs the CLI in the directory `cwd` (where a relative DATA_DIR lies). */
function cliIn(cwd: string, args: string[], env: Record<string, string>): Promise<Result> {
  return cliOf(MAIN, args, env, false, cwd);
}

/** Runs `program` (a script for node, or with `command` a command on PATH) to its end with only PATH and `env`. */
function cliOf(
  program: string,
  args: string[],
  env: Record<string, string>,
  command = false,
  cwd = process.cwd(),
): Promise<Result> {
  const [file, argv] = command ? [program, args] : [process.execPath, [program, ...args]];
  const child = spawn(file, argv, {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** Starts the hub as `npm start` does (with its Node options) and resolves with its GraphQL URL once it serves. */
async function startHub(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [...hubNodeOptions(path.resolve(".")), MAIN], {
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
        // An unknown command gets the CLI's usage, a wrong token command the token usage.
        expect(result.stderr).toMatch(
          cases[index][0][0] === "token"
            ? /Usage: npm run --silent hub -- token <command>/
            : /Usage: npm run --silent hub -- <command> \[options\]/,
        );
      });
      expect(await runningPostgresPort(path.join(env.DATA_DIR, "postgres"))).toBeNull();
    },
    LONG,
  );
});

describe("help and version", () => {
  const commands = ["token", "reindex", "seed-synthetic", "migrate"];
  it(
    "--help, -h, help and help <command> print the usage on stdout and exit 0, before configuration or database",
    async () => {
      // A configuration no command could run with: help must not read it.
      const broken = { ...env, DATABASE_URL: "mysql://nowhere/x", PORT: "-1" };
      const top: string[][] = [["--help"], ["-h"], ["help"], ["--help", "token"]];
      const each = commands.flatMap((command) => [
        ["help", command],
        [command, "--help"],
        [command, "-h"],
      ]);
      const deeper = [
        ["token", "create", "--help"],
        ["token", "create", "--name", "x", "-h"],
        ["seed-synthetic", "--municipalities", "11000", "--help"],
        ["reindex", "--force", "--help"],
      ];
      const cases = [...top, ...each, ...deeper];
      const results = await Promise.all(cases.map((args) => cli(args, broken)));
      results.forEach((result, index) => {
        const args = cases[index];
        expect(result.code, args.join(" ")).toBe(0);
        expect(result.stderr, args.join(" ")).toBe("");
        const command = args[0] === "help" ? args[1] : commands.includes(args[0]) ? args[0] : undefined;
        expect(result.stdout, args.join(" ")).toMatch(
          command
            ? new RegExp(
                `^Usage: npm run (--silent hub -- ${command}|${command === "seed-synthetic" ? "seed:synthetic" : command})`,
              )
            : /^Usage: npm run --silent hub -- <command> \[options\][\s\S]*seed-synthetic[\s\S]*--version/,
        );
      });
      expect(await runningPostgresPort(path.join(env.DATA_DIR, "postgres"))).toBeNull();
    },
    LONG,
  );

  it("--version prints the version of package.json and exits 0", async () => {
    const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
    expect(await cli(["--version"], { DATABASE_URL: "mysql://nowhere/x" })).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: "",
    });
  });

  it("help for an unknown command, and an unknown command, are usage errors (exit 2, usage on stderr)", async () => {
    for (const args of [["help", "tokens"], ["help", "token", "create"], ["frobnicate"], ["--verbose"], ["-v"]]) {
      const result = await cli(args, env);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^ikz-hub: (no help for|unknown command) "[^"]+"/);
      expect(result.stderr).toMatch(/Usage: npm run --silent hub -- <command>/);
    }
  });

  const scripts: [string, string][] = [
    ["bench-search", "bench:search"],
    ["bench-scale", "bench:scale"],
    ["bench-pages", "bench:pages"],
    ["bench-abuse", "bench:abuse"],
    ["emit-schema", "schema:emit"],
    ["emit-search-sql", "search:emit"],
    ["create-migration", "migration:create"],
  ];
  it(
    "every script entry point prints its usage for --help and -h (exit 0) and refuses unknown arguments (exit 2)",
    async () => {
      const script = (file: string, args: string[], extra: Record<string, string> = {}) =>
        cliOf(path.resolve(`dist/server/cli/${file}.js`), args, {
          ...env,
          DATABASE_URL: "mysql://nowhere/x",
          ...extra,
        });
      for (const [file, name] of scripts) {
        for (const flag of ["--help", "-h"]) {
          const help = await script(file, [flag], { HUB_URL: "ftp://not-a-hub" });
          expect(help.code, `${file} ${flag}: ${help.stderr}`).toBe(0);
          expect(help.stderr).toBe("");
          expect(help.stdout).toMatch(new RegExp(`^Usage: npm run ${name}`));
        }
        const wrong = await script(file, ["--frobnicate"]);
        expect(wrong.code, file).toBe(2);
        expect(wrong.stdout).toBe("");
        expect(wrong.stderr).toMatch(
          new RegExp(`^${name}: Unknown option '--frobnicate'[\\s\\S]*Usage: npm run ${name}`),
        );
      }
      // The HTTP benchmarks take the hub from HUB_URL; a bad one is named.
      const bad = await script("bench-search", [], { HUB_URL: "ftp://not-a-hub" });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe(
        'bench:search: HUB_URL must be the hub\'s http(s) address, e.g. http://localhost:4000, got "ftp://not-a-hub"\n',
      );
      expect(await runningPostgresPort(path.join(env.DATA_DIR, "postgres"))).toBeNull();
    },
    LONG,
  );

  it(
    "npm run <script> -- --help exits 0 with the usage, without building (the build is fresh after npm run build)",
    async () => {
      const stamp = (await stat("dist/.build-stamp")).mtimeMs;
      for (const [name, usage] of [
        ["seed:synthetic", /^Usage: npm run seed:synthetic/],
        ["reindex", /^Usage: npm run reindex/],
        ["hub", /^Usage: npm run --silent hub -- <command>/],
        ["bench:search", /^Usage: npm run bench:search/],
        ["schema:emit", /^Usage: npm run schema:emit/],
      ] as const) {
        const result = await cliOf(
          "npm",
          ["run", "--silent", name, "--", "--help"],
          { ...env, HOME: process.env.HOME ?? "" },
          true,
        );
        expect(result.stderr, name).toBe("");
        expect(result.code, name).toBe(0);
        expect(result.stdout, name).toMatch(usage);
      }
      expect((await stat("dist/.build-stamp")).mtimeMs).toBe(stamp);
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

      // A data error, not a usage error: exit 1, one line naming the value, no usage text.
      const unknown = await cli(["token", "create", "--municipality", "atlantis", "--name", "x"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe("");
      expect(unknown.stderr).toMatch(/^ikz-hub: No municipality has the slug "atlantis"[^\n]*\n$/);

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

describe("seed-synthetic refuses a database people use", () => {
  it(
    "refuses without --into-live-database under DATABASE_URL, the default DATA_DIR, or with a token; no arguments are a usage error",
    async () => {
      const none = await cli(["seed-synthetic"], env);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(
        /^ikz-hub: seed-synthetic needs --municipalities N \(11000 is all of Germany\), or --remove\n/,
      );
      const mixed = await cli(["seed-synthetic", "--remove", "--municipalities", "3"], env);
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toMatch(/--remove takes no other option, got --municipalities/);

      const args = ["seed-synthetic", "--municipalities", "1", "--projects-per-municipality", "1"];
      // Refused before any database is opened: nothing listens at this DATABASE_URL.
      const viaUrl = await cli(args, { ...env, DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
      expect(viaUrl.code).toBe(1);
      expect(viaUrl.stdout).toBe("");
      expect(viaUrl.stderr).toBe(
        "ikz-hub: seed-synthetic will not add invented municipalities here: DATABASE_URL is set, so this is a database a hub serves. " +
          "Run it with a DATA_DIR of its own (e.g. DATA_DIR=.data/bench), or pass --into-live-database if you mean it.\n",
      );
      const defaultDir = await cliIn(root, args, { ...env, DATA_DIR: ".data" });
      expect(defaultDir.code).toBe(1);
      expect(defaultDir.stderr).toMatch(
        /DATA_DIR is the default \.data, the one `npm start` serves\. .*--into-live-database/,
      );
      await expect(stat(path.join(root, ".data"))).rejects.toThrow();

      // env's DATA_DIR holds tokens (created by the tests above): people edit there.
      const withTokens = await cli(args, env);
      expect(withTokens.code).toBe(1);
      expect(withTokens.stderr).toMatch(/here: it holds \d+ API tokens, so people edit there\./);
      expect((await cli(["token", "list"], env)).stdout).not.toMatch(/synthetic-/);
    },
    LONG,
  );

  it(
    "adds to a scratch DATA_DIR holding only the seed data, and --remove needs no flag",
    async () => {
      const scratch = { ...env, DATA_DIR: path.join(root, "scratch") };
      const added = await cli(["seed-synthetic", "--municipalities", "1", "--projects-per-municipality", "1"], scratch);
      expect(added.stderr).toMatch(/Added 1 synthetic municipalities/);
      expect(added.code).toBe(0);
      const removed = await cli(["seed-synthetic", "--remove"], scratch);
      expect(removed.code).toBe(0);
      expect(removed.stdout).toBe("1\n");
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
