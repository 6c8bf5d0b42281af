/**
 * SLOW (two embedded PostgreSQL 18 of its own, some seconds each): `npm run hub -- backup FILE` and `restore FILE`
 * as operators run them, the built entry point against real servers. A backup taken from a serving hub while a
 * writer commits pairs of rows restores into a fresh data directory (PostgreSQL 18) and into the machine's
 * PostgreSQL (the test run's, 15 here), both equal, table by table, to the snapshot; a backup of the latter goes back
 * into the former. Bad files and occupied targets are refused with one line, exit 1, nothing written.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { embeddedPostgresUrl, findFreePort } from "../../server/database/embedded-postgres.js";
import { databaseDigestAt } from "../support/digest.js";
import { cli, type CliResult, finished, MAIN } from "../support/cli-process.js";
import { ScratchDatabases, withClient } from "../support/scratch-databases.js";

const LONG = 300_000;
const { adminUrl, prefix } = inject("testDatabase");
const scratch = new ScratchDatabases(adminUrl, prefix);
const children: ChildProcess[] = [];
let dir: string;

/** The last line of stderr that is not the progress bar's. */
function message(result: CliResult): string {
  return result.stderr
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith("rows ["))
    .at(-1)!;
}

/** Starts a hub (`node dist/server/main.js`) and resolves with its GraphQL URL once it serves. */
function startHub(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", LOG_FORMAT: "json", HOST: "127.0.0.1", PORT: "0", ...env },
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

/** Stops a hub started by `startHub` and waits for it (and its PostgreSQL) to exit. */
function stopHub(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** How many tables the database at `url` has in its public schema. */
function tableCount(url: string): Promise<number> {
  return withClient(
    url,
    async (client) =>
      (await client.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = 'public'"))
        .rows[0].n,
  );
}

/** The applied migrations of the database at `url`, in order. */
function migrationNames(url: string): Promise<string[]> {
  return withClient(url, async (client) =>
    (await client.query<{ name: string }>("select name from mikro_orm_migrations order by id")).rows.map((r) => r.name),
  );
}

/** Polls `check` until it holds; a generous guard, not a timing assertion. */
async function until(check: () => boolean, guardMs = 120_000): Promise<void> {
  const end = Date.now() + guardMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The lines of a backup file, decompressed. */
async function backupLines(file: string): Promise<string[]> {
  return gunzipSync(await readFile(file))
    .toString("utf8")
    .split("\n")
    .slice(0, -1);
}

/** Writes `lines` as a backup file whose trailer checksum matches them again (a well-formed file, edited). */
async function writeBackupLines(file: string, lines: string[]): Promise<void> {
  const body = lines.slice(0, -1).map((line) => `${line}\n`);
  const trailer = JSON.parse(lines.at(-1)!.slice(2)) as { sha256: string };
  trailer.sha256 = createHash("sha256").update(body.join("")).digest("hex");
  await writeFile(file, gzipSync(`${body.join("")}S ${JSON.stringify(trailer)}\n`));
}

const BACKUP_LINE = /^\S+ {2}\d+ tables, \d+ rows\n$/;

/** What the round trip leaves for the refusal tests. */
let backupFile: string;
let pg15Url: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ikz-backup-"));
  // The embedded server runs as the OS user postgres when the tests run as root.
  await chmod(dir, 0o755);
});

afterAll(async () => {
  await Promise.all(children.map(stopHub));
  await scratch.dropAll();
  await rm(dir, { recursive: true, force: true });
});

describe("round trip", () => {
  it(
    "a backup taken while a writer commits restores into a fresh data directory and into the test run's PostgreSQL (15 here), equal to the snapshot, and back",
    async () => {
      const sourceEnv = { DATA_DIR: path.join(dir, "source"), EMBEDDED_PG_PORT: String(await findFreePort()) };
      await startHub(sourceEnv);
      const sourceUrl = embeddedPostgresUrl(Number(sourceEnv.EMBEDDED_PG_PORT), "ikz_hub");

      // The writer commits two sources per transaction: a consistent snapshot holds both of a pair or neither.
      let committed = 0;
      let writing = true;
      const writer = withClient(sourceUrl, async (client) => {
        while (writing) {
          const n = committed + 1;
          await client.query("begin");
          for (const half of ["a", "b"])
            await client.query(
              "insert into source (key, title, created_at, updated_at) values ($1, 'Backup-Schreiber', now(), now())",
              [`backup-writer-${n}-${half}`],
            );
          await client.query("commit");
          committed = n;
        }
      });
      await until(() => committed >= 3);
      const before = committed;
      backupFile = path.join(dir, "hub.backup.gz");
      const backup = await cli(["backup", backupFile], sourceEnv);
      writing = false;
      await writer;
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(BACKUP_LINE);
      expect(backup.stderr).toMatch(/rows \[=+\] 100%/);
      expect(existsSync(`${backupFile}.partial`)).toBe(false);
      const header = JSON.parse((await backupLines(backupFile))[0].slice(2)) as { server: string };
      expect(header.server).toMatch(/^18\./);

      const restoredEnv = { DATA_DIR: path.join(dir, "restored"), EMBEDDED_PG_PORT: String(await findFreePort()) };
      const intoFresh = await cli(["restore", backupFile], restoredEnv);
      expect(intoFresh.code, intoFresh.stderr).toBe(0);
      expect(intoFresh.stdout).toMatch(/^restored \d+ rows into .*restored\/postgres/);
      pg15Url = await scratch.empty("backup_pg15");
      const intoPg15 = await cli(["restore", backupFile], { DATABASE_URL: pg15Url });
      expect(intoPg15.code, intoPg15.stderr).toBe(0);
      expect(intoPg15.stderr).toMatch(/rows \[=+\] 100%/);

      // The snapshot's writer rows: complete pairs 1..k, with every pair committed before the backup started.
      const keys = await withClient(pg15Url, async (client) =>
        (
          await client.query<{ key: string }>("select key from source where key like 'backup-writer-%' order by id")
        ).rows.map((row) => row.key),
      );
      const pairs = keys.length / 2;
      expect(keys).toEqual(
        Array.from({ length: pairs }, (_, i) => [`backup-writer-${i + 1}-a`, `backup-writer-${i + 1}-b`]).flat(),
      );
      expect(pairs).toBeGreaterThanOrEqual(before);
      expect(pairs).toBeLessThanOrEqual(committed);
      // The source as it was in the snapshot: without the pairs committed after it.
      await withClient(sourceUrl, (client) =>
        client.query("delete from source where key like 'backup-writer-%' and split_part(key, '-', 3)::int > $1", [
          pairs,
        ]),
      );
      const snapshot = await databaseDigestAt(sourceUrl);
      expect(Object.keys(snapshot).length).toBeGreaterThan(40);
      expect(await databaseDigestAt(pg15Url)).toEqual(snapshot);
      expect(await migrationNames(pg15Url)).toEqual(await migrationNames(sourceUrl));
      // The sequences go on after the restored rows.
      const next = await withClient(pg15Url, async (client) => {
        await client.query("begin");
        const { rows } = await client.query<{ fresh: boolean }>(
          "insert into source (key, title, created_at, updated_at) values ('after', 'x', now(), now()) returning id > (select max(id) from source where key <> 'after') as fresh",
        );
        await client.query("rollback");
        return rows[0].fresh;
      });
      expect(next).toBe(true);

      // A hub serves the restored data directory as it is, and finds what the source finds.
      const restoredUrl = await startHub(restoredEnv);
      const restoredDb = embeddedPostgresUrl(Number(restoredEnv.EMBEDDED_PG_PORT), "ikz_hub");
      expect(await databaseDigestAt(restoredDb)).toEqual(snapshot);
      const search = await fetch(restoredUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: '{ search(query: "Kita") { totalCount } municipality(slug: "herten") { name } }',
        }),
      });
      const answer = (await search.json()) as { data: { search: { totalCount: number } } };
      expect(answer.data.search.totalCount).toBeGreaterThan(0);

      // And back: a backup of PostgreSQL 15 replaces the data of the serving PostgreSQL 18.
      const backFile = path.join(dir, "from-15.backup.gz");
      const back = await cli(["backup", backFile], { DATABASE_URL: pg15Url });
      expect(back.code, back.stderr).toBe(0);
      // The test run's server: PostgreSQL 15 with DATABASE_URL here, the embedded 18 without.
      const runServer = await withClient(
        adminUrl,
        async (client) =>
          (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v,
      );
      expect((JSON.parse((await backupLines(backFile))[0].slice(2)) as { server: string }).server).toBe(runServer);
      const refused = await cli(["restore", backFile], restoredEnv);
      expect(refused.code).toBe(1);
      expect(message(refused)).toMatch(/already holds hub data .*--replace/);
      const replaced = await cli(["restore", "--replace", backFile], restoredEnv);
      expect(replaced.code, replaced.stderr).toBe(0);
      expect(await databaseDigestAt(restoredDb)).toEqual(snapshot);
    },
    LONG,
  );
});

describe("refused restores", () => {
  it(
    "a truncated, garbage, corrupt or newer-schema file: exit 1, one line naming the problem, nothing written",
    async () => {
      const lines = await backupLines(backupFile);
      const bytes = await readFile(backupFile);
      const files: [string, Buffer | string[], RegExp][] = [
        ["truncated.gz", bytes.subarray(0, Math.floor(bytes.length / 2)), /truncated/],
        ["cut-at-trailer.gz", gzipSync(lines.slice(0, -1).join("\n") + "\n"), /truncated \(the trailer is missing\)/],
        ["garbage.gz", Buffer.from("PGDMP this is no backup\n"), /not an ikz-hub backup/],
        ["text.gz", gzipSync("create table x ();\n"), /not an ikz-hub backup/],
        ["empty.gz", Buffer.alloc(0), /not an ikz-hub backup/],
        ["corrupt.gz", gzipSync(lines.map((line) => line.replace("Herten", "Hertem")).join("\n") + "\n"), /corrupt \(/],
        [
          "newer.gz",
          [
            `H ${JSON.stringify({ ...JSON.parse(lines[0].slice(2)), migrations: [...(JSON.parse(lines[0].slice(2)) as { migrations: string[] }).migrations, "Migration20991231000000Future"] })}`,
            ...lines.slice(1),
          ],
          /from a newer schema: migration Migration20991231000000Future is unknown/,
        ],
      ];
      const target = await scratch.empty("backup_refuse");
      type Run = {
        name: string;
        content: Buffer | string[];
        expected: RegExp;
        file: string;
        env: Record<string, string>;
      };
      // Into an empty database, and the first three also into a data directory that does not exist yet.
      const runs = files.map(([name, content, expected], i): Run => ({
        name,
        content,
        expected,
        file: path.join(dir, name),
        env: i < 3 ? { DATA_DIR: path.join(dir, `never-${name}`) } : { DATABASE_URL: target },
      }));
      runs.push(...runs.slice(0, 3).map((run) => ({ ...run, env: { DATABASE_URL: target } })));
      for (const { file, content } of runs)
        if (Array.isArray(content)) await writeBackupLines(file, content);
        else await writeFile(file, content);
      const results = await Promise.all(runs.map(({ file, env }) => cli(["restore", file], env)));
      results.forEach((result, i) => {
        const { name, file, expected } = runs[i];
        expect(result.code, `${name}: ${result.stderr}`).toBe(1);
        expect(result.stdout).toBe("");
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toMatch(new RegExp(`^ikz-hub: Cannot restore ${file}: ${expected.source}`));
        expect(existsSync(path.join(dir, `never-${name}`)), name).toBe(false);
      });
      expect(await tableCount(target)).toBe(0);
    },
    LONG,
  );

  it(
    "a database that holds hub data is refused and left unchanged",
    async () => {
      const before = await databaseDigestAt(pg15Url);
      const result = await cli(["restore", backupFile], { DATABASE_URL: pg15Url });
      expect(result.code).toBe(1);
      expect(message(result)).toMatch(
        /^ikz-hub: The target database already holds hub data \(table \w+ has rows\); restore into an empty database, or pass --replace/,
      );
      expect(await databaseDigestAt(pg15Url)).toEqual(before);
    },
    LONG,
  );
});

describe("usage and the backup file", () => {
  const nowhere = { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };

  it(
    "--help exits 0; missing, extra and unknown arguments exit 2 with the usage",
    async () => {
      const helps = await Promise.all(["backup", "restore"].map((command) => cli([command, "--help"], nowhere)));
      helps.forEach((help, i) => {
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(new RegExp(`^Usage: npm run --silent hub -- ${["backup", "restore"][i]}`));
        expect(help.stderr).toBe("");
      });
      const wrong: string[][] = [
        ["backup"],
        ["backup", "a.gz", "b.gz"],
        ["backup", "--replace", "a.gz"],
        ["backup", ""],
        ["restore"],
        ["restore", "a.gz", "b.gz"],
        ["restore", "--force", "a.gz"],
        ["restore", "--replace=yes", "a.gz"],
      ];
      const results = await Promise.all(wrong.map((args) => cli(args, nowhere)));
      results.forEach((result, i) => {
        expect(result.code, wrong[i].join(" ")).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toContain(`Usage: npm run --silent hub -- ${wrong[i][0]}`);
      });
    },
    LONG,
  );

  it(
    "an unwritable path exits 1 naming it; a failed backup leaves no FILE.partial and an existing FILE as it was",
    async () => {
      await writeFile(path.join(dir, "a-file"), "x");
      await mkdir(path.join(dir, "a-directory.gz"));
      const cases: [string, RegExp][] = [
        [path.join(dir, "missing", "x.gz"), /no such directory/],
        [path.join(dir, "a-file", "x.gz"), /a part of the path is not a directory/],
        [path.join(dir, "a-directory.gz"), /it is a directory/],
      ];
      for (const [file, expected] of cases) {
        const result = await cli(["backup", file], { DATABASE_URL: pg15Url });
        expect(result.code, result.stderr).toBe(1);
        expect(message(result)).toMatch(new RegExp(`^ikz-hub: Cannot write the backup ${file}: ${expected.source}`));
        expect(existsSync(`${file}.partial`)).toBe(false);
      }
      const kept = path.join(dir, "kept.gz");
      await writeFile(kept, "the previous backup");
      const noSchema = await cli(["backup", kept], { DATABASE_URL: await scratch.empty("backup_none") });
      expect(noSchema.code).toBe(1);
      expect(message(noSchema)).toMatch(/holds no hub schema/);
      // Stopped by the file size limit halfway through writing: FILE keeps the previous backup.
      const limited = await finished(
        spawn("sh", ["-c", `ulimit -f 8; exec "${process.execPath}" "${MAIN}" backup "${kept}"`], {
          env: { PATH: process.env.PATH ?? "", DATABASE_URL: pg15Url },
        }),
      );
      expect(limited.code, limited.stderr).toBe(1);
      expect(message(limited)).toMatch(/^ikz-hub: Cannot write the backup \S+: the file grew past the size limit/);
      expect(existsSync(`${kept}.partial`)).toBe(false);
      expect(await readFile(kept, "utf8")).toBe("the previous backup");
    },
    LONG,
  );
});
