import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe("committed migrations", () => {
  it("bring the database exactly to the entities (run `npm run migration:create` after changing an entity)", async () => {
    const drift = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(drift.trim()).toBe("");
  });

  it("are all applied, in order, and none is pending", async () => {
    expect(await db.orm.migrator.getPendingMigrations()).toEqual([]);
    const executed = (await db.orm.migrator.getExecutedMigrations()).map((migration) => migration.name);
    expect(executed[0]).toMatch(/^Migration\d{14}$/);
    expect(executed).toEqual([...executed].sort());
  });

  it("sort names the German way", async () => {
    const rows: { name: string }[] = await db.orm.em.getConnection().execute("select name from provider order by name");
    const names = rows.map((row) => row.name);
    expect(names.indexOf("ekom21")).toBeLessThan(names.indexOf("KRZN"));
    expect(names.indexOf("regio iT")).toBeLessThan(names.indexOf("Unity AG"));
  });
});
