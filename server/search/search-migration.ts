/**
 * Writes a search migration when the features' search declarations differ from what a database has deployed:
 * `up.sql` is the declared SQL (server/search/search-ddl.ts), `down.sql` the deployed definitions it replaces.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Searchable } from "../../schema/search/searchable-types.js";
import { searchDdl } from "./search-ddl.js";
import { renderDeployedSearchDdl, renderSearchSql, renderSearchSqlWith, type SqlClient } from "./search-sql.js";

/** A migration written to disk: its class name, and its module's file. */
export interface WrittenMigration {
  className: string;
  file: string;
}

/** `Migration<yyyyMMddHHmmss>Search`, from a moment in UTC. */
function searchMigrationName(at: Date): string {
  return `Migration${at.toISOString().replace(/\D/g, "").slice(0, 14)}Search`;
}

/**
 * Writes `<dir>/<name>.ts` (a SqlFileMigration) and `<dir>/<name>/{up,down}.sql` when deploying `types` would change
 * the search SQL of the database `client` is connected to; null when it would not.
 */
export async function writeSearchMigration(
  client: SqlClient,
  types: readonly Searchable[],
  dir: string,
  at = new Date(),
): Promise<WrittenMigration | null> {
  const run = async <T>(sql: string) => (await client.query<T>(sql)).rows;
  const up = searchDdl(types);
  if ((await renderSearchSqlWith(client, up)) === (await renderSearchSql(run))) return null;
  const className = searchMigrationName(at);
  await mkdir(path.join(dir, className), { recursive: true });
  await writeFile(path.join(dir, className, "up.sql"), `${up}\n`);
  await writeFile(path.join(dir, className, "down.sql"), `${await renderDeployedSearchDdl(run)}\n`);
  const file = path.join(dir, `${className}.ts`);
  await writeFile(
    file,
    `import { SqlFileMigration } from "../sql-migration.js";

/**
 * Deploys the features' search declarations (server/search/search-ddl.ts), written by \`npm run migration:create\`;
 * \`down.sql\` restores the definitions deployed before.
 */
export class ${className} extends SqlFileMigration {
  protected readonly folder = new URL("./${className}/", import.meta.url);
}
`,
  );
  return { className, file };
}
