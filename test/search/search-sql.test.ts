/**
 * The deployed search SQL: `server/search/search.sql` is what a freshly migrated database holds (that it is what the
 * features declare is test/search/search-declared.test.ts).
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlFileMigration } from "../../server/database/sql-migration.js";
import { renderSearchSql } from "../../server/search/search-sql.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

function rows<T>(sql: string): Promise<T[]> {
  return db.orm.em.getConnection().execute<T[]>(sql, [], "all");
}

function committedSql(): Promise<string> {
  return readFile(new URL("../../server/search/search.sql", import.meta.url), "utf8");
}

describe("the deployed search SQL", () => {
  it("server/search/search.sql is what the migrations deploy (`npm run search:emit` writes it)", async () => {
    expect(await committedSql()).toBe(await renderSearchSql(rows));
  });

  it("reverting from SearchLocks on restores the first functions; migrating again deploys search.sql", async () => {
    const own = await createTestDatabase();
    try {
      const run = <T>(sql: string) => own.orm.em.getConnection().execute<T[]>(sql, [], "all");
      const reverted = await own.orm.migrator.down({ to: "Migration20261130090000SearchLocks" });
      expect(reverted.map((migration) => migration.name).slice(-3)).toEqual([
        "Migration20261130110000SearchTitleFilters",
        "Migration20261130100000SearchSpeed",
        "Migration20261130090000SearchLocks",
      ]);
      const functions = await run<{ name: string }>(
        "select format('%s(%s)', proname, pg_get_function_identity_arguments(oid)) as name from pg_proc " +
          "where proname in ('search_refresh', 'search_cascade') order by 1",
      );
      expect(functions.map(({ name }) => name)).toEqual([
        "search_cascade(p_type text, p_ids integer[])",
        "search_refresh(p_type text, p_ids integer[])",
      ]);
      await own.orm.migrator.up();
      expect(await renderSearchSql(run)).toBe(await committedSql());
    } finally {
      await own.close();
    }
  });
});

/** A migration kept as `up.sql` and `down.sql`, as new search migrations are written. */
class ProbeMigration extends SqlFileMigration {
  protected readonly folder = new URL("./fixtures/sql-migration/", import.meta.url);
}

describe("SqlFileMigration", () => {
  it("runs its up.sql and down.sql, each as one batch of statements", async () => {
    const driver = db.orm.em.getDriver();
    const run = async (method: "up" | "down") => {
      const migration = new ProbeMigration(driver, db.orm.config);
      await migration[method]();
      expect(migration.getQueries()).toHaveLength(1);
      for (const query of migration.getQueries()) await driver.execute(query as string);
    };
    await run("up");
    expect(await rows<{ n: string }>("select sql_file_probe_count() as n")).toEqual([{ n: "0" }]);
    await run("down");
    expect(await rows("select 1 from pg_class where relname = 'sql_file_probe'")).toEqual([]);
  });
});
