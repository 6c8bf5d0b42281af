/**
 * `reindex` and `seed-synthetic` against a cloned test database (DATABASE_URL), run in
 * process as `runCli` runs them. The synthetic set here is two municipalities: enough to
 * see it indexed and removed again; the benchmark's 11,000 stay out of the test suite.
 */
import { Writable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../server/cli/cli.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

/** Runs the CLI with the test database and returns exit code and output. */
async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await runCli(
    args,
    { DATABASE_URL: db.url, LOG_LEVEL: "silent", SEED_ON_START: "false", ...env },
    {
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text)),
    },
  );
  return { code, stdout, stderr };
}

const count = async (where = "true") =>
  (
    await db.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from search_document where ${where}`, [], "all")
  )[0].n;

describe("npm run reindex", () => {
  it("rebuilds every document, drops stale ones, and prints the count", async () => {
    const documents = await count();
    await db.orm.em.getConnection().execute("delete from search_document where type = 'Project'");
    await db.orm.em
      .getConnection()
      .execute(
        "insert into search_document (type, entity_id, title, tsv, title_tsv) values ('Project', 999999, 'Stale', to_tsvector('x'), to_tsvector('x'))",
      );
    // A document of a type no longer searched (as after a type is retired) is stale too.
    await db.orm.em
      .getConnection()
      .execute(
        "insert into search_document (type, entity_id, title, tsv, title_tsv) values ('Retired', 1, 'Stale', to_tsvector('x'), to_tsvector('x'))",
      );
    const result = await cli(["reindex"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${documents}\n`);
    expect(result.stderr).toMatch(/Reindexed \d+ documents \(2 stale removed\)/);
    expect(await count()).toBe(documents);
  });

  it("keeps the document of a record that a concurrent transaction makes searchable again while it cleans up", async () => {
    const execute = <T>(sql: string, params: unknown[] = []) =>
      db.orm.em.getConnection().execute<T[]>(sql, params, "all");
    // A published project without lessons and alone in its lock bucket (id % 128), so that publishing it locks nothing
    // that reindex's first pass over the other projects needs.
    const [{ id }] = await execute<{ id: number }>(
      `select p.id from project p where p.publication_state = 'PUBLISHED'
          and exists (select 1 from search_document d where d.type = 'Project' and d.entity_id = p.id)
          and not exists (select 1 from lesson_learned l where l.project_id = p.id)
          and not exists (select 1 from project q where q.id <> p.id and q.id % 128 = p.id % 128)
        order by p.id limit 1`,
    );
    const connect = async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      return client;
    };
    // Unpublished behind the triggers' back: its document is stale, the kind reindex removes.
    const bulk = await connect();
    await bulk.query("set ikz.search_deferred = 'on'");
    await bulk.query("update project set publication_state = 'DRAFT' where id = $1", [id]);
    await bulk.end();
    // A writer publishes it again and holds its transaction open while reindex runs.
    const writer = await connect();
    try {
      await writer.query("begin");
      await writer.query("update project set publication_state = 'PUBLISHED' where id = $1", [id]);
      let settled = false;
      const reindex = cli(["reindex"]).finally(() => (settled = true));
      // Reindex either finished or waits for one of the writer's locks.
      for (;;) {
        if (settled) break;
        const waiting = await execute(
          "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (waiting.length) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await writer.query("commit");
      const result = await reindex;
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/\(0 stale removed\)/);
    } finally {
      await writer.end();
    }
    expect(await count(`type = 'Project' and entity_id = ${id}`)).toBe(1);
  });

  it("with MEILI_HOST, queues every document for Meilisearch (a hub's outbox worker sends them)", async () => {
    const documents = await count();
    // Nothing listens there: reindex only writes the outbox, it does not talk to Meilisearch.
    const result = await cli(["reindex"], { MEILI_HOST: "http://127.0.0.1:9" });
    expect(result.code).toBe(0);
    const queued = await db.orm.em
      .getConnection()
      .execute<{ n: number }[]>("select count(distinct (type, entity_id))::int as n from search_outbox", [], "all");
    expect(queued[0].n).toBe(documents);
    await db.orm.em.getConnection().execute("update search_state set value = 'off' where key = 'outbox'");
    await db.orm.em.getConnection().execute("delete from search_outbox");
  });

  it("with --force, rewrites also documents whose text is unchanged, so that their vectors are computed anew", async () => {
    const execute = <T>(sql: string) => db.orm.em.getConnection().execute<T[]>(sql, [], "all");
    const broken = () =>
      execute<{ n: number }>(
        "select count(*)::int as n from search_document where tsv <> search_vector(title, summary, body, context)",
      );
    await execute(
      "update search_document set tsv = to_tsvector('simple', 'kaputt') where type = 'Project' and entity_id = (select min(entity_id) from search_document where type = 'Project')",
    );
    expect((await broken())[0].n).toBe(1);
    const plain = await cli(["reindex"]);
    expect(plain.code).toBe(0);
    expect((await broken())[0].n).toBe(1);
    const forced = await cli(["reindex", "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(`${await count()}\n`);
    expect((await broken())[0].n).toBe(0);
  });

  it("rejects an unknown flag with its usage", async () => {
    const result = await cli(["reindex", "--all"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--all'/);
    expect(result.stderr).toMatch(/Usage: npm run reindex \[-- --force\]/);
  });
});

describe("npm run seed:synthetic", () => {
  it("adds indexed synthetic municipalities and removes them again", async () => {
    const before = await count();
    const added = await cli([
      "seed-synthetic",
      "--municipalities",
      "2",
      "--projects-per-municipality",
      "3",
      "--into-live-database",
    ]);
    expect(added.code).toBe(0);
    // Per municipality: itself, a strategy, five fields of action, three projects, one lesson.
    expect(added.stdout).toBe(`${2 * 11}\n`);
    expect(await count("municipality_slug like 'synthetic-%'")).toBe(22);
    const removed = await cli(["seed-synthetic", "--remove"]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe("2\n");
    expect(await count()).toBe(before);
  });

  it("with the outbox on, queues the added documents and the removed ones for Meilisearch", async () => {
    const execute = <T>(sql: string) => db.orm.em.getConnection().execute<T[]>(sql, [], "all");
    const synthetic = "select type, entity_id from search_document where municipality_slug like 'synthetic-%'";
    const queued = async () =>
      (
        await execute<{ key: string }>("select distinct type || ':' || entity_id as key from search_outbox order by 1")
      ).map((row) => row.key);
    await execute(
      "insert into search_state (key, value) values ('outbox', 'on') on conflict (key) do update set value = 'on'",
    );
    try {
      await execute("delete from search_outbox");
      expect(
        (
          await cli([
            "seed-synthetic",
            "--municipalities",
            "2",
            "--projects-per-municipality",
            "3",
            "--into-live-database",
          ])
        ).code,
      ).toBe(0);
      const added = (
        await execute<{ key: string }>(`select type || ':' || entity_id as key from (${synthetic}) d order by 1`)
      ).map((row) => row.key);
      expect(added).toHaveLength(22);
      expect(await queued()).toEqual(added);

      await execute("delete from search_outbox");
      expect((await cli(["seed-synthetic", "--remove"])).code).toBe(0);
      expect(await count("municipality_slug like 'synthetic-%'")).toBe(0);
      expect(await queued()).toEqual(added);
    } finally {
      await execute("update search_state set value = 'off' where key = 'outbox'");
      await execute("delete from search_outbox");
    }
  });

  it("refuses bad numbers with its usage", async () => {
    const result = await cli(["seed-synthetic", "--municipalities", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--municipalities must be a whole number from 1 to 99999/);
    expect(result.stderr).toMatch(/Usage: npm run seed:synthetic/);
  });
});
