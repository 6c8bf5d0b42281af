import pg from "pg";
import type { Logger } from "../logger.js";
import { redactUrl } from "./database.js";

/** How often an unreachable database is tried again. */
export const PROBE_INTERVAL_MS = 1000;
/** How long one probe waits for a connection and its answer. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Notices when the database is lost and when it is back, and says so once each: told
 * of a request's connection error, it tries a connection of its own (not the pool's,
 * which may be full); if that fails too, it logs one error for the outage and tries
 * again every second until the database answers, then logs that it is back. Requests
 * meanwhile fail with `DATABASE_UNAVAILABLE` (and no stack trace); the pools replace
 * their broken connections by themselves on the next acquire, so nothing is restarted.
 */
export class DatabaseWatch {
  private state: "up" | "checking" | "down" = "up";
  private downSince = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly intervalMs = PROBE_INTERVAL_MS,
  ) {}

  /** Whether an outage has been confirmed and not yet ended. */
  get down(): boolean {
    return this.state === "down";
  }

  /** Told of an error that looks like a lost database; confirms it with a probe of its own. */
  report(error: unknown): void {
    if (this.state !== "up" || this.stopped) return;
    this.state = "checking";
    void this.probe().then((ok) => {
      if (this.stopped || this.state !== "checking") return;
      if (ok) {
        // One broken connection (a backend ended by an administrator): the pool replaces it.
        this.state = "up";
        return;
      }
      this.state = "down";
      this.downSince = Date.now();
      this.logger.error(
        { database: redactUrl(this.url), reason: error instanceof Error ? error.message : String(error) },
        "database unavailable: requests are answered with DATABASE_UNAVAILABLE until it is back",
      );
      this.schedule();
    });
  }

  /** Stops probing (the hub is shutting down). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      if (this.stopped) return;
      if (!(await this.probe())) return this.schedule();
      if (this.stopped) return;
      this.state = "up";
      this.logger.info(
        { database: redactUrl(this.url), downSeconds: Math.round((Date.now() - this.downSince) / 1000) },
        "database reachable again",
      );
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Opens a connection of its own and asks for `select 1`. */
  private async probe(): Promise<boolean> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
