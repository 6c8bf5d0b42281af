/**
 * Migrations under the advisory lock: two processes' worth of ORMs migrating one EMPTY database at once both
 * succeed, each migration runs once, and `migrationStatus` reads the result without changing anything.
 */
import type { MikroORM } from "@mikro-orm/postgresql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  connectOrm,
  MIGRATION_LOCK_KEY,
  migrate,
  migrationStatus,
  withMigrationLock,
} from "../../server/database/database.js";
import { migrations } from "../../server/database/migrations/index.js";
import { createLogger } from "../../server/logger.js";
import { seedIfEmpty } from "../../server/seeding.js";
import { withDatabase } from "../support/database-url.js";
import { withClient } from "../support/scratch-databases.js";

const silent = createLogger({ logLevel: "silent", logFormat: "json" });
const { adminUrl, prefix } = inject("testDatabase");
const name = `${prefix}_${process.pid}_migration_lock`;
const url = withDatabase(adminUrl, name);
const orms: MikroORM[] = [];

beforeAll(async () => {
  await withClient(adminUrl, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
  orms.push(await connectOrm(url), await connectOrm(url));
});
afterAll(async () => {
  await Promise.all(orms.map((orm) => orm.close(true)));
  await withClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
});

describe("migrations on an empty database", () => {
  it("--status style reading changes nothing: all pending, no migrations table created", async () => {
    const status = await migrationStatus(orms[0]);
    expect(status).toEqual({ applied: [], pending: migrations.map((m) => m.name), unknown: [] });
    const [{ table }] = await orms[0].em
      .getConnection()
      .execute<{ table: string | null }[]>("select to_regclass('mikro_orm_migrations')::text as \"table\"");
    expect(table).toBeNull();
  });

  it("two ORMs migrating at once both succeed, and each migration runs once", async () => {
    const [first, second] = await Promise.all(orms.map((orm) => migrate(orm, silent)));
    // One of them applied everything; the other waited for the lock and found nothing left to do.
    expect([first, second].sort((a, b) => b.length - a.length)).toEqual([migrations.map((m) => m.name), []]);
    const rows: { name: string; n: string }[] = await orms[0].em
      .getConnection()
      .execute("select name, count(*) as n from mikro_orm_migrations group by name order by name");
    expect(rows.map((row) => row.name)).toEqual(migrations.map((m) => m.name).sort());
    expect(rows.every((row) => Number(row.n) === 1)).toBe(true);
    const status = await migrationStatus(orms[1]);
    expect(status.pending).toEqual([]);
    expect(status.unknown).toEqual([]);
    expect(status.applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    // And again: nothing to do.
    expect(await migrate(orms[1], silent)).toEqual([]);
  });

  it("two ORMs seeding at once load the seed data once", async () => {
    const seeded = await Promise.all(orms.map((orm) => seedIfEmpty(orm, silent)));
    expect(seeded.sort()).toEqual([false, true]);
    const [{ n }] = await orms[0].em
      .getConnection()
      .execute<{ n: string }[]>("select count(*) as n from municipality where slug = 'herten'");
    expect(Number(n)).toBe(1);
  });

  it("reports applied migrations this version does not know (a newer hub's)", async () => {
    await orms[0].em
      .getConnection()
      .execute("insert into mikro_orm_migrations (name) values ('Migration29991231000000FromTheFuture')");
    const status = await migrationStatus(orms[0]);
    expect(status.unknown).toEqual(["Migration29991231000000FromTheFuture"]);
    expect(status.pending).toEqual([]);
  });
});

describe("withMigrationLock", () => {
  it("holds the advisory lock on its own connection while the work runs, and releases it after", async () => {
    const held = () =>
      withClient(adminUrl, async (client) => {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
            where l.locktype = 'advisory' and d.datname = $1 and l.granted
              and ((l.classid::bigint << 32) | l.objid::bigint) = $2::bigint`,
          [name, MIGRATION_LOCK_KEY],
        );
        return rows[0].n;
      });
    expect(await withMigrationLock(url, silent, held)).toBe(1);
    expect(await held()).toBe(0);
    // Released also when the work fails.
    await expect(withMigrationLock(url, silent, () => Promise.reject(new Error("migration failed")))).rejects.toThrow(
      "migration failed",
    );
    expect(await held()).toBe(0);
  });
});
