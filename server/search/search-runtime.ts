import type { MikroORM } from "@mikro-orm/postgresql";
import type { HubConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { MeilisearchEngine, meiliIndex } from "./meilisearch-engine.js";
import { meiliSettings } from "./meilisearch-settings.js";
import { OutboxWorker } from "./outbox-worker.js";
import { PostgresSearchEngine } from "./postgres-engine.js";
import type { EngineHealth, SearchEngine, SearchRequest, SearchResponse } from "./search-engine.js";

/**
 * Searches with a primary engine and, when it fails (Meilisearch down or unreachable),
 * answers from the fallback (PostgreSQL, whose index is never stale) instead of failing.
 */
export class FallbackSearchEngine implements SearchEngine {
  private failing = false;

  constructor(
    private readonly primary: SearchEngine,
    private readonly fallback: SearchEngine,
    private readonly logger: Logger,
  ) {}

  get name(): SearchEngine["name"] {
    return this.primary.name;
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    try {
      const response = await this.primary.search(request);
      if (this.failing) this.logger.info({ engine: this.primary.name }, "search engine answers again");
      this.failing = false;
      return response;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: error, engine: this.primary.name }, `search engine failed; answering from ${this.fallback.name} until it is back`);
      this.failing = true;
      return this.fallback.search(request);
    }
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
  const rows = await orm.em.fork().getConnection().execute<{ value: string }[]>("select value from search_state where key = 'outbox'", [], "all");
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
      return await orm.em.fork().transactional(async (em) => {
        const execute = <T>(sql: string) => em.getConnection().execute<T[]>(sql, [], "all", em.getTransactionContext());
        // A long write transaction must not hold the hub's start, nor every writer waiting behind this lock.
        await execute(`set local lock_timeout = '${OUTBOX_LOCK_TIMEOUT}'`);
        // Writers read the state in their triggers: they wait for this transaction and then see the new one.
        await execute("lock table search_state in access exclusive mode");
        const [current] = await execute<{ value: string }>("select value from search_state where key = 'outbox'");
        if ((current?.value === "on") === on) return false;
        await execute(`insert into search_state (key, value) values ('outbox', '${on ? "on" : "off"}') on conflict (key) do update set value = excluded.value`);
        if (on) await execute("insert into search_outbox (type, entity_id) select type, entity_id from search_document");
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
 * outbox, searches are answered by PostgreSQL), PostgreSQL otherwise. It turns the outbox
 * on with Meilisearch but never off: a hub without MEILI_HOST on a shared database (a
 * replica, a local start) must not stop the sync of the hubs that search with Meilisearch.
 */
export async function createSearchEngine({ config, logger, orm }: SearchRuntimeOptions): Promise<SearchRuntime> {
  if (!config.meilisearch) {
    if (await outboxIsOn(orm)) logger.info("the search outbox is on (another hub uses Meilisearch); left on");
    return { engine: new PostgresSearchEngine(orm), worker: null, stop: async () => {} };
  }
  await setOutbox(orm, true);
  const { index } = meiliIndex(config.meilisearch);
  const worker = new OutboxWorker(orm, index, meiliSettings(), logger);
  const engine = new FallbackSearchEngine(new MeilisearchEngine(config.meilisearch, () => worker.backlog()), new PostgresSearchEngine(orm), logger);
  worker.start();
  logger.info({ host: config.meilisearch.host, index: config.meilisearch.index }, "searching with Meilisearch; the outbox worker keeps it in sync");
  return { engine, worker, stop: () => worker.stop() };
}
