import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { BACKUP_USAGE, runBackupCommand } from "./backup.command.js";
import { MIGRATE_USAGE, runMigrateCommand } from "./migrate.command.js";
import { runReindexCommand, REINDEX_USAGE } from "./reindex.command.js";
import { RESTORE_USAGE, runRestoreCommand } from "./restore.command.js";
import { runSyntheticCommand, SYNTHETIC_USAGE } from "./synthetic.command.js";
import { runTokenCommand, TOKEN_USAGE } from "./token.command.js";
import { type CliIo, EXIT_FAILURE, EXIT_USAGE, UsageError } from "./usage.js";

/** The commands of the CLI: how to run each and its usage text. */
const COMMANDS = {
  token: { run: runTokenCommand, usage: TOKEN_USAGE },
  reindex: { run: runReindexCommand, usage: REINDEX_USAGE },
  "seed-synthetic": { run: runSyntheticCommand, usage: SYNTHETIC_USAGE },
  migrate: { run: runMigrateCommand, usage: MIGRATE_USAGE },
  backup: { run: runBackupCommand, usage: BACKUP_USAGE },
  restore: { run: runRestoreCommand, usage: RESTORE_USAGE },
} as const;

/**
 * Runs the command line `args` (without `node main.js`) and returns the exit code:
 * 0 on success, 2 on usage errors (usage on stderr), 1 on other failures. Logs go to
 * stderr, at `warn` unless LOG_LEVEL is set.
 */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = process,
): Promise<number> {
  const [name, ...rest] = args;
  const command = Object.hasOwn(COMMANDS, name ?? "") ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
  if (!command) {
    io.stderr.write(
      `ikz-hub: unknown command ${JSON.stringify(name ?? "")}\n\n${Object.values(COMMANDS)
        .map((c) => c.usage)
        .join("\n")}`,
    );
    return EXIT_USAGE;
  }
  let config;
  try {
    config = loadConfig({ LOG_LEVEL: "warn", ...env }, false);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`ikz-hub: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  const logger = createLogger(config, { stream: "stderr" });
  try {
    return await command.run(rest, { config, logger, io });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ikz-hub: ${error.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`ikz-hub: ${message.split("\n")[0]}\n`);
    return EXIT_FAILURE;
  }
}
