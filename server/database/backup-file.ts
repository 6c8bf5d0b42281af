import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createGunzip } from "node:zlib";

/**
 * The hub's backup file: gzip of UTF-8 lines, each a tag and a payload.
 *
 * - `H {header}`: the first line (`BackupHeader`);
 * - `T name`: a table starts; its rows follow, in the header's table order (parents before children);
 * - `R {row}`: one row as PostgreSQL's `to_jsonb(row)::text` (JSON escapes every newline);
 * - `E name`: the table ends;
 * - `S {trailer}`: the last line (`BackupTrailer`), with the row counts and the SHA-256 of every byte before it.
 *
 * A file lacking its trailer, or whose bytes do not hash to it, is truncated or corrupt.
 */
export const BACKUP_FORMAT = "ikz-hub-backup";
/** The version of the layout above; a reader refuses others. */
export const BACKUP_FORMAT_VERSION = 1;

/** A table of the backup: its name and the columns its rows carry. */
export interface BackupTable {
  name: string;
  columns: string[];
}

/** The first line of a backup: what it is and which schema state its rows belong to. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  hubVersion: string;
  createdAt: string;
  /** `server_version` of the PostgreSQL it was taken from. */
  server: string;
  /** The migrations applied in the snapshot, in the order they ran. */
  migrations: string[];
  /** Every table of the hub's schema (all but the migration log), parents before children. */
  tables: BackupTable[];
}

/** The last line of a backup. */
export interface BackupTrailer {
  /** Rows per table. */
  rows: Record<string, number>;
  /** Order-independent hash of each table's row lines (`rowsHash`), to compare a restored table with the snapshot. */
  hashes: Record<string, string>;
  /** Each sequence's state in the snapshot's time (sequences are not transactional: never behind the rows). */
  sequences: { name: string; value: string; isCalled: boolean }[];
  /** SHA-256 (hex) of every byte before the trailer line. */
  sha256: string;
}

/** A backup file that cannot be restored: not a backup, truncated, corrupt or from a newer hub. */
export class BackupFileError extends Error {
  override name = "BackupFileError";
}

/** An order-independent sum of row hashes (the low 128 bits of each row's SHA-256, added mod 2^128). */
export class RowsHash {
  private sum = 0n;
  private static readonly MASK = (1n << 128n) - 1n;

  add(row: Buffer | string): void {
    const digest = createHash("sha256").update(row).digest();
    this.sum = (this.sum + BigInt(`0x${digest.subarray(0, 16).toString("hex")}`)) & RowsHash.MASK;
  }

  hex(): string {
    return this.sum.toString(16).padStart(32, "0");
  }
}

/** Longest line a reader accepts (a row of the hub is far shorter); guards memory against a hostile file. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Splits a byte stream into lines (without the newline). */
async function* lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      const line = Buffer.concat([...pending, chunk.subarray(start, end)]);
      pending = [];
      pendingBytes = 0;
      yield line;
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) throw new BackupFileError("a line is longer than any backup writes");
    }
  }
  if (pendingBytes) yield Buffer.concat(pending);
}

/** One line of a backup: its tag and its payload. */
function split(line: Buffer): [string, string] {
  const text = line.toString("utf8");
  return [text.slice(0, 1), text.slice(2)];
}

/** Parses JSON of a header or trailer, or throws the error of a corrupt file. */
function json<T>(text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFileError(`corrupt (its ${what} is not valid JSON)`);
  }
  if (typeof value !== "object" || value === null) throw new BackupFileError(`corrupt (its ${what} is no object)`);
  return value as T;
}

/** Checks that the first line is a backup header of a format this hub reads. */
function parseHeader(line: Buffer | undefined): BackupHeader {
  const [tag, payload] = line ? split(line) : ["", ""];
  let header: Partial<BackupHeader> | null = null;
  if (tag === "H") {
    try {
      header = JSON.parse(payload) as Partial<BackupHeader>;
    } catch {
      header = null;
    }
  }
  if (!header || header.format !== BACKUP_FORMAT) throw new BackupFileError("not an ikz-hub backup");
  if (header.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupFileError(
      `backup format version ${String(header.formatVersion)}; this hub reads version ${BACKUP_FORMAT_VERSION}`,
    );
  const stringList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === "string");
  if (
    !stringList(header.migrations) ||
    !Array.isArray(header.tables) ||
    !header.tables.every((table) => typeof table?.name === "string" && stringList(table.columns))
  )
    throw new BackupFileError("its header is incomplete");
  return header as BackupHeader;
}

/** What the reader hands on: the header once, then each table with its rows, then the checked trailer. */
export type BackupEvent =
  | { kind: "header"; header: BackupHeader }
  | { kind: "rows"; table: BackupTable; rows: string[] }
  | { kind: "trailer"; trailer: BackupTrailer };

/** Rows handed on at once. */
const ROWS_PER_BATCH = 500;

/** Turns zlib's and the file system's errors into the one line an operator needs. */
function readError(error: unknown): Error {
  if (error instanceof BackupFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new BackupFileError("no such file");
  if (code === "EISDIR") return new BackupFileError("it is a directory");
  if (code === "EACCES") return new BackupFileError("permission denied");
  if (code === "Z_DATA_ERROR") return new BackupFileError("not an ikz-hub backup (not gzip data, or corrupt)");
  if (code === "Z_BUF_ERROR") return new BackupFileError("truncated (the compressed data ends early)");
  return error instanceof Error ? error : new Error(String(error));
}

/** Lines of a backup, one at a time. */
interface LineSource {
  next(): Promise<IteratorResult<Buffer>>;
}

/** Reads one table's lines, from its `T` to its `E` line, yielding its rows in batches; returns their count and hash. */
async function* readTable(
  iterator: LineSource,
  table: BackupTable,
): AsyncGenerator<BackupEvent, { count: number; hash: string }> {
  const start = await iterator.next();
  if (start.done) throw new BackupFileError(`truncated (table ${table.name} is missing)`);
  if (start.value.toString("utf8") !== `T ${table.name}`)
    throw new BackupFileError(`corrupt (expected table ${table.name})`);
  let rows: string[] = [];
  const hash = new RowsHash();
  let count = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw new BackupFileError(`truncated (in table ${table.name})`);
    const [tag, payload] = split(next.value);
    if (tag === "E" && payload === table.name) break;
    if (tag !== "R") throw new BackupFileError(`corrupt (a line of table ${table.name} is no row)`);
    hash.add(payload);
    rows.push(payload);
    count++;
    if (rows.length === ROWS_PER_BATCH) {
      yield { kind: "rows", table, rows };
      rows = [];
    }
  }
  if (rows.length) yield { kind: "rows", table, rows };
  return { count, hash: hash.hex() };
}

/**
 * Reads a backup file and yields its header, its rows table by table and its trailer. Throws a
 * `BackupFileError` as soon as the file shows itself not a backup, and at the end when it is truncated or corrupt
 * (its rows must therefore not be committed before the trailer came).
 */
export async function* readBackup(file: string): AsyncGenerator<BackupEvent> {
  const hash = createHash("sha256");
  // gzip reports an empty file as cut short; it is no backup at all.
  if ((await stat(file).catch((error: unknown) => Promise.reject(readError(error)))).size === 0)
    throw new BackupFileError("not an ikz-hub backup (the file is empty)");
  const source = createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not forward the file's errors.
  source.on("error", (error) => gunzip.destroy(error));
  const lineIterator = lines(source.pipe(gunzip));
  /** The next line, hashed: every line but the trailer is read through here. */
  const iterator: LineSource = {
    async next(): Promise<IteratorResult<Buffer>> {
      const result = await lineIterator.next();
      if (!result.done) hash.update(result.value).update("\n");
      return result;
    },
  };
  try {
    const first = await iterator.next();
    const header = parseHeader(first.done ? undefined : first.value);
    yield { kind: "header", header };
    const counts: Record<string, number> = {};
    const hashes: Record<string, string> = {};
    for (const table of header.tables) {
      const { count, hash: tableHash } = yield* readTable(iterator, table);
      counts[table.name] = count;
      hashes[table.name] = tableHash;
    }
    const digest = hash.copy().digest("hex");
    const last = await lineIterator.next();
    if (last.done) throw new BackupFileError("truncated (the trailer is missing)");
    const [tag, payload] = split(last.value);
    if (tag !== "S") throw new BackupFileError("corrupt (expected the trailer)");
    const trailer = json<BackupTrailer>(payload, "trailer");
    if ((await lineIterator.next()).done === false) throw new BackupFileError("corrupt (data after the trailer)");
    if (trailer.sha256 !== digest) throw new BackupFileError("corrupt (its checksum does not match)");
    for (const table of header.tables)
      if (trailer.rows?.[table.name] !== counts[table.name] || trailer.hashes?.[table.name] !== hashes[table.name])
        throw new BackupFileError(`corrupt (table ${table.name} differs from the trailer's count or hash)`);
    if (!Array.isArray(trailer.sequences)) throw new BackupFileError("its trailer is incomplete");
    yield { kind: "trailer", trailer };
  } catch (error) {
    throw readError(error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}
