import { once } from "node:events";
import type { Duplex, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Records read per round of statements: what an export holds in memory at a time. */
export const EXPORT_BATCH_SIZE = 500;

/** How records become bytes: `head`, one `row` per record, then `tail`, written through `encoder`. */
export interface ExportFormat<R> {
  /** The stream the chunks go through on their way to the client, e.g. a csv-stringify stream. */
  encoder: Duplex;
  head: unknown[];
  row: (record: R, index: number) => unknown;
  tail: (count: number) => unknown[];
}

/** What one export response writes. */
export interface ExportStreamOptions<R> {
  /** The page's record ids, in export order. */
  ids: readonly number[];
  /** Reads the records of a batch of ids, in their order. */
  load: (ids: readonly number[]) => Promise<R[]>;
  format: ExportFormat<R>;
  /** When (epoch ms) no further batch may start, nor may the response wait any longer for the client to read. */
  deadline: number;
  batchSize?: number;
  now?: () => number;
}

/**
 * How an export response ended. `complete`: every row and the end of the body
 * were written. `client-gone`: the client closed the connection; reading stopped.
 * `deadline`: the deadline passed with batches left, or while waiting for the client
 * to read what it was sent; `failed`: reading or writing
 * failed. In the last two cases the transfer was aborted (the connection closed
 * without the end of the chunked body), so no client takes the part for the whole.
 */
export type ExportOutcome =
  | { status: "complete" | "client-gone" | "deadline"; rows: number }
  | { status: "failed"; rows: number; error: unknown };

class DeadlinePassed extends Error {}

/** Longest delay a timer can have (about 24.8 days); a later deadline is as good as none. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Waits until `encoder` drains, but not past `deadline`: a client that reads slowly
 * or not at all must not keep the response, and its batch, alive indefinitely.
 * Throws `DeadlinePassed` when the deadline comes first, the reason of `stop` when
 * the delivery failed meanwhile.
 */
async function drained(encoder: Duplex, stop: AbortSignal, deadline: number, now: () => number): Promise<void> {
  const left = deadline - now();
  if (left <= 0) throw new DeadlinePassed();
  const expiry = AbortSignal.timeout(Math.min(left, MAX_TIMER_MS));
  try {
    await once(encoder, "drain", { signal: AbortSignal.any([stop, expiry]) });
  } catch (error) {
    throw expiry.aborted && !stop.aborted ? new DeadlinePassed() : error;
  }
}

/** Waits until the last bytes reached the client, but not past `deadline` (throws `DeadlinePassed` then). */
async function deliveredBy(delivered: Promise<unknown>, deadline: number, now: () => number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed()), Math.min(Math.max(deadline - now(), 0), MAX_TIMER_MS));
  });
  try {
    await Promise.race([delivered, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Streams one page of an export to `out` with constant memory: records are read
 * `batchSize` at a time (one statement round, on one connection, per batch) and
 * the next batch is read only once the previous one was handed on and the
 * client's buffer has drained; no wait for the client outlasts the deadline. The first batch is read before anything is
 * written, so that its failure still reaches the caller as an ordinary error
 * (answered with a status); later failures end the transfer and are returned.
 */
export async function streamExport<R>(out: Writable, options: ExportStreamOptions<R>): Promise<ExportOutcome> {
  const { ids, load, format, deadline, batchSize = EXPORT_BATCH_SIZE, now = Date.now } = options;
  let batch = ids.length ? await load(ids.slice(0, batchSize)) : [];
  const { encoder } = format;
  const stop = new AbortController();
  const delivered = pipeline(encoder, out).then(
    () => null,
    (error: unknown) => {
      stop.abort();
      return error;
    },
  );
  const write = async (chunk: unknown) => {
    if (stop.signal.aborted) throw stop.signal.reason;
    if (!encoder.write(chunk)) await drained(encoder, stop.signal, deadline, now);
  };
  let rows = 0;
  let ending: ExportOutcome | null = null;
  try {
    for (const chunk of format.head) await write(chunk);
    for (let start = 0; ;) {
      for (const record of batch) await write(format.row(record, rows++));
      start += batchSize;
      if (start >= ids.length) break;
      if (stop.signal.aborted) throw stop.signal.reason;
      if (now() > deadline) throw new DeadlinePassed();
      batch = await load(ids.slice(start, start + batchSize));
    }
    for (const chunk of format.tail(rows)) await write(chunk);
    encoder.end();
    await deliveredBy(delivered, deadline, now);
  } catch (error) {
    if (!stop.signal.aborted) {
      ending = error instanceof DeadlinePassed ? { status: "deadline", rows } : { status: "failed", rows, error };
      // Destroying the encoder makes the pipeline destroy the response: the client sees an aborted transfer.
      encoder.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
  const deliveryError = await delivered;
  return ending ?? (deliveryError ? { status: "client-gone", rows } : { status: "complete", rows });
}
