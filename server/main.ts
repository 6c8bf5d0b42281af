/**
 * Entry point of `npm start` and of the CLI. Without arguments it serves: reads the
 * configuration, starts the hub and owns the process's signals; bad configuration or
 * a failed start prints one line and exits 1; Ctrl-C shuts down cleanly and exits 0.
 * With arguments (`token …`) it runs the CLI and exits with its code.
 */
import "reflect-metadata";
import { runCli } from "./cli/cli.js";
import { ConfigError, loadConfig } from "./config.js";
import { Hub } from "./hub.js";
import { createLogger } from "./logger.js";

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}

/** The signals that stop the hub: Ctrl-C, a supervisor's stop, and the terminal closing (SIGHUP). */
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Serves until a signal or a failure ends the process. */
async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`ikz-hub: ${error.message}`);
    process.exit(1);
  }

  const logger = createLogger(config);
  // The embedded PostgreSQL died and did not restart: exit non-zero, for a supervisor to restart the hub whole.
  const hub = new Hub({
    config,
    logger,
    onFatal: (error) => {
      logger.fatal(error.message);
      void shutdown("database lost", 1);
    },
  });

  let stopping = false;
  /** The one way out: stops the hub (waiting for a start in progress), then exits with `code`. */
  async function shutdown(reason: string, code: number): Promise<void> {
    if (stopping) {
      if (SIGNALS.includes(reason as NodeJS.Signals)) {
        logger.warn({ signal: reason }, "second signal during shutdown; exiting now");
        process.exit(1);
      }
      return;
    }
    stopping = true;
    logger.info({ reason }, "shutting down");
    try {
      await hub.stop();
      logger.info("stopped cleanly");
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      code = 1;
    }
    process.exit(code);
  }
  for (const signal of SIGNALS) process.on(signal, () => void shutdown(signal, 0));
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception");
    void shutdown("uncaught exception", 1);
  });
  process.on("unhandledRejection", (error) => {
    logger.fatal({ err: error }, "unhandled promise rejection");
    void shutdown("unhandled promise rejection", 1);
  });

  try {
    const { url, dataLocation } = await hub.start();
    const site = new URL("/", url).href;
    const explorer = new URL("/explorer", url).href;
    if (!stopping) {
      logger.info(
        { url, site, explorer, data: dataLocation },
        `ikz-hub serves GraphQL at ${url}, its web pages at ${site} and the explorer at ${explorer}; data in ${dataLocation}`,
      );
    }
  } catch (error) {
    if (!stopping) {
      logger.fatal(`ikz-hub could not start: ${oneLine(error)}`);
      await shutdown("failed start", 1);
    }
  }
}

const args = process.argv.slice(2);
if (args.length > 0) {
  process.exit(await runCli(args));
} else {
  await serve();
}
