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

  it("dates the undated first status the migration gave a published project, and keeps a history it has", async () => {
    const connection = db.orm.em.getConnection();
    const kita = `(select id from project where slug = 'herten-kita-online')`;
    // As migration ProjectStatusHistory leaves a project published before status histories existed.
    await connection.execute(`delete from project_status_change where project_id = ${kita}`);
    await connection.execute(
      `insert into project_status_change (project_id, status, since, recorded_at) select id, status, null, now() from project where slug = 'herten-kita-online'`,
    );
    await db.orm.seeder.seed(HubSeeder);
    const steps = () =>
      connection.execute(
        `select c.status, c.since, s.key from project_status_change c left join source s on s.id = c.source_id where c.project_id = ${kita} order by c.id`,
      );
    const dated = [{ status: "PLANNED", since: "2018-11", key: "herten-vorlage-18-203" }];
    expect(await steps()).toEqual(dated);
    // A later step of the project's own (an editor's) is not the seed's to change.
    await connection.execute(
      `insert into project_status_change (project_id, status, since, recorded_at) select id, 'IN_PROGRESS', '2026', now() from project where slug = 'herten-kita-online'`,
    );
    await db.orm.seeder.seed(HubSeeder);
    expect(await steps()).toEqual([...dated, { status: "IN_PROGRESS", since: "2026", key: null }]);
  });

  it("seeds at start-up only when the database holds no municipality", async () => {
    expect(await seedIfEmpty(db.orm, silent)).toBe(false);
  });
});
