import { writeBackup } from "../database/backup.js";
import { attachDatabase } from "../database/database.js";
import { progressBar } from "./progress.js";
import type { CommandContext } from "./synthetic.command.js";
import { EXIT_OK, UsageError, parseCommandArgs } from "./usage.js";

/** The usage text of `backup`. */
export const BACKUP_USAGE = `Usage: npm run --silent hub -- backup FILE

Writes a backup of the hub's database to FILE (gzip; an existing FILE is replaced): every
table's rows from one consistent snapshot, the applied migrations and the sequences. Safe
while the hub serves: writers are not held up. The file is written as FILE.partial and
renamed when complete, so FILE is never half-written. Progress goes to stderr; stdout gets
one line with the file, its tables and rows. The database is the hub's: DATABASE_URL, or
else the embedded PostgreSQL under DATA_DIR. Restore it with \`restore FILE\`.

  --help     show this text
`;

/** The one-line message of a file system error on the backup's path. */
function fileError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    ENOENT: "no such directory",
    ENOTDIR: "a part of the path is not a directory",
    EISDIR: "it is a directory",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
    EFBIG: "the file grew past the size limit of this process (ulimit -f)",
  };
  if (code && reasons[code]) return new Error(`Cannot write the backup ${file}: ${reasons[code]}`);
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs `backup` and returns the exit code. */
export async function runBackupCommand(args: string[], { config, logger, io }: CommandContext): Promise<number> {
  const parsed = parseCommandArgs({ args, options: {}, strict: true, allowPositionals: true });
  if (parsed.positionals.length !== 1) throw new UsageError("backup takes exactly one FILE");
  const [file] = parsed.positionals;
  if (!file) throw new UsageError("FILE is empty");
  const database = await attachDatabase(config, logger, { migrations: "leave" });
  try {
    const bar = progressBar(io.stderr, "rows");
    const trailer = await writeBackup(database.orm.config.get("clientUrl")!, file, {
      start: (total) => bar.start(total, 0),
      update: (done) => bar.update(done),
      stop: () => bar.stop(),
    }).catch((error: unknown) => {
      bar.stop();
      throw fileError(file, error);
    });
    const rows = Object.values(trailer.rows).reduce((sum, n) => sum + n, 0);
    io.stdout.write(`${file}  ${Object.keys(trailer.rows).length} tables, ${rows} rows\n`);
  } finally {
    await database.close();
  }
  return EXIT_OK;
}
