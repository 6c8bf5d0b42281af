import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";
import { inject } from "vitest";
import type { Feature } from "../../schema/features.types.js";
import { connectOrm } from "../../server/database/database.js";
import type { Database } from "../../server/database/database.js";
import { withDatabase } from "./database-url.js";

let counter = 0;

/** A database of its own for one test file: a clone of the migrated, seeded template. */
export interface TestDatabase extends Database {
  readonly url: string;
  /** SQL statements run since the last `resetQueryCount()`. */
  readonly queries: string[];
  resetQueryCount(): void;
}

/**
 * Clones the template database and connects an ORM to the clone (with a statement timeout, as a hub's); `close()`
 * drops it. The ORM manages the entities of `features` when given (a fixture's feature composed with the hub's).
 */
export async function createTestDatabase(
  statementTimeoutMs?: number,
  features?: readonly Feature[],
): Promise<TestDatabase> {
  const { adminUrl, template, prefix } = inject("testDatabase");
  const name = `${prefix}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const queries: string[] = [];
  const orm: MikroORM = await connectOrm(url, (sql) => queries.push(sql), statementTimeoutMs, features);
  return {
    orm,
    url,
    location: url,
    queries,
    resetQueryCount: () => {
      queries.length = 0;
    },
    close: async () => {
      await orm.close(true);
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`).finally(() => cleanup.end());
    },
  };
}
