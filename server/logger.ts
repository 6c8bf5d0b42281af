import os from "node:os";
import { type DestinationStream, pino, type Logger } from "pino";
import pinoPretty from "pino-pretty";
import type { HubConfig } from "./config.js";

export type { Logger } from "pino";

/**
 * What every JSON log line carries besides its message: the service, the host and the process, so that the
 * lines of several instances can be told apart, and an ISO 8601 time (`"time":"2026-12-05T20:01:02.345Z"`).
 */
export function logLineOptions(level: HubConfig["logLevel"]) {
  return {
    level,
    base: { service: "ikz-hub", hostname: os.hostname(), pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

/**
 * Creates the hub's structured logger: one JSON line per event, or a readable
 * coloured line when a person watches a terminal (`LOG_FORMAT=pretty`). The hub logs
 * to stdout; the CLI passes `stream: "stderr"`, because its stdout is its answer.
 * Tests pass a `destination` to read the JSON lines.
 */
export function createLogger(
  config: Pick<HubConfig, "logLevel" | "logFormat">,
  { stream = "stdout", destination }: { stream?: "stdout" | "stderr"; destination?: DestinationStream } = {},
): Logger {
  const options = logLineOptions(config.logLevel);
  const fd = stream === "stderr" ? 2 : 1;
  if (destination) return pino(options, destination);
  if (config.logFormat === "pretty") {
    return pino(
      options,
      pinoPretty({
        colorize: true,
        ignore: "pid,hostname,service",
        translateTime: "HH:MM:ss",
        destination: fd,
        sync: stream === "stderr",
      }),
    );
  }
  return stream === "stderr" ? pino(options, pino.destination({ fd, sync: true })) : pino(options);
}
