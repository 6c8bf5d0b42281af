import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { runTokenCommand, TOKEN_USAGE } from "./token.command.js";
import { type CliIo, EXIT_FAILURE, EXIT_USAGE, UsageError } from "./usage.js";

/**
 * Runs the command line `args` (without `node main.js`) and returns the exit code:
 * 0 on success, 2 on usage errors (usage on stderr), 1 on other failures. Logs go to
 * stderr, at `warn` unless LOG_LEVEL is set.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = process): Promise<number> {
  const [command, ...rest] = args;
  if (command !== "token") {
    io.stderr.write(`ikz-hub: unknown command ${JSON.stringify(command ?? "")}\n\n${TOKEN_USAGE}`);
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
    return await runTokenCommand(rest, { config, logger, io });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ikz-hub: ${error.message}\n\n${TOKEN_USAGE}`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`ikz-hub: ${message.split("\n")[0]}\n`);
    return EXIT_FAILURE;
  }
}
