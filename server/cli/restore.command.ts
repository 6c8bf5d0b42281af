import { checkBackup, restoreBackup } from "../database/backup.js";
import { BackupFileError } from "../database/backup-file.js";
import { attachDatabase } from "../database/database.js";
import { progressBar } from "./progress.js";
import type { CommandContext } from "./synthetic.command.js";
import { EXIT_OK, UsageError, parseCommandArgs } from "./usage.js";

/** The usage text of `restore`. */
export const RESTORE_USAGE = `Usage: npm run --silent hub -- restore [--replace] FILE

Restores a backup written by \`backup\` into the hub's database (DATABASE_URL, or else the
embedded PostgreSQL under DATA_DIR, created when the directory is new). The whole file is
checked first; a file that is not a backup, is truncated or corrupt, or comes from a newer
version of the hub is refused and nothing is written. Then, in one transaction, the database
is migrated to the backup's schema, the rows are loaded and compared with the backup, the
sequences are set, and the migrations this version adds are applied. A database that already
holds hub data is refused unless --replace is given. Progress goes to stderr; stdout gets
one line with the rows restored.

  --replace  empty a database that holds hub data before restoring (its data is lost)
  --help     show this text
`;

/** Runs `restore` and returns the exit code. */
export async function runRestoreCommand(args: string[], { config, logger, io }: CommandContext): Promise<number> {
  const parsed = parseCommandArgs({
    args,
    options: { replace: { type: "boolean" } },
    strict: true,
    allowPositionals: true,
  });
  if (parsed.positionals.length !== 1) throw new UsageError("restore takes exactly one FILE");
  const [file] = parsed.positionals;
  if (!file) throw new UsageError("FILE is empty");
  const checked = await checkBackup(file).catch((error: unknown) => {
    throw error instanceof BackupFileError ? new Error(`Cannot restore ${file}: ${error.message}`) : error;
  });
  io.stderr.write(
    `${file}: backup of ${checked.header.createdAt} by ikz-hub ${checked.header.hubVersion} on PostgreSQL ${checked.header.server}, checked\n`,
  );
  const database = await attachDatabase(config, logger, { migrations: "leave" });
  try {
    const bar = progressBar(io.stderr, "rows");
    const result = await restoreBackup(database.orm, file, checked, {
      replace: Boolean(parsed.values.replace),
      progress: { start: (total) => bar.start(total, 0), update: (done) => bar.update(done), stop: () => bar.stop() },
    }).finally(() => bar.stop());
    io.stdout.write(
      `restored ${result.rows} rows into ${database.location}` +
        (result.upgraded.length ? `; then applied ${result.upgraded.length} newer migrations` : "") +
        "\n",
    );
  } finally {
    await database.close();
  }
  return EXIT_OK;
}
