/**
 * Writes a new migration with the SQL that brings a database with all committed
 * migrations up to the current entities. Runs against a throw-away embedded
 * PostgreSQL so that no real data is touched. Usage: `npm run migration:create`.
 */
import "reflect-metadata";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { connectOrm, ensureDatabase } from "../database/database.js";
import { embeddedPostgresUrl, findFreePort, startEmbeddedPostgres } from "../database/embedded-postgres.js";
import { createLogger } from "../logger.js";

const logger = createLogger({ logLevel: "info", logFormat: "pretty" });
const dir = await mkdtemp(path.join(os.tmpdir(), "ikz-migration-"));
await chmod(dir, 0o755);
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), logger });
try {
  await ensureDatabase(pg.adminUrl, "scratch");
  const orm = await connectOrm(embeddedPostgresUrl(pg.port, "scratch"));
  try {
    await orm.migrator.up();
    const result = await orm.migrator.createMigration("server/database/migrations");
    if (!result.fileName) {
      logger.info("entities and migrations agree; no migration written");
    } else {
      const className = result.fileName.replace(/\.ts$/, "");
      const indexFile = "server/database/migrations/index.ts";
      let index = await readFile(indexFile, "utf8");
      index = index.replace(
        /(import type \{ MigrationObject \} from "@mikro-orm\/core";\n)/,
        `$1import { ${className} } from "./${className}.js";\n`,
      );
      index = index
        .replace(/\];\s*$/, `  { name: "${className}", class: ${className} },\n];\n`)
        .replace("[  {", "[\n  {");
      await writeFile(indexFile, index);
      logger.info(
        { file: result.fileName },
        "wrote migration and registered it in migrations/index.ts; review the SQL",
      );
    }
  } finally {
    await orm.close(true);
  }
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
