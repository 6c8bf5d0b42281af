/**
 * Entry point of `npm start` and of the CLI. Without arguments it serves: reads the
 * configuration, starts tracing when the OTEL_* variables ask for it, starts the hub and
 * owns the process's signals; bad configuration or a failed start prints one line and
 * exits 1; Ctrl-C shuts down cleanly (the hub, then the last spans) and exits 0.
 * With arguments (`token …`) it runs the CLI and exits with its code.
 *
 * The hub and the CLI are imported dynamically, after tracing has started: its
 * instrumentations can only patch express, pg and graphql as they load.
 */
import "reflect-metadata";
import { getHeapStatistics } from "node:v8";
import { ConfigError, type HubConfig, loadConfig } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import type { Tracing } from "./telemetry/tracing.js";

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}

/** The signals that stop the hub: Ctrl-C, a supervisor's stop, and the terminal closing (SIGHUP). */
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Starts tracing when the OTEL_* variables ask for it; with tracing off, the SDK is not even loaded. */
async function startTracingIfAsked(config: HubConfig, logger: Logger): Promise<Tracing | undefined> {
  if (!config.tracing) return undefined;
  const { startTracing } = await import("./telemetry/tracing.js");
  const tracing = await startTracing(config.tracing, logger);
  logger.info({ exporters: config.tracing.exporters, protocol: config.tracing.protocol }, "tracing on");
  return tracing;
}

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
  const tracing = await startTracingIfAsked(config, logger);
  const { Hub } = await import("./hub.js");
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
    // After the hub, so that the spans of its last requests are sent too.
    await tracing?.shutdown().catch((error) => logger.warn({ err: error }, "tracing did not shut down cleanly"));
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
    if (!stopping) announce(logger, url, dataLocation);
  } catch (error) {
    if (!stopping) {
      logger.fatal(`ikz-hub could not start: ${oneLine(error)}`);
      await shutdown("failed start", 1);
    }
  }
}

/** Logs where the started hub serves what, and the heap's bound as the Node options set it (README, "Memory"). */
function announce(logger: Logger, url: string, dataLocation: string): void {
  const site = new URL("/", url).href;
  const explorer = new URL("/explorer", url).href;
  const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  logger.info(
    { url, site, explorer, data: dataLocation, heapLimitMb },
    `ikz-hub serves GraphQL at ${url}, its web pages at ${site} and the explorer at ${explorer}; data in ${dataLocation}`,
  );
}

const args = process.argv.slice(2);
if (args.length > 0) {
  const { runCli } = await import("./cli/cli.js");
  process.exit(await runCli(args));
} else {
  await serve();
}
