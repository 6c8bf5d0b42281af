import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { Project } from "../../schema/project/project.entity.js";
import { seedData } from "../../seeds/data/index.js";
import { HubSeeder } from "../../seeds/hub.seeder.js";
import { createLogger } from "../../server/logger.js";
import { seedIfEmpty } from "../../server/seeding.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { databaseDigest } from "../support/digest.js";

let db: TestDatabase;
const silent = createLogger({ logLevel: "silent", logFormat: "json" });

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe("seeding", () => {
  it("loaded every city and project of the seed data", async () => {
    const em = db.orm.em.fork();
    expect(await em.count(Municipality)).toBe(seedData.cities.length);
    expect(await em.count(Project)).toBe(seedData.cities.reduce((sum, city) => sum + city.projects.length, 0));
  });

  it("is idempotent: a second run writes nothing and changes no row", async () => {
    const before = await databaseDigest(db.orm);
    db.resetQueryCount();
    await db.orm.seeder.seed(HubSeeder);
    const writes = db.queries.filter((sql) => /^\[query\] (insert|update|delete)/i.test(sql));
    expect(writes).toEqual([]);
    expect(await databaseDigest(db.orm)).toEqual(before);
  });

  it("puts a changed fact right on the next run without duplicating anything", async () => {
    const em = db.orm.em.fork();
    const project = await em.findOneOrFail(Project, { slug: "herten-kita-online" });
    const original = project.title;
    project.title = "Falscher Titel";
    await em.flush();
    await db.orm.seeder.seed(HubSeeder);
    const again = await db.orm.em.fork().findOneOrFail(Project, { slug: "herten-kita-online" });
    expect(again.title).toBe(original);
    expect(await db.orm.em.fork().count(Project, { slug: "herten-kita-online" })).toBe(1);
  });

  it("seeds at start-up only when the database holds no municipality", async () => {
    expect(await seedIfEmpty(db.orm, silent)).toBe(false);
  });
});
