import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import { type Index, MeilisearchApiError, type Settings, type Task } from "meilisearch";
import type { Logger } from "../logger.js";
import { type MeiliDocument, meiliId } from "./meilisearch-settings.js";
import type { SearchType } from "../../schema/search/search-engine.port.js";
import { transactional } from "../../schema/common/transaction.js";
import { withoutSentinels } from "./snippet.js";

/** Tuning of the outbox worker. */
export interface OutboxWorkerOptions {
  /** Pause between polls when there is nothing to do, in milliseconds. */
  intervalMs?: number;
  /** Outbox rows handled per batch. */
  batchSize?: number;
  /** Longest wait for Meilisearch to apply a batch, in milliseconds. */
  taskTimeoutMs?: number;
  /** Largest body of one request of documents, in bytes; a batch is split into requests no larger. */
  maxRequestBytes?: number;
  /** The hub's clock in milliseconds since the epoch; tests pass their own. */
  now?: () => number;
}

/** What waits in the outbox, measured cheaply for `/healthz`. */
export interface OutboxBacklog {
  /** Rows waiting, counted up to PENDING_COUNT_CAP. */
  pending: number;
  /** False when more than PENDING_COUNT_CAP rows wait and `pending` stopped there. */
  pendingIsExact: boolean;
  /** Age in seconds of the oldest change still waiting for Meilisearch (rejected documents aside); 0 when none waits. */
  lagSeconds: number;
}

/** Tells how far Meilisearch lags behind the database, as the outbox worker last measured it. */
export interface OutboxLag {
  /** When the oldest change still waiting was queued (hub clock, ms since the epoch); null when none waits. */
  oldestPendingSince(): number | null;
}

/** Most outbox rows `/healthz` counts; beyond it reports `pendingIsExact: false`. */
export const PENDING_COUNT_CAP = 10_000;

/** How `last_error` starts for a row whose document Meilisearch rejected, as opposed to one kept back by an outage. */
export const REJECTED_PREFIX = "rejected by Meilisearch: ";

// The oldest change not yet in Meilisearch, by id (the primary key index; ids grow with time). Rows of rejected documents
// are skipped: one document Meilisearch refuses must not count as the whole index lagging. Rows kept back by an outage
// count even while they wait for their retry, since Meilisearch misses those changes just the same.
const OLDEST_PENDING_SQL = `select greatest(extract(epoch from now() - enqueued_at), 0)::float8 as age from search_outbox
  where last_error is null or left(last_error, ${REJECTED_PREFIX.length}) <> '${REJECTED_PREFIX}'
  order by id limit 1`;

// One worker at a time across all hub instances, so that an older state of a document can never overtake a newer one.
const LOCK = "hashtext('ikz_search_outbox')";

interface OutboxRow {
  id: string;
  type: SearchType;
  entity_id: number;
}

/** One changed document of a batch: upserted with its current state, or deleted; with the outbox rows it answers. */
interface Change {
  id: string;
  type: SearchType;
  entityId: number;
  document: MeiliDocument | null;
  rows: string[];
}

/** A change Meilisearch refused on its own, with Meilisearch's message. */
interface Rejection {
  change: Change;
  message: string;
}

/**
 * Largest request body the worker sends: 1 MB passes a proxy with nginx's default limit (`client_max_body_size`
 * 1 MiB) as well as Meilisearch's own (`--http-payload-size-limit`, 100 MB by default).
 */
export const MAX_REQUEST_BYTES = 1_000_000;

/**
 * Thrown when Meilisearch refused what was sent (an `invalid_request` task error, or a request refused for its body):
 * bisecting can isolate the cause.
 */
class TaskRejected extends Error {}

/**
 * Whether a request was refused for its body before it became a task: 413 (Meilisearch's `payload_too_large`, or a
 * proxy's 413 with an empty or JSON body) or a body Meilisearch could not read (`malformed_payload`). A proxy's 413
 * with an HTML page does not get here: meilisearch-js parses the body before it looks at the status and throws a
 * `SyntaxError`, which looks like any other failing server; MAX_REQUEST_BYTES keeps requests below common limits.
 */
function refusedForItsBody(error: unknown): error is MeilisearchApiError {
  return (
    error instanceof MeilisearchApiError &&
    (error.response.status === 413 || ["payload_too_large", "malformed_payload"].includes(error.cause?.code ?? ""))
  );
}

/** Splits upserts into runs whose JSON array stays within `maxBytes` (a single larger document goes alone). */
function withinBytes(changes: readonly Change[], maxBytes: number): Change[][] {
  const runs: Change[][] = [];
  let run: Change[] = [];
  let bytes = 2;
  for (const change of changes) {
    const size = Buffer.byteLength(JSON.stringify(change.document)) + 1;
    if (run.length && bytes + size > maxBytes) {
      runs.push(run);
      run = [];
      bytes = 2;
    }
    run.push(change);
    bytes += size;
  }
  if (run.length) runs.push(run);
  return runs;
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
 * Meilisearch has applied them. When Meilisearch is unreachable or failing, the whole
 * batch stays, with a growing delay (1 s, 2 s, 4 s, … at most 5 min), so the index
 * converges once Meilisearch is back. When Meilisearch refuses a batch, the worker
 * bisects it down to the documents it refuses: those stay, delayed the same way and
 * with Meilisearch's message in `last_error`; everything else is delivered.
 */
export class OutboxWorker implements OutboxLag {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private settingsApplied = false;
  private outage = false;
  private oldestPendingAt: number | null = null;
  /** Documents whose rejection was logged, with the message, so that retries do not log again. */
  private readonly rejectionsLogged = new Map<string, string>();
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly taskTimeoutMs: number;
  private readonly maxRequestBytes: number;
  private readonly now: () => number;

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
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.now = options.now ?? Date.now;
  }

  /** Starts polling. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // Measured before the first batch, which can take long: until then searches know what waits (everything, at a first start).
    this.running = this.measureLag()
      .catch(() => undefined)
      .then(() => this.schedule(0));
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
        .then(async (handled) => {
          await this.measureLag().catch(() => undefined);
          this.schedule(handled > 0 ? 0 : this.intervalMs);
        })
        .catch(async (error) => {
          if (!this.outage) this.logger.warn({ err: error }, "Meilisearch is unreachable; changes wait in the outbox");
          this.outage = true;
          await this.measureLag().catch(() => undefined);
          this.schedule(this.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  /** What waits in the outbox: a capped count and the lag, each one bounded index read, however long the outbox is. */
  async backlog(): Promise<OutboxBacklog> {
    const connection = this.orm.em.getConnection();
    const [[counted], [oldest]] = await Promise.all([
      connection.execute<{ n: number }[]>(
        `select count(*)::int as n from (select 1 from search_outbox limit ${PENDING_COUNT_CAP + 1}) capped`,
        [],
        "all",
      ),
      connection.execute<{ age: number }[]>(OLDEST_PENDING_SQL, [], "all"),
    ]);
    return {
      pending: Math.min(counted.n, PENDING_COUNT_CAP),
      pendingIsExact: counted.n <= PENDING_COUNT_CAP,
      lagSeconds: oldest ? Math.floor(oldest.age) : 0,
    };
  }

  /** Measures the lag and keeps it for `oldestPendingSince`; the worker calls it after every poll. */
  async measureLag(): Promise<void> {
    const [oldest] = await this.orm.em.getConnection().execute<{ age: number }[]>(OLDEST_PENDING_SQL, [], "all");
    this.oldestPendingAt = oldest ? this.now() - oldest.age * 1000 : null;
  }

  oldestPendingSince(): number | null {
    return this.oldestPendingAt;
  }

  /**
   * Handles one batch: returns how many outbox rows it handled (delivered, or held back
   * because Meilisearch rejected their document), 0 when there was nothing due (or
   * another worker holds the lock). Throws when Meilisearch was unreachable or failing;
   * the rows are then kept for a later attempt.
   */
  async drainOnce(): Promise<number> {
    if (!this.settingsApplied) {
      const task = await this.index.updateSettings(this.settings).waitTask({ timeout: this.taskTimeoutMs });
      if (task.status !== "succeeded")
        throw new Error(`Meilisearch refused the index settings: ${task.error?.message ?? task.status}`);
      this.settingsApplied = true;
    }
    let failure: unknown;
    const handled = await transactional(this.orm.em.fork(), async (em) => {
      const execute = <T>(sql: string, params: unknown[] = []) =>
        em.getConnection().execute<T[]>(sql, params, "all", em.getTransactionContext());
      const ids = (rows: readonly string[]) => JSON.stringify(rows);
      const backOff = (message: string, rows: readonly string[]) =>
        execute(
          `update search_outbox set attempts = attempts + 1, last_error = left(?, 500),
                  next_attempt_at = now() + least(power(2, attempts), 300) * interval '1 second'
            where id in (select jsonb_array_elements_text(?::jsonb)::bigint)`,
          [message, ids(rows)],
        );
      const [{ locked }] = await execute<{ locked: boolean }>(`select pg_try_advisory_xact_lock(${LOCK}) as locked`);
      if (!locked) return 0;
      const rows = await execute<OutboxRow>(
        `select id, type, entity_id from search_outbox where next_attempt_at <= now() order by id limit ${this.batchSize}`,
      );
      if (!rows.length) return 0;
      let rejections: Rejection[];
      try {
        const changes = await this.changes(em, rows);
        // Upserts and deletions are separate tasks, and a document is in only one of them: each is bisected on its own.
        // Upserts go in requests of at most maxRequestBytes; deletions send ids only.
        rejections = [];
        for (const run of withinBytes(
          changes.filter((change) => change.document),
          this.maxRequestBytes,
        ))
          rejections.push(...(await this.deliver(run)));
        rejections.push(...(await this.deliver(changes.filter((change) => !change.document))));
      } catch (error) {
        failure = error;
        await backOff(
          error instanceof Error ? error.message : String(error),
          rows.map((row) => row.id),
        );
        return 0;
      }
      // Ordering: rows carry no document state; whichever row of a document is sent, the worker sends the document as
      // search_document holds it at that moment. So a later row for a document whose earlier row is held back as
      // rejected cannot bring an older state into Meilisearch, and it is not held back: it sends the current state
      // (which succeeds if the record was corrected meanwhile). The held-back row is retried after its delay and then
      // sends the state of that moment, which is at least as new. The advisory lock still keeps two workers apart.
      const rejected = new Set(rejections.flatMap(({ change }) => change.rows));
      for (const { change, message } of rejections) await backOff(REJECTED_PREFIX + message, change.rows);
      await execute("delete from search_outbox where id in (select jsonb_array_elements_text(?::jsonb)::bigint)", [
        ids(rows.map((row) => row.id).filter((id) => !rejected.has(id))),
      ]);
      if (this.outage) this.logger.info("Meilisearch is back; the outbox drains");
      this.outage = false;
      this.logRejections(rejections, rows);
      return rows.length;
    });
    if (failure) throw failure;
    return handled;
  }

  /** Logs each rejected document once (again only when Meilisearch's message changes); forgets documents delivered since. */
  private logRejections(rejections: readonly Rejection[], rows: readonly OutboxRow[]): void {
    const rejected = new Set(rejections.map(({ change }) => change.id));
    for (const row of rows) {
      const id = meiliId(row.type, row.entity_id);
      if (!rejected.has(id)) this.rejectionsLogged.delete(id);
    }
    for (const { change, message } of rejections) {
      if (this.rejectionsLogged.get(change.id) === message) continue;
      this.rejectionsLogged.set(change.id, message);
      this.logger.warn(
        { type: change.type, entityId: change.entityId, error: message },
        "Meilisearch rejected a search document; it stays in the outbox and is retried with a growing delay",
      );
    }
  }

  /** The batch's documents as search_document holds them now: one change per document, with all its rows. */
  private async changes(em: EntityManager, rows: readonly OutboxRow[]): Promise<Change[]> {
    const byId = new Map<string, Change>();
    for (const row of rows) {
      const id = meiliId(row.type, row.entity_id);
      const change = byId.get(id) ?? { id, type: row.type, entityId: row.entity_id, document: null, rows: [] };
      change.rows.push(row.id);
      byId.set(id, change);
    }
    const documents = await em.getConnection().execute<DocumentRow[]>(
      `select d.type, d.entity_id, d.municipality_id, d.municipality_slug, d.state, d.status, d.topics, d.providers, d.title, d.summary, d.body, d.context
         from search_document d
         join (select k->>0 as type, (k->>1)::int as entity_id from jsonb_array_elements(?::jsonb) k) wanted using (type, entity_id)`,
      [JSON.stringify([...byId.values()].map((change) => [change.type, change.entityId]))],
      "all",
      em.getTransactionContext(),
    );
    for (const row of documents) byId.get(meiliId(row.type, row.entity_id))!.document = toMeiliDocument(row);
    return [...byId.values()];
  }

  /**
   * Sends changes of one kind (all upserts or all deletions) and returns those Meilisearch
   * rejected: when it refuses the task, the halves are sent on their own, down to single
   * documents. Throws when Meilisearch is unreachable or failing (no bisecting then).
   */
  private async deliver(changes: readonly Change[]): Promise<Rejection[]> {
    if (!changes.length) return [];
    try {
      await this.send(changes);
      return [];
    } catch (error) {
      if (!(error instanceof TaskRejected)) throw error;
      if (changes.length === 1) return [{ change: changes[0], message: error.message }];
      const half = Math.ceil(changes.length / 2);
      return [...(await this.deliver(changes.slice(0, half))), ...(await this.deliver(changes.slice(half)))];
    }
  }

  private async send(changes: readonly Change[]): Promise<void> {
    const upserts = changes.flatMap((change) => (change.document ? [change.document] : []));
    const deletions = changes.filter((change) => !change.document).map((change) => change.id);
    const request = upserts.length
      ? this.index.addDocuments(upserts, { primaryKey: "id" })
      : this.index.deleteDocuments(deletions);
    try {
      await request;
    } catch (error) {
      // Refused for its body, the request never became a task: like a failed task, halves of the batch may pass.
      if (refusedForItsBody(error)) throw new TaskRejected(error.message);
      throw error;
    }
    const task: Task = await request.waitTask({ timeout: this.taskTimeoutMs });
    if (task.status === "succeeded") return;
    // Only a request error is about the documents sent; internal, system (a full disk) or auth errors would fail any
    // part of the batch just the same, so they keep the whole batch back like an outage.
    if (task.status === "failed" && task.error?.type === "invalid_request") throw new TaskRejected(task.error.message);
    throw new Error(`Meilisearch did not apply the batch: ${task.error?.message ?? task.status}`);
  }

  /** Sends everything due, batch by batch, until the outbox is empty or `deadline` (ms since epoch) passes. */
  async drain(deadline = Date.now() + 60_000): Promise<void> {
    while ((await this.backlog()).pending > 0) {
      if (Date.now() > deadline) throw new Error("the outbox did not drain in time");
      if ((await this.drainOnce()) === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
