import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";
import { transactional } from "../../schema/common/transaction.js";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTable,
  type BackupTrailer,
  BackupFileError,
  readBackup,
  RowsHash,
} from "./backup-file.js";
import { migrations as committedMigrations } from "./migrations/index.js";
import { withMigrationLock } from "./database.js";
import { hubVersion } from "../version.js";

/** The table that records applied migrations: the header carries its content, restore rebuilds it by migrating. */
const MIGRATIONS_TABLE = "mikro_orm_migrations";

/** Rows fetched from the snapshot at once. */
const FETCH_ROWS = 1000;

/** Reports progress: rows done of the total. */
export interface BackupProgress {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

/** Double-quotes an SQL identifier. */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Session settings under which rows read the same on every server (timestamps in UTC, shortest exact floats). */
const SESSION_SETTINGS = { timezone: "UTC", extra_float_digits: "1", statement_timeout: "0" };

/** `set` (or `set local`) statements of `SESSION_SETTINGS`. */
function sessionSql(local: boolean): string[] {
  return Object.entries(SESSION_SETTINGS).map(([name, value]) => `set ${local ? "local " : ""}${name} = '${value}'`);
}

/**
 * The hub's tables in the `public` schema, parents before children (by their foreign keys), each with its stored
 * columns (generated ones are computed again on insert). Deferred foreign keys, which break the one cycle of the
 * schema (a municipality's population source is a source, which belongs to a municipality), are checked at the
 * restore's commit and do not order the tables.
 */
const TABLES_SQL = `
  with recursive tables as (
    select c.oid, c.relname from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname <> '${MIGRATIONS_TABLE}'
  ), depth (oid, level) as (
    select oid, 0 from tables
    union all
    select f.conrelid, d.level + 1 from depth d
      join pg_constraint f on f.contype = 'f' and f.confrelid = d.oid and f.conrelid <> d.oid and not f.condeferrable
     where d.level < 100
  )
  select t.relname as name,
         (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
           where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
         (select max(level) from depth d where d.oid = t.oid) as level
    from tables t
   order by level, name`;

/** The sequences of the `public` schema. */
const SEQUENCES_SQL = `select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' order by 1`;

/** Reads, in the open snapshot of `client`, the header and the number of rows to come. */
async function readHeader(client: pg.Client): Promise<{ header: BackupHeader; total: number }> {
  const { rows: present } = await client.query<{ t: string | null }>(
    `select to_regclass('${MIGRATIONS_TABLE}')::text as t`,
  );
  if (!present[0].t) throw new Error("The database holds no hub schema to back up (it was never migrated)");
  const { rows: migrationRows } = await client.query<{ name: string }>(
    `select name from ${MIGRATIONS_TABLE} order by id`,
  );
  const { rows: tables } = await client.query<BackupTable>(TABLES_SQL);
  const { rows: server } = await client.query<{ v: string }>("select current_setting('server_version') as v");
  const counts = await client.query<Record<string, number>>(
    `select ${tables.map((t, i) => `(select count(*)::int from ${ident(t.name)}) as c${i}`).join(", ") || "0 as c0"}`,
  );
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    hubVersion: hubVersion(),
    createdAt: new Date().toISOString(),
    server: server[0].v,
    migrations: migrationRows.map((row) => row.name),
    tables: tables.map(({ name, columns }) => ({ name, columns })),
  };
  return { header, total: tables.reduce((sum, _t, i) => sum + (counts.rows[0][`c${i}`] ?? 0), 0) };
}

/** Writes one table's rows between its `T` and `E` lines; returns their count and hash. */
async function writeTable(
  client: pg.Client,
  table: BackupTable,
  emit: (line: string) => Promise<void>,
  onRows: (n: number) => void,
): Promise<{ count: number; hash: string }> {
  await emit(`T ${table.name}`);
  const hash = new RowsHash();
  let count = 0;
  const columns = table.columns.map(ident).join(", ");
  await client.query(
    `declare backup_rows no scroll cursor for select to_jsonb(r)::text as row from (select ${columns} from ${ident(table.name)}) r`,
  );
  for (;;) {
    const { rows } = await client.query<{ row: string }>(`fetch ${FETCH_ROWS} from backup_rows`);
    for (const { row } of rows) {
      hash.add(row);
      await emit(`R ${row}`);
    }
    count += rows.length;
    onRows(rows.length);
    if (rows.length < FETCH_ROWS) break;
  }
  await client.query("close backup_rows");
  await emit(`E ${table.name}`);
  return { count, hash: hash.hex() };
}

/** Each sequence's state; sequences are not transactional, so never behind the snapshot's rows. */
async function readSequences(client: pg.Client): Promise<BackupTrailer["sequences"]> {
  const { rows: sequences } = await client.query<{ name: string }>(SEQUENCES_SQL);
  const states: BackupTrailer["sequences"] = [];
  for (const { name } of sequences) {
    const { rows } = await client.query<{ value: string; is_called: boolean }>(
      `select last_value::text as value, is_called from ${ident(name)}`,
    );
    states.push({ name, value: rows[0].value, isCalled: rows[0].is_called });
  }
  return states;
}

/**
 * Writes a backup of the database at `clientUrl` to `file`: one REPEATABLE READ, READ ONLY transaction (one
 * snapshot, no lock that holds writers up), its rows streamed through gzip into `file.partial`, renamed to `file`
 * once complete, removed on failure. Returns the trailer.
 */
export async function writeBackup(clientUrl: string, file: string, progress: BackupProgress): Promise<BackupTrailer> {
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: clientUrl });
  await client.connect();
  let streams: Writable[] = [];
  try {
    for (const statement of sessionSql(false)) await client.query(statement);
    await client.query("begin isolation level repeatable read, read only");
    const { header, total } = await readHeader(client);
    const gzip = createGzip();
    const target = createWriteStream(partial, { flags: "w", mode: 0o600 });
    streams = [gzip, target];
    // An unwritable path fails here, before any row is read.
    await once(target, "open");
    // A failed write (disk full, file size limit) destroys both streams, so a writer waiting for "drain" fails too.
    const written = pipeline(gzip, target);
    written.catch(() => undefined);
    const sha = createHash("sha256");
    const emit = async (line: string) => {
      sha.update(`${line}\n`);
      // A destroyed stream never drains: the pipeline's failure ends the wait.
      if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, "drain"), written]);
    };
    progress.start(total);
    let done = 0;
    await emit(`H ${JSON.stringify(header)}`);
    const trailer: BackupTrailer = { rows: {}, hashes: {}, sequences: [], sha256: "" };
    for (const table of header.tables) {
      const { count, hash } = await writeTable(client, table, emit, (n) => progress.update((done += n)));
      trailer.rows[table.name] = count;
      trailer.hashes[table.name] = hash;
    }
    trailer.sequences = await readSequences(client);
    await client.query("commit");
    trailer.sha256 = sha.digest("hex");
    gzip.end(`S ${JSON.stringify(trailer)}\n`);
    await written;
    progress.stop();
    await rename(partial, file);
    return trailer;
  } catch (error) {
    for (const stream of streams) stream.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The first table of the target that holds a record, or null. Search, similarity and stats tables do not count: triggers
 * derive them from the records, and migrations write rows of their own there (the similarity terms' `#`).
 */
async function firstNonEmptyTable(em: MikroORM["em"]): Promise<string | null> {
  const tables = await em.execute<{ name: string }[]>(
    `select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
        and relname <> '${MIGRATIONS_TABLE}' and relname !~ '^(search|similarity|stats)_' order by 1`,
  );
  for (const { name } of tables) {
    const [row] = await em.execute<{ any: boolean }[]>(`select exists (select 1 from ${ident(name)}) as any`);
    if (row.any) return name;
  }
  return null;
}

/** The migrations applied in the target (none when it was never migrated). */
async function appliedMigrations(em: MikroORM["em"]): Promise<string[]> {
  const [{ t }] = await em.execute<{ t: string | null }[]>(`select to_regclass('${MIGRATIONS_TABLE}')::text as t`);
  if (!t) return [];
  return (await em.execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE} order by id`)).map((r) => r.name);
}

/** Reads the whole file once, so that a bad one is refused before the database is touched. */
export async function checkBackup(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  let header: BackupHeader | null = null;
  for await (const event of readBackup(file)) {
    if (event.kind === "header") {
      header = event.header;
      const known = new Set(committedMigrations.map((migration) => migration.name));
      const unknown = header.migrations.filter((name) => !known.has(name));
      if (unknown.length)
        throw new BackupFileError(
          `from a newer schema: migration ${unknown[0]} is unknown to this version of the hub (${header.hubVersion} wrote it); restore it with that version or newer`,
        );
    }
    if (event.kind === "trailer") return { header: header!, trailer: event.trailer };
  }
  throw new BackupFileError("truncated");
}

/** Options of `restoreBackup`. */
export interface RestoreOptions {
  /** Empties a target that holds hub data first; without it such a target is refused. */
  replace: boolean;
  progress: BackupProgress;
}

/** What `restoreBackup` did. */
export interface RestoreResult {
  rows: number;
  /** Migrations of this version applied after the rows were loaded (the backup was older). */
  upgraded: string[];
}

/**
 * Restores a checked backup (see `checkBackup`) into the database of `orm`, all in one transaction under the
 * migration lock: migrates the target to the backup's schema state, loads the rows with the tables' triggers off
 * (the snapshot's search documents and similarity features are copied as they were, consistent with its rows),
 * sets the sequences, checks every table's count and hash against the trailer, then applies this version's newer
 * migrations. A failure rolls everything back.
 */
export async function restoreBackup(
  orm: MikroORM,
  file: string,
  { header, trailer }: { header: BackupHeader; trailer: BackupTrailer },
  { replace, progress }: RestoreOptions,
): Promise<RestoreResult> {
  return withMigrationLock(orm.config.get("clientUrl")!, null, () =>
    transactional(orm.em, async (em) => {
      for (const statement of sessionSql(true)) await em.execute(statement);
      const applied = await appliedMigrations(em);
      const extra = applied.filter((name) => !header.migrations.includes(name));
      if (extra.length)
        throw new Error(
          `The target database has migration ${extra[0]}, which the backup lacks (its schema is newer); restore into an empty database`,
        );
      const occupied = await firstNonEmptyTable(em);
      if (occupied && !replace)
        throw new Error(
          `The target database already holds hub data (table ${occupied} has rows); restore into an empty database, or pass --replace to overwrite it`,
        );
      const missing = header.migrations.filter((name) => !applied.includes(name));
      if (missing.length) await orm.migrator.up({ migrations: missing, transaction: em.getTransactionContext() });
      const tables = header.tables.map((table) => ident(table.name));
      // Also what migrations wrote: the backup holds those rows as they were in the snapshot.
      if (tables.length) await em.execute(`truncate ${tables.join(", ")}`);
      for (const table of tables) await em.execute(`alter table ${table} disable trigger user`);
      const total = Object.values(trailer.rows).reduce((sum, n) => sum + n, 0);
      progress.start(total);
      let done = 0;
      for await (const event of readBackup(file)) {
        if (event.kind !== "rows") continue;
        const columns = event.table.columns.map(ident).join(", ");
        const table = ident(event.table.name);
        await em
          .execute(
            `insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, ?::jsonb)`,
            [`[${event.rows.join(",")}]`],
          )
          .catch((error: unknown) => {
            // The driver's message starts with the statement, rows and all.
            const reason = (error as { sqlMessage?: string }).sqlMessage ?? String(error).slice(0, 200);
            throw new Error(`Cannot load table ${event.table.name}: ${reason}; nothing was restored`);
          });
        done += event.rows.length;
        progress.update(done);
      }
      progress.stop();
      // The deferred foreign keys are checked now, with every row loaded: a table with pending checks cannot be altered.
      await em.execute("set constraints all immediate");
      for (const table of tables) await em.execute(`alter table ${table} enable trigger user`);
      for (const { name, value, isCalled } of trailer.sequences)
        await em.execute("select setval(?::regclass, ?::bigint, ?)", [ident(name), value, isCalled]);
      await verifyTables(em, header, trailer);
      const upgraded = await orm.migrator.up({ transaction: em.getTransactionContext() });
      return { rows: total, upgraded: upgraded.map((migration) => migration.name) };
    }),
  );
}

/** Reads every restored table back and compares its count and hash with the trailer's. */
async function verifyTables(em: MikroORM["em"], header: BackupHeader, trailer: BackupTrailer): Promise<void> {
  for (const table of header.tables) {
    const columns = table.columns.map(ident).join(", ");
    const hash = new RowsHash();
    let count = 0;
    await em.execute(
      `declare restore_check no scroll cursor for select to_jsonb(r)::text as row from (select ${columns} from ${ident(table.name)}) r`,
    );
    for (;;) {
      const rows = await em.execute<{ row: string }[]>(`fetch ${FETCH_ROWS} from restore_check`);
      for (const { row } of rows) hash.add(row);
      count += rows.length;
      if (rows.length < FETCH_ROWS) break;
    }
    await em.execute("close restore_check");
    if (count !== trailer.rows[table.name] || hash.hex() !== trailer.hashes[table.name])
      throw new Error(
        `Restored table ${table.name} differs from the backup (${count} rows, the backup has ${trailer.rows[table.name]}); nothing was restored`,
      );
  }
}
