import "reflect-metadata";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connectOrm, redactUrl } from "../../server/database/database.js";
import { withDatabase } from "./database-url.js";
import { findFreePort, startEmbeddedPostgres } from "../../server/database/embedded-postgres.js";
import { createLogger } from "../../server/logger.js";
import { HubSeeder } from "../../seeds/hub.seeder.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where test files clone their databases from. */
    testDatabase: { adminUrl: string; template: string; prefix: string };
  }
}

/**
 * Starts one PostgreSQL for the run (embedded, or the server of DATABASE_URL),
 * builds a template database with all migrations and the seed data, and hands
 * its name to the test files, which clone it (about 0.1 s each).
 */
export async function setup(project: TestProject) {
  const logger = createLogger({ logLevel: "warn", logFormat: "json" });
  const prefix = `ikz_test_${process.pid}`;
  const template = `${prefix}_template`;
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
    console.log(`tests use the external PostgreSQL at ${redactUrl(adminUrl)}`);
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ikz-test-pg-"));
    // The server runs as the OS user postgres, which must be able to enter the directory.
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), logger });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
    console.log(`tests use an embedded PostgreSQL on port ${server.port}`);
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dropAll = async () => {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  };
  try {
    await dropAll();
    await admin.query(`create database "${template}"`);
    const orm = await connectOrm(withDatabase(adminUrl, template));
    try {
      await orm.migrator.up();
      await orm.seeder.seed(HubSeeder);
    } finally {
      await orm.close(true);
    }
  } catch (error) {
    await admin.end();
    await stopServer();
    throw error;
  }
  project.provide("testDatabase", { adminUrl, template, prefix });
  return async () => {
    await dropAll();
    await admin.end();
    await stopServer();
  };
}
