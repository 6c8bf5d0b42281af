import { pino, type Logger } from "pino";
import pinoPretty from "pino-pretty";
import type { HubConfig } from "./config.js";

export type { Logger } from "pino";

/**
 * Creates the hub's structured logger: one JSON line per event, or a readable
 * coloured line when a person watches a terminal (`LOG_FORMAT=pretty`).
 */
export function createLogger(config: Pick<HubConfig, "logLevel" | "logFormat">): Logger {
  const options = { level: config.logLevel, base: { service: "ikz-hub" } };
  if (config.logFormat === "pretty") {
    return pino(options, pinoPretty({ colorize: true, ignore: "pid,hostname,service", translateTime: "HH:MM:ss" }));
  }
  return pino(options);
}
