/**
 * Writes the migrations that bring a database with all committed migrations up to the code: one with the SQL the
 * entities need (MikroORM's schema diff), and one with the search SQL the features declare when it differs from
 * what is deployed (server/search/search-migration.ts). Runs against a throw-away embedded PostgreSQL so that no
 * real data is touched. Usage: `npm run migration:create`.
 */
import "reflect-metadata";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";
import { features } from "../../schema/features.js";
import { searchableOf } from "../../schema/search/searchable-types.js";
import { connectOrm, ensureDatabase } from "../database/database.js";
import { embeddedPostgresUrl, findFreePort, startEmbeddedPostgres } from "../database/embedded-postgres.js";
import { createLogger } from "../logger.js";
import { writeSearchMigration } from "../search/search-migration.js";
import { scriptArgs } from "./script-args.js";

const MIGRATIONS = "server/database/migrations";
const logger = createLogger({ logLevel: "info", logFormat: "pretty" });

/** Adds a migration class to `migrations/index.ts`, after the others. */
async function register(className: string): Promise<void> {
  const indexFile = `${MIGRATIONS}/index.ts`;
  let index = await readFile(indexFile, "utf8");
  index = index.replace(
    /(import type \{ MigrationObject \} from "@mikro-orm\/core";\n)/,
    `$1import { ${className} } from "./${className}.js";\n`,
  );
  index = index.replace(/\];\s*$/, `  { name: "${className}", class: ${className} },\n];\n`).replace("[  {", "[\n  {");
  await writeFile(indexFile, index);
}

/** The entities' migration; then the scratch database gets its tables, which the search SQL may name. */
async function entityMigration(orm: MikroORM): Promise<void> {
  const result = await orm.migrator.createMigration(MIGRATIONS);
  if (!result.fileName) return logger.info("entities and migrations agree; no entity migration written");
  await register(result.fileName.replace(/\.ts$/, ""));
  await orm.schema.updateSchema({ dropTables: false });
  logger.info({ file: result.fileName }, "wrote migration and registered it in migrations/index.ts; review the SQL");
}

/** The search migration, one second after the entities' so that it runs after it. */
async function searchMigration(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const at = new Date(Date.now() + 1000);
    const written = await writeSearchMigration(client, searchableOf(features), MIGRATIONS, at);
    if (!written) return logger.info("the search declarations are deployed; no search migration written");
    await register(written.className);
    logger.info({ file: written.file }, "wrote search migration (up.sql, down.sql) and registered it; review the SQL");
  } finally {
    await client.end();
  }
}

scriptArgs(
  "migration:create",
  `Usage: npm run migration:create

Writes the migrations that bring a database with all committed migrations up to the code: the
entities' SQL (MikroORM's schema diff) and the search SQL the features declare, each registered in
server/database/migrations/index.ts. Runs against a throw-away embedded PostgreSQL. Takes no options.
`,
  {},
);

const dir = await mkdtemp(path.join(os.tmpdir(), "ikz-migration-"));
await chmod(dir, 0o755);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), logger });
try {
  await ensureDatabase(postgres.adminUrl, "scratch");
  const url = embeddedPostgresUrl(postgres.port, "scratch");
  const orm = await connectOrm(url);
  try {
    await orm.migrator.up();
    await entityMigration(orm);
    await searchMigration(url);
  } finally {
    await orm.close(true);
  }
} finally {
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}
