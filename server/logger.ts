import { pino, type Logger } from "pino";
import pinoPretty from "pino-pretty";
import type { HubConfig } from "./config.js";

export type { Logger } from "pino";

/**
 * Creates the hub's structured logger: one JSON line per event, or a readable
 * coloured line when a person watches a terminal (`LOG_FORMAT=pretty`). The hub logs
 * to stdout; the CLI passes `stream: "stderr"`, because its stdout is its answer.
 */
export function createLogger(
  config: Pick<HubConfig, "logLevel" | "logFormat">,
  { stream = "stdout" }: { stream?: "stdout" | "stderr" } = {},
): Logger {
  const options = { level: config.logLevel, base: { service: "ikz-hub" } };
  const fd = stream === "stderr" ? 2 : 1;
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
