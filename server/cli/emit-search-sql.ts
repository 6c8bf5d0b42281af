/**
 * Writes `server/search/search.sql` from a migrated database: the hub's (`DATABASE_URL`, or the embedded one, started
 * and migrated if no hub runs). Usage: `npm run search:emit`.
 */
import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { attachDatabase } from "../database/database.js";
import { createLogger } from "../logger.js";
import { renderSearchSql } from "../search/search-sql.js";
import { scriptArgs } from "./script-args.js";

scriptArgs(
  "search:emit",
  `Usage: npm run search:emit

Writes server/search/search.sql from a migrated database: the hub's (DATABASE_URL, or the embedded
PostgreSQL under DATA_DIR, started and migrated if no hub runs). Takes no options.
`,
  {},
);
const config = loadConfig({ LOG_LEVEL: "warn", ...process.env }, false);
const database = await attachDatabase(config, createLogger(config, { stream: "stderr" }));
try {
  const connection = database.orm.em.getConnection();
  await writeFile("server/search/search.sql", await renderSearchSql((sql) => connection.execute(sql, [], "all")));
  console.log("wrote server/search/search.sql");
} finally {
  await database.close();
}
