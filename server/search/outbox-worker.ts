import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import type { Index, Settings } from "meilisearch";
import type { Logger } from "../logger.js";
import { type MeiliDocument, meiliId } from "./meilisearch-settings.js";
import type { SearchType } from "./search-engine.js";
import { withoutSentinels } from "./snippet.js";

/** Tuning of the outbox worker. */
export interface OutboxWorkerOptions {
  /** Pause between polls when there is nothing to do, in milliseconds. */
  intervalMs?: number;
  /** Outbox rows handled per batch. */
  batchSize?: number;
  /** Longest wait for Meilisearch to apply a batch, in milliseconds. */
  taskTimeoutMs?: number;
}

// One worker at a time across all hub instances, so that an older state of a document can never overtake a newer one.
const LOCK = "hashtext('ikz_search_outbox')";

interface OutboxRow {
  id: string;
  type: SearchType;
  entity_id: number;
}

interface DocumentRow {
  type: SearchType;
  entity_id: number;
  municipality_id: number | null;
  municipality_slug: string | null;
  state: string | null;
  status: string | null;
  topics: string[];
  providers: string[];
  title: string;
  summary: string;
  body: string;
  context: string;
}

/** Turns a `search_document` row into the Meilisearch document. */
export function toMeiliDocument(row: DocumentRow): MeiliDocument {
  return {
    id: meiliId(row.type, row.entity_id),
    type: row.type,
    entityId: row.entity_id,
    municipalityId: row.municipality_id,
    municipality: row.municipality_slug,
    state: row.state,
    status: row.status,
    topics: row.topics,
    providers: row.providers,
    // Meilisearch's highlights use the same sentinels as PostgreSQL's: text must not be able to forge them.
    title: withoutSentinels(row.title),
    summary: withoutSentinels(row.summary),
    body: withoutSentinels(row.body),
    context: withoutSentinels(row.context),
  };
}

/**
 * Pushes the changes of the transactional outbox (`search_outbox`, written by the same
 * triggers and transactions as the records) to Meilisearch: it reads each changed
 * document as it is now, upserts or deletes it, and deletes the outbox rows only once
 * Meilisearch has applied the batch. On failure the rows stay, with a growing delay
 * (1 s, 2 s, 4 s, … at most 5 min), so the index converges once Meilisearch is back.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private settingsApplied = false;
  private outage = false;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly taskTimeoutMs: number;

  constructor(
    private readonly orm: MikroORM,
    private readonly index: Index<MeiliDocument>,
    private readonly settings: Settings,
    private readonly logger: Logger,
    options: OutboxWorkerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
  }

  /** Starts polling. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for a batch in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drainOnce()
        .then((handled) => this.schedule(handled > 0 ? 0 : this.intervalMs))
        .catch((error) => {
          if (!this.outage) this.logger.warn({ err: error }, "Meilisearch is unreachable; changes wait in the outbox");
          this.outage = true;
          this.schedule(this.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  /** Changes waiting in the outbox. */
  async pending(): Promise<number> {
    const [row] = await this.orm.em.getConnection().execute<{ n: number }[]>("select count(*)::int as n from search_outbox", [], "all");
    return row.n;
  }

  /**
   * Handles one batch: returns how many outbox rows it sent, 0 when there was nothing
   * due (or another worker holds the lock). Throws when Meilisearch failed; the rows
   * are then kept for a later attempt.
   */
  async drainOnce(): Promise<number> {
    if (!this.settingsApplied) {
      const task = await this.index.updateSettings(this.settings).waitTask({ timeout: this.taskTimeoutMs });
      if (task.status !== "succeeded") throw new Error(`Meilisearch refused the index settings: ${task.error?.message ?? task.status}`);
      this.settingsApplied = true;
    }
    let failure: unknown;
    const handled = await this.orm.em.fork().transactional(async (em) => {
      const execute = <T>(sql: string, params: unknown[] = []) => em.getConnection().execute<T[]>(sql, params, "all", em.getTransactionContext());
      const [{ locked }] = await execute<{ locked: boolean }>(`select pg_try_advisory_xact_lock(${LOCK}) as locked`);
      if (!locked) return 0;
      const rows = await execute<OutboxRow>(`select id, type, entity_id from search_outbox where next_attempt_at <= now() order by id limit ${this.batchSize}`);
      if (!rows.length) return 0;
      try {
        await this.push(em, rows);
        await execute("delete from search_outbox where id in (select jsonb_array_elements_text(?::jsonb)::bigint)", [JSON.stringify(rows.map((row) => row.id))]);
        if (this.outage) this.logger.info("Meilisearch is back; the outbox drains");
        this.outage = false;
        return rows.length;
      } catch (error) {
        failure = error;
        await execute(
          `update search_outbox set attempts = attempts + 1, last_error = left(?, 500),
                  next_attempt_at = now() + least(power(2, attempts), 300) * interval '1 second'
            where id in (select jsonb_array_elements_text(?::jsonb)::bigint)`,
          [error instanceof Error ? error.message : String(error), JSON.stringify(rows.map((row) => row.id))],
        );
        return 0;
      }
    });
    if (failure) throw failure;
    return handled;
  }

  private async push(em: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
    const keys = [...new Map(rows.map((row) => [meiliId(row.type, row.entity_id), row])).values()];
    const documents = await em.getConnection().execute<DocumentRow[]>(
      `select d.type, d.entity_id, d.municipality_id, d.municipality_slug, d.state, d.status, d.topics, d.providers, d.title, d.summary, d.body, d.context
         from search_document d
         join (select k->>0 as type, (k->>1)::int as entity_id from jsonb_array_elements(?::jsonb) k) wanted using (type, entity_id)`,
      [JSON.stringify(keys.map((key) => [key.type, key.entity_id]))],
      "all",
      em.getTransactionContext(),
    );
    const present = new Set(documents.map((row) => meiliId(row.type, row.entity_id)));
    const gone = keys.map((key) => meiliId(key.type, key.entity_id)).filter((id) => !present.has(id));
    const tasks = [];
    if (documents.length) tasks.push(await this.index.addDocuments(documents.map(toMeiliDocument), { primaryKey: "id" }).waitTask({ timeout: this.taskTimeoutMs }));
    if (gone.length) tasks.push(await this.index.deleteDocuments(gone).waitTask({ timeout: this.taskTimeoutMs }));
    const failed = tasks.find((task) => task.status !== "succeeded");
    if (failed) throw new Error(`Meilisearch did not apply the batch: ${failed.error?.message ?? failed.status}`);
  }

  /** Sends everything due, batch by batch, until the outbox is empty or `deadline` (ms since epoch) passes. */
  async drain(deadline = Date.now() + 60_000): Promise<void> {
    while ((await this.pending()) > 0) {
      if (Date.now() > deadline) throw new Error("the outbox did not drain in time");
      if ((await this.drainOnce()) === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
