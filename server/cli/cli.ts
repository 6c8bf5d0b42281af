import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { BACKUP_USAGE, runBackupCommand } from "./backup.command.js";
import { MIGRATE_USAGE, runMigrateCommand } from "./migrate.command.js";
import { runReindexCommand, REINDEX_USAGE } from "./reindex.command.js";
import { RESTORE_USAGE, runRestoreCommand } from "./restore.command.js";
import { runSyntheticCommand, SYNTHETIC_USAGE } from "./synthetic.command.js";
import { asksForHelp, HELP_ARGS } from "./script-args.js";
import { runTokenCommand, TOKEN_USAGE } from "./token.command.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./usage.js";
import { hubVersion } from "../version.js";

/** The commands of the CLI: how to run each and its usage text. */
const COMMANDS = {
  token: { run: runTokenCommand, usage: TOKEN_USAGE, summary: "create, list and revoke API tokens" },
  reindex: { run: runReindexCommand, usage: REINDEX_USAGE, summary: "rebuild the search index from the database" },
  "seed-synthetic": {
    run: runSyntheticCommand,
    usage: SYNTHETIC_USAGE,
    summary: "add (or --remove) synthetic municipalities, for benchmarks",
  },
  migrate: {
    run: runMigrateCommand,
    usage: MIGRATE_USAGE,
    summary: "apply the database migrations this version lacks",
  },
  backup: {
    run: runBackupCommand,
    usage: BACKUP_USAGE,
    summary: "write the hub's data to a file, online (one snapshot)",
  },
  restore: {
    run: runRestoreCommand,
    usage: RESTORE_USAGE,
    summary: "load a backup file into an empty (or --replace) database",
  },
} as const;

/** The usage text of the CLI as a whole, for `--help`, `help` and an unknown command. */
export const CLI_USAGE = `Usage: npm run --silent hub -- <command> [options]
       node dist/server/main.js <command> [options]

Without a command the hub serves. The commands:

${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(17)}${summary}`)
  .join("\n")}

  help [<command>], <command> --help, -h   show the usage of the CLI or of a command; exit 0
  --version                                print the hub's version; exit 0

Exit codes: 0 done, 1 failed (bad configuration, unreachable database, unknown record),
2 wrong or missing arguments (with the usage on stderr).
`;

/** The command called `name`, if there is one. */
function commandNamed(name: string | undefined) {
  return Object.hasOwn(COMMANDS, name ?? "") ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
}

/**
 * Answers what needs no configuration: `--help`/`-h`/`help [<command>]` and `--version`
 * (exit 0, on stdout) and an unknown command (exit 2, usage on stderr); null for a
 * command to run.
 */
function answerWithoutConfig(args: string[], io: CliIo): number | null {
  const [name, ...rest] = args;
  if (name === "--version" && !rest.length) {
    io.stdout.write(`${hubVersion()}\n`);
    return EXIT_OK;
  }
  if (name === "help" || HELP_ARGS.includes(name ?? "")) {
    const topic = name === "help" ? rest[0] : undefined;
    const command = commandNamed(topic);
    if (topic !== undefined && (!command || rest.length > 1)) {
      io.stderr.write(
        `ikz-hub: no help for ${JSON.stringify(rest.join(" "))}; the commands are ${Object.keys(COMMANDS).join(", ")}\n\n${CLI_USAGE}`,
      );
      return EXIT_USAGE;
    }
    io.stdout.write(command ? command.usage : CLI_USAGE);
    return EXIT_OK;
  }
  const command = commandNamed(name);
  if (!command) {
    io.stderr.write(`ikz-hub: unknown command ${JSON.stringify(name ?? "")}\n\n${CLI_USAGE}`);
    return EXIT_USAGE;
  }
  if (asksForHelp(rest)) {
    io.stdout.write(command.usage);
    return EXIT_OK;
  }
  return null;
}

/**
 * Runs the command line `args` (without `node main.js`) and returns the exit code:
 * 0 on success (and for `--help`, `help <command>`, `--version`, answered before the
 * configuration is read), 2 on usage errors (usage on stderr), 1 on other failures.
 * Logs go to stderr, at `warn` unless LOG_LEVEL is set.
 */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = process,
): Promise<number> {
  const answered = answerWithoutConfig(args, io);
  if (answered !== null) return answered;
  const [name, ...rest] = args;
  const command = commandNamed(name)!;
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
