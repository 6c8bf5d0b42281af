import type { MikroORM } from "@mikro-orm/postgresql";
import { transactional } from "../../schema/common/transaction.js";
import type { HubConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { MeilisearchEngine, meiliIndex } from "./meilisearch-engine.js";
import { meiliSettings } from "./meilisearch-settings.js";
import { type OutboxLag, OutboxWorker } from "./outbox-worker.js";
import { PostgresSearchEngine } from "./postgres-engine.js";
import type {
  EngineHealth,
  SearchEngine,
  SearchRequest,
  SearchResponse,
} from "../../schema/search/search-engine.port.js";

/**
 * How far Meilisearch may lag behind the database, in milliseconds, before searches are answered by
 * PostgreSQL: hits are re-read from the database anyway, but counts and facets would be stale.
 */
export const MAX_SEARCH_LAG_MS = 30_000;

/** How the fallback engine learns that the primary's index lags behind, and how far it may. */
export interface LagBound {
  /** The outbox worker's last measurement. */
  lag: OutboxLag;
  /** Longest lag, in milliseconds, the primary may answer with; MAX_SEARCH_LAG_MS by default. */
  maxLagMs?: number;
  /** The hub's clock in milliseconds since the epoch; tests pass their own. */
  now?: () => number;
}

/**
 * Searches with a primary engine and, when it fails (Meilisearch down or unreachable),
 * answers from the fallback (PostgreSQL, whose index is never stale) instead of failing.
 * With a lag bound it also answers from the fallback while the primary's index lags
 * further behind than the bound (the outbox worker is behind: after an outage, during a
 * big reindex), so that counts and facets are never older than the bound.
 */
export class FallbackSearchEngine implements SearchEngine {
  private failing = false;
  private lagging = false;

  constructor(
    private readonly primary: SearchEngine,
    private readonly fallback: SearchEngine,
    private readonly logger: Logger,
    private readonly lagBound: LagBound | null = null,
  ) {}

  get name(): SearchEngine["name"] {
    return this.primary.name;
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    if (this.lagsTooFar()) return this.fallback.search(request);
    try {
      const response = await this.primary.search(request);
      if (this.failing) this.logger.info({ engine: this.primary.name }, "search engine answers again");
      this.failing = false;
      return response;
    } catch (error) {
      if (!this.failing)
        this.logger.warn(
          { err: error, engine: this.primary.name },
          `search engine failed; answering from ${this.fallback.name} until it is back`,
        );
      this.failing = true;
      return this.fallback.search(request);
    }
  }

  /** Reads the worker's last measurement (in memory, no query) and logs when the answer changes. */
  private lagsTooFar(): boolean {
    if (!this.lagBound) return false;
    const { lag, maxLagMs = MAX_SEARCH_LAG_MS, now = Date.now } = this.lagBound;
    const since = lag.oldestPendingSince();
    const lagMs = since === null ? 0 : now() - since;
    const lagging = lagMs > maxLagMs;
    if (lagging !== this.lagging) {
      const fields = {
        engine: this.primary.name,
        lagSeconds: Math.floor(lagMs / 1000),
        maxLagSeconds: maxLagMs / 1000,
      };
      if (lagging)
        this.logger.warn(
          fields,
          `search index lags behind; answering from ${this.fallback.name} until it has caught up`,
        );
      else this.logger.info(fields, "search index has caught up; searching with it again");
    }
    this.lagging = lagging;
    return lagging;
  }

  health(): Promise<EngineHealth> {
    return this.primary.health();
  }
}

/** The configured engine and what has to be stopped with it. */
export interface SearchRuntime {
  engine: SearchEngine;
  /** The outbox worker, with Meilisearch only. */
  worker: OutboxWorker | null;
  /** Stops background work (the Meilisearch outbox worker). */
  stop(): Promise<void>;
}

/** What building the engine needs. */
export interface SearchRuntimeOptions {
  config: HubConfig;
  logger: Logger;
  orm: MikroORM;
}

/** How long `setOutbox` waits for its lock on `search_state` before it gives up (and retries). */
const OUTBOX_LOCK_TIMEOUT = "2s";
/** How often `setOutbox` tries to take that lock. */
const OUTBOX_LOCK_ATTEMPTS = 5;

/** Reads whether the outbox is on, without taking any lock beyond a plain read. */
export async function outboxIsOn(orm: MikroORM): Promise<boolean> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<{ value: string }[]>("select value from search_state where key = 'outbox'", [], "all");
  return rows[0]?.value === "on";
}

/**
 * Turns the outbox on or off for every writer of this database; does nothing when it already is.
 * Turning it on for the first time queues every document, so that an empty Meilisearch index fills up.
 * Returns whether it changed the setting.
 */
export async function setOutbox(orm: MikroORM, on: boolean): Promise<boolean> {
  // The usual case changes nothing: no exclusive lock, which would queue every writer behind it.
  if ((await outboxIsOn(orm)) === on) return false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactional(orm.em.fork(), async (em) => {
        const execute = <T>(sql: string) => em.getConnection().execute<T[]>(sql, [], "all", em.getTransactionContext());
        // A long write transaction must not hold the hub's start, nor every writer waiting behind this lock.
        await execute(`set local lock_timeout = '${OUTBOX_LOCK_TIMEOUT}'`);
        // Writers read the state in their triggers: they wait for this transaction and then see the new one.
        await execute("lock table search_state in access exclusive mode");
        const [current] = await execute<{ value: string }>("select value from search_state where key = 'outbox'");
        if ((current?.value === "on") === on) return false;
        await execute(
          `insert into search_state (key, value) values ('outbox', '${on ? "on" : "off"}') on conflict (key) do update set value = excluded.value`,
        );
        if (on)
          await execute("insert into search_outbox (type, entity_id) select type, entity_id from search_document");
        return true;
      });
    } catch (error) {
      // 55P03: lock_not_available, the lock timeout ran out.
      if ((error as { code?: string }).code !== "55P03" || attempt >= OUTBOX_LOCK_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/**
 * Builds the engine the configuration asks for: Meilisearch with its outbox worker when
 * MEILI_HOST is set (the hub starts even while Meilisearch is down: writes queue in the
 * outbox, searches are answered by PostgreSQL, as they are while Meilisearch lags more
 * than MAX_SEARCH_LAG_MS behind), PostgreSQL otherwise. It turns the outbox
 * on with Meilisearch but never off: a hub without MEILI_HOST on a shared database (a
 * replica, a local start) must not stop the sync of the hubs that search with Meilisearch.
 */
export async function createSearchEngine({ config, logger, orm }: SearchRuntimeOptions): Promise<SearchRuntime> {
  if (!config.meilisearch) {
    if (await outboxIsOn(orm)) logger.info("the search outbox is on (another hub uses Meilisearch); left on");
    const engine = new PostgresSearchEngine(orm);
    return { engine, worker: null, stop: () => engine.close() };
  }
  await setOutbox(orm, true);
  const { index } = meiliIndex(config.meilisearch);
  const worker = new OutboxWorker(orm, index, meiliSettings(), logger);
  const postgres = new PostgresSearchEngine(orm);
  const engine = new FallbackSearchEngine(
    new MeilisearchEngine(config.meilisearch, () => worker.backlog()),
    postgres,
    logger,
    { lag: worker },
  );
  worker.start();
  logger.info(
    { host: config.meilisearch.host, index: config.meilisearch.index },
    "searching with Meilisearch; the outbox worker keeps it in sync",
  );
  return {
    engine,
    worker,
    stop: async () => {
      await worker.stop();
      await postgres.close();
    },
  };
}
