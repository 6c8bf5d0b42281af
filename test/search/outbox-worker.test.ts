/**
 * The outbox worker against real PostgreSQL and a test double of Meilisearch's `Index`
 * (`IndexDouble` below, hand-written; it is not Meilisearch and only answers the three
 * calls the worker makes). Covers a document Meilisearch rejects (the batch is bisected,
 * everything else arrives, the rejected row is kept with its error and retried after its
 * delay), outages (the whole batch is kept, nothing bisected), the capped count and the lag.
 */
import { type Index, MeilisearchApiError, type Task } from "meilisearch";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { meiliId, type MeiliDocument } from "../../server/search/meilisearch-settings.js";
import { OutboxWorker, PENDING_COUNT_CAP, REJECTED_PREFIX } from "../../server/search/outbox-worker.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

/**
 * Test double of a Meilisearch index, not Meilisearch: keeps documents in a map, answers each
 * task at once, refuses (task `failed`, an `invalid_request` error) any upsert that contains a
 * document whose id is in `poisoned`, refuses a request of more than `payloadLimit` documents
 * before it becomes a task (HTTP 413, as for a body above `--http-payload-size-limit`), and
 * throws like an unreachable server while `down`.
 */
class IndexDouble {
  readonly documents = new Map<string, MeiliDocument>();
  readonly poisoned = new Set<string>();
  down = false;
  payloadLimit = Infinity;
  /** Whether a 413 carries Meilisearch's error body (false: a proxy in front answered it with an empty body). */
  payloadErrorBody = true;
  /** Size of each upsert request's JSON body, in order. */
  readonly bodies: number[] = [];
  /** Documents per task sent, in order. */
  readonly sent: number[] = [];

  updateSettings() {
    return this.task(() => null);
  }

  addDocuments(documents: MeiliDocument[]) {
    this.bodies.push(JSON.stringify(documents).length);
    if (documents.length > this.payloadLimit) return this.refused(documents.length);
    return this.task(() => {
      this.sent.push(documents.length);
      const bad = documents.find((document) => this.poisoned.has(document.id));
      if (bad) return `Document \`${bad.id}\` kann nicht angenommen werden.`;
      for (const document of documents) this.documents.set(document.id, document);
      return null;
    });
  }

  deleteDocuments(ids: string[]) {
    return this.task(() => {
      this.sent.push(ids.length);
      for (const id of ids) this.documents.delete(id);
      return null;
    });
  }

  /** A request refused with 413 before it becomes a task, as the client library rejects it (with Meilisearch's error body or without one). */
  private refused(size: number) {
    this.sent.push(size);
    const response = new Response(null, { status: 413, statusText: "Payload Too Large" });
    const error = new MeilisearchApiError(
      response,
      this.payloadErrorBody
        ? ({
            message: "The provided payload reached the size limit. The maximum accepted payload size is 100 MiB.",
            code: "payload_too_large",
            type: "invalid_request",
            link: "https://docs.meilisearch.com/errors#payload_too_large",
          } as never)
        : undefined,
    );
    const request = Promise.reject(error);
    return Object.assign(request, { waitTask: () => request });
  }

  /** Runs `apply` as one task; a returned message fails the task as Meilisearch does for a request it cannot accept. */
  private task(apply: () => string | null) {
    return {
      waitTask: async (): Promise<Task> => {
        if (this.down) throw new Error("fetch failed (test double: Meilisearch unreachable)");
        const message = apply();
        return (
          message === null
            ? { status: "succeeded", error: null }
            : {
                status: "failed",
                error: { message, code: "invalid_document_fields", type: "invalid_request", link: "" },
              }
        ) as Task;
      },
    };
  }

  asIndex(): Index<MeiliDocument> {
    return this as unknown as Index<MeiliDocument>;
  }
}

let db: TestDatabase;
const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(query, params, "all");

interface OutboxState {
  type: string;
  entity_id: number;
  attempts: number;
  last_error: string | null;
  delayed: boolean;
}
const outbox = () =>
  sql<OutboxState>(
    "select type, entity_id, attempts, last_error, next_attempt_at > now() as delayed from search_outbox order by id",
  );

/** A worker over `index`, with log lines collected in `lines`. */
function workerFor(
  index: IndexDouble,
  lines: Record<string, unknown>[] = [],
  options: { batchSize?: number; now?: () => number; maxRequestBytes?: number } = {},
) {
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return new OutboxWorker(db.orm, index.asIndex(), {}, logger, options);
}

/** Queues the first search document for Meilisearch and makes the test double refuse it. */
async function queuePoisonedDocument() {
  const [document] = await sql<{ type: string; entity_id: number }>(
    "select type, entity_id from search_document order by type, entity_id limit 1",
  );
  const id = meiliId(document.type as never, document.entity_id);
  await sql("insert into search_outbox (type, entity_id) values (?, ?)", [document.type, document.entity_id]);
  const index = new IndexDouble();
  index.poisoned.add(id);
  return { document, id, index };
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());
beforeEach(async () => {
  await sql("delete from search_outbox");
});

describe("a document Meilisearch rejects", () => {
  it("is held back alone: every other change of the batch arrives", async () => {
    const documents = await sql<{ type: string; entity_id: number }>(
      "select type, entity_id from search_document order by type, entity_id limit 40",
    );
    expect(documents.length).toBe(40);
    await sql(
      "insert into search_outbox (type, entity_id) select type, entity_id from search_document order by type, entity_id limit 40",
    );
    // A deletion in the same batch: a document that no longer exists.
    await sql("insert into search_outbox (type, entity_id) values ('Project', 999999)");
    const poisoned = documents[17];
    const index = new IndexDouble();
    index.poisoned.add(meiliId(poisoned.type as never, poisoned.entity_id));
    index.documents.set(meiliId("Project", 999999), {} as MeiliDocument);
    const lines: Record<string, unknown>[] = [];
    const worker = workerFor(index, lines);

    expect(await worker.drainOnce()).toBe(41);

    expect(index.documents.size).toBe(39);
    for (const [i, document] of documents.entries()) {
      expect(index.documents.has(meiliId(document.type as never, document.entity_id))).toBe(i !== 17);
    }
    const rows = await outbox();
    expect(rows).toEqual([
      {
        type: poisoned.type,
        entity_id: poisoned.entity_id,
        attempts: 1,
        last_error: `${REJECTED_PREFIX}Document \`${meiliId(poisoned.type as never, poisoned.entity_id)}\` kann nicht angenommen werden.`,
        delayed: true,
      },
    ]);
    const warnings = lines.filter(
      (line) =>
        line.msg ===
        "Meilisearch rejected a search document; it stays in the outbox and is retried with a growing delay",
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      type: poisoned.type,
      entityId: poisoned.entity_id,
      error: expect.stringContaining("kann nicht angenommen"),
    });
  });

  it("is retried after its delay, with a longer delay each time, logged once, and delivered once it is accepted", async () => {
    const { document, id, index } = await queuePoisonedDocument();
    const lines: Record<string, unknown>[] = [];
    const worker = workerFor(index, lines);

    expect(await worker.drainOnce()).toBe(1);
    // Nothing is due while the delay runs.
    expect(await worker.drainOnce()).toBe(0);
    const [{ delay }] = await sql<{ delay: number }>(
      "select extract(epoch from next_attempt_at - now())::float8 as delay from search_outbox",
    );
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(1);

    // The delay has passed (set explicitly, no waiting): retried, rejected again, a longer delay.
    await sql("update search_outbox set next_attempt_at = now()");
    expect(await worker.drainOnce()).toBe(1);
    const [again] = await sql<{ attempts: number; delay: number }>(
      "select attempts, extract(epoch from next_attempt_at - now())::float8 as delay from search_outbox",
    );
    expect(again.attempts).toBe(2);
    expect(again.delay).toBeGreaterThan(1);
    expect(lines.filter((line) => line.entityId === document.entity_id)).toHaveLength(1);

    await sql("update search_outbox set next_attempt_at = now()");
    index.poisoned.clear();
    expect(await worker.drainOnce()).toBe(1);
    expect(await outbox()).toEqual([]);
    expect(index.documents.has(id)).toBe(true);
  });

  it("does not hold back a later change of the same document: it sends the current state", async () => {
    const { document, id, index } = await queuePoisonedDocument();
    const worker = workerFor(index);
    await worker.drainOnce();
    // The record was corrected: a new row, due at once, while the rejected one waits for its delay.
    index.poisoned.clear();
    await sql("insert into search_outbox (type, entity_id) values (?, ?)", [document.type, document.entity_id]);
    expect(await worker.drainOnce()).toBe(1);
    expect(index.documents.has(id)).toBe(true);
    expect(await outbox()).toMatchObject([{ entity_id: document.entity_id, attempts: 1, delayed: true }]);
  });

  it("costs a bisection, not a request per document", async () => {
    await sql(
      "insert into search_outbox (type, entity_id) select type, entity_id from search_document order by type, entity_id limit 64",
    );
    const [last] = await sql<{ type: string; entity_id: number }>(
      "select type, entity_id from search_document order by type, entity_id offset 63 limit 1",
    );
    const index = new IndexDouble();
    index.poisoned.add(meiliId(last.type as never, last.entity_id));
    await workerFor(index).drainOnce();
    // 64 → 32+32 → … → 1+1: two tasks per level below the first.
    expect(index.sent).toEqual([64, 32, 32, 16, 16, 8, 8, 4, 4, 2, 2, 1, 1]);
    expect(index.documents.size).toBe(63);
  });
});

describe("a batch larger than Meilisearch accepts (413)", () => {
  it("is sent in halves until they fit; nothing is held back", async () => {
    await sql(
      "insert into search_outbox (type, entity_id) select type, entity_id from search_document order by type, entity_id limit 20",
    );
    const index = new IndexDouble();
    index.payloadLimit = 6;
    const worker = workerFor(index);

    expect(await worker.drainOnce()).toBe(20);

    expect(index.sent).toEqual([20, 10, 5, 5, 10, 5, 5]);
    expect(index.documents.size).toBe(20);
    expect(await outbox()).toEqual([]);
  });

  it("is sent in halves also when a proxy in front of Meilisearch answers 413 with an empty body", async () => {
    await sql(
      "insert into search_outbox (type, entity_id) select type, entity_id from search_document order by type, entity_id limit 8",
    );
    const index = new IndexDouble();
    index.payloadLimit = 4;
    index.payloadErrorBody = false;
    const worker = workerFor(index);

    expect(await worker.drainOnce()).toBe(8);

    expect(index.sent).toEqual([8, 4, 4]);
    expect(index.documents.size).toBe(8);
    expect(await outbox()).toEqual([]);
  });

  it("holds back a single document that is too large alone, with Meilisearch's message", async () => {
    const [document] = await sql<{ type: string; entity_id: number }>(
      "select type, entity_id from search_document order by type, entity_id limit 1",
    );
    await sql("insert into search_outbox (type, entity_id) values (?, ?)", [document.type, document.entity_id]);
    const index = new IndexDouble();
    index.payloadLimit = 0;
    const worker = workerFor(index);

    expect(await worker.drainOnce()).toBe(1);

    expect(await outbox()).toEqual([
      {
        type: document.type,
        entity_id: document.entity_id,
        attempts: 1,
        last_error: `${REJECTED_PREFIX}The provided payload reached the size limit. The maximum accepted payload size is 100 MiB.`,
        delayed: true,
      },
    ]);
  });
});

describe("requests of documents", () => {
  it("stay within maxRequestBytes: a batch is split by size before it is sent", async () => {
    await sql(
      "insert into search_outbox (type, entity_id) select type, entity_id from search_document order by type, entity_id limit 30",
    );
    const index = new IndexDouble();
    const worker = workerFor(index, [], { maxRequestBytes: 6000 });

    expect(await worker.drainOnce()).toBe(30);

    expect(index.bodies.length).toBeGreaterThan(1);
    expect(Math.max(...index.bodies)).toBeLessThanOrEqual(6000);
    expect(index.sent.reduce((sum, n) => sum + n, 0)).toBe(30);
    expect(index.documents.size).toBe(30);
    expect(await outbox()).toEqual([]);
  });
});

describe("an outage", () => {
  it("keeps the whole batch back, bisects nothing and logs once", async () => {
    await sql(
      "insert into search_outbox (type, entity_id) select type, entity_id from search_document order by type, entity_id limit 10",
    );
    const index = new IndexDouble();
    const lines: Record<string, unknown>[] = [];
    const worker = workerFor(index, lines);
    // The index settings go first; past them, the batch meets the outage.
    (worker as unknown as { settingsApplied: boolean }).settingsApplied = true;
    index.down = true;
    await expect(worker.drainOnce()).rejects.toThrow("unreachable");
    const rows = await outbox();
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.attempts === 1 && row.delayed && !row.last_error!.startsWith(REJECTED_PREFIX))).toBe(
      true,
    );
    expect(index.sent).toEqual([]);
    expect(lines.filter((line) => String(line.msg).includes("rejected"))).toEqual([]);
  });
});

describe("backlog and lag", () => {
  it("counts up to the cap, and says when it stopped there", async () => {
    const index = new IndexDouble();
    const worker = workerFor(index);
    expect(await worker.backlog()).toEqual({ pending: 0, pendingIsExact: true, lagSeconds: 0 });
    await sql(
      `insert into search_outbox (type, entity_id) select 'Project', n from generate_series(1, ${PENDING_COUNT_CAP}) n`,
    );
    expect(await worker.backlog()).toMatchObject({ pending: PENDING_COUNT_CAP, pendingIsExact: true });
    await sql("insert into search_outbox (type, entity_id) values ('Project', 0)");
    expect(await worker.backlog()).toMatchObject({ pending: PENDING_COUNT_CAP, pendingIsExact: false });
  });

  it("reads the count and the lag without scanning the outbox", async () => {
    await sql(
      `insert into search_outbox (type, entity_id) select 'Project', n from generate_series(1, ${PENDING_COUNT_CAP * 3}) n`,
    );
    await sql("analyze search_outbox");
    const worker = workerFor(new IndexDouble());
    db.resetQueryCount();
    await worker.backlog();
    // The logged form is `[query] <sql> [took … ms, … results]`.
    const statements = db.queries
      .filter((query) => query.includes("search_outbox"))
      .map((query) => query.replace(/^\[query\] /, "").replace(/ \[took [^\]]*\]$/, ""));
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      const plan = (await sql<{ "QUERY PLAN": string }>(`explain (analyze, format text) ${statement}`))
        .map((row) => row["QUERY PLAN"])
        .join("\n");
      const scanned = [...plan.matchAll(/(?:Seq|Index) Scan.*actual time=\S+ rows=(\d+)/g)].map((match) =>
        Number(match[1]),
      );
      expect(scanned.length).toBeGreaterThan(0);
      expect(Math.max(...scanned)).toBeLessThanOrEqual(PENDING_COUNT_CAP + 1);
    }
  });

  it("measures the age of the oldest waiting change, skipping documents Meilisearch rejected, and keeps it in memory", async () => {
    const index = new IndexDouble();
    const now = 1_900_000_000_000;
    const worker = workerFor(index, [], { now: () => now });
    await worker.measureLag();
    expect(worker.oldestPendingSince()).toBeNull();
    await sql(`insert into search_outbox (type, entity_id, enqueued_at, attempts, next_attempt_at, last_error)
               values ('Project', 1, now() - interval '1 hour', 3, now() + interval '1 minute', '${REJECTED_PREFIX}kaputt')`);
    await worker.measureLag();
    expect(worker.oldestPendingSince()).toBeNull();
    expect((await worker.backlog()).lagSeconds).toBe(0);
    // Kept back by an outage: Meilisearch misses it, delay or not.
    await sql(`insert into search_outbox (type, entity_id, enqueued_at, attempts, next_attempt_at, last_error)
               values ('Project', 2, now() - interval '2 minutes', 1, now() + interval '1 minute', 'fetch failed')`);
    await worker.measureLag();
    const lagMs = now - worker.oldestPendingSince()!;
    expect(lagMs).toBeGreaterThanOrEqual(120_000);
    expect(lagMs).toBeLessThan(180_000);
    const { lagSeconds } = await worker.backlog();
    expect(lagSeconds).toBeGreaterThanOrEqual(120);
    expect(lagSeconds).toBeLessThan(180);
  });

  it("is measured when the worker starts and again after each poll", async () => {
    const [document] = await sql<{ type: string; entity_id: number }>(
      "select type, entity_id from search_document order by type, entity_id limit 1",
    );
    await sql(
      "insert into search_outbox (type, entity_id, enqueued_at, next_attempt_at) values (?, ?, now() - interval '2 minutes', now())",
      [document.type, document.entity_id],
    );
    const index = new IndexDouble();
    index.poisoned.add(meiliId(document.type as never, document.entity_id));
    const now = 1_900_000_000_000;
    const worker = workerFor(index, [], { now: () => now });
    const measured: (number | null)[] = [];
    const measure = worker.measureLag.bind(worker);
    worker.measureLag = async () => {
      await measure();
      measured.push(worker.oldestPendingSince());
    };
    worker.start();
    await vi.waitFor(() => expect(index.sent).toEqual([1]));
    await worker.stop();
    // Before the first poll the change counts; once Meilisearch has rejected it, it no longer does.
    expect(measured.length).toBeGreaterThanOrEqual(2);
    expect(now - measured[0]!).toBeGreaterThanOrEqual(120_000);
    expect(measured.slice(1)).toEqual(measured.slice(1).map(() => null));
    expect(worker.oldestPendingSince()).toBeNull();
  });
});
