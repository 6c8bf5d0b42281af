import { attachDatabase, migrate, migrationStatus, type MigrationStatus } from "../database/database.js";
import type { CommandContext } from "./synthetic.command.js";
import { EXIT_OK, parseCommandArgs } from "./usage.js";

/** The usage text of `migrate`. */
export const MIGRATE_USAGE = `Usage: npm run --silent hub -- migrate [--status]

Applies the migrations of this version of the hub that the database lacks, and prints
the name of each one applied. The hub applies them at start-up too; run this before
deploying a new version to change the schema ahead of it. Hubs starting together and
this command take turns under a PostgreSQL advisory lock, so each migration runs once.
The database is the hub's: DATABASE_URL, or else the embedded PostgreSQL under DATA_DIR.

  --status   list the applied and the pending migrations; changes nothing
  --help     show this text
`;

/** The options of `migrate`, checked before the database is touched. */
function parse(args: string[]): { status: boolean } {
  const { values } = parseCommandArgs({
    args,
    options: { status: { type: "boolean" } },
    strict: true,
    allowPositionals: false,
  });
  return { status: Boolean(values.status) };
}

/** The lines of `migrate --status`: one per migration, then a summary. */
function statusLines({ applied, pending, unknown }: MigrationStatus): string[] {
  const newer = new Set(unknown);
  return [
    ...applied.map(
      ({ name, executedAt }) =>
        `applied  ${name}  ${executedAt.toISOString()}${newer.has(name) ? "  (unknown to this version)" : ""}`,
    ),
    ...pending.map((name) => `pending  ${name}`),
    `${applied.length} applied, ${pending.length} pending` +
      (unknown.length ? `; ${unknown.length} unknown to this version: the database was migrated by a newer hub` : ""),
  ];
}

/** Runs `migrate` and returns the exit code. */
export async function runMigrateCommand(args: string[], { config, logger, io }: CommandContext): Promise<number> {
  const options = parse(args);
  const database = await attachDatabase(config, logger, { migrations: "leave" });
  try {
    if (options.status) {
      io.stdout.write(`${statusLines(await migrationStatus(database.orm)).join("\n")}\n`);
      return EXIT_OK;
    }
    const applied = await migrate(database.orm, logger);
    const { applied: all } = await migrationStatus(database.orm);
    io.stdout.write(
      applied.length
        ? `${applied.map((name) => `applied  ${name}`).join("\n")}\n${applied.length} migrations applied; ${all.length} in all\n`
        : `nothing to apply; the database has all ${all.length} migrations\n`,
    );
  } finally {
    await database.close();
  }
  return EXIT_OK;
}
