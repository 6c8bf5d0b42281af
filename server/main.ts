/**
 * Entry point of `npm start`: reads the configuration, starts the hub and owns
 * the process's signals. Bad configuration or a failed start prints one line
 * and exits 1; Ctrl-C shuts down cleanly and exits 0.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
import { Hub } from "./hub.js";
import { createLogger } from "./logger.js";

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`ikz-hub: ${error.message}`);
  process.exit(1);
}

const logger = createLogger(config);
const hub = new Hub({ config, logger });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    logger.warn({ signal }, "second signal during shutdown; exiting now");
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, "shutting down");
  try {
    await hub.stop();
    logger.info("stopped cleanly");
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, "shutdown failed");
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  const { url, dataLocation } = await hub.start();
  logger.info({ url, data: dataLocation }, `ikz-hub serves GraphQL at ${url}; data in ${dataLocation}`);
} catch (error) {
  logger.fatal(`ikz-hub could not start: ${oneLine(error)}`);
  await hub.stop().catch(() => undefined);
  process.exit(1);
}
