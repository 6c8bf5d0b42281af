import { loadConfig } from "../../server/config.js";
import { statementTimeoutFor } from "../../server/database/database.js";
import { Hub } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { createTestDatabase } from "./database.js";
import { suiteSettings, type TestHub } from "./hub.js";

/** A test hub whose log lines the test reads. */
export interface LoggedTestHub extends TestHub {
  /** Every log line so far, parsed. */
  readonly lines: Record<string, any>[];
}

/** What `startLoggedHub` may change beside the environment. */
export interface LoggedHubOptions {
  /** The pool's statement timeout; `null` for none (as the hub's own would be derived otherwise). */
  statementTimeoutMs?: number | null;
}

/** Starts a hub as `startTestHub` does, with the hub's own logger keeping its JSON lines (info and above) for the test. */
export async function startLoggedHub(
  env: Record<string, string> = {},
  { statementTimeoutMs }: LoggedHubOptions = {},
): Promise<LoggedTestHub> {
  const defaults = {
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_ON_START: "false",
    NODE_ENV: "test",
    RATE_LIMIT_POINTS: "1000000",
  };
  const config = loadConfig({ ...defaults, ...suiteSettings(), ...env }, false);
  const db = await createTestDatabase(
    statementTimeoutMs === null
      ? undefined
      : (statementTimeoutMs ?? statementTimeoutFor(config.limits.executionTimeoutMs)),
  );
  const lines: Record<string, any>[] = [];
  const logger = createLogger(
    { logLevel: "info", logFormat: "json" },
    { destination: { write: (line: string) => void lines.push(JSON.parse(line)) } },
  );
  const hub = new Hub({ config, logger, database: db });
  const { url } = await hub.start();
  return {
    url,
    origin: new URL(url).origin,
    db,
    hub,
    lines,
    async query(query, variables) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await hub.stop();
      await db.close();
    },
  };
}
