import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";
import { type OperationConnections, queryCounted } from "../database/request-connections.js";
import type { Sql } from "./sql-fragment.js";

/** Connections per pool: a search runs at most two statements at once. */
const POOL_SIZE = 4;
/** How long an unused connection stays open. */
const IDLE_MS = 30_000;
/** Longest wait for a free connection (or a new one): then the search fails rather than hang. */
const CONNECT_TIMEOUT_MS = 5_000;

/** `?` placeholders as PostgreSQL's `$1`, `$2`, …; the engine's SQL has no other question marks. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `?` placeholders replaced by quoted literals, for statements sent several at once (which take no parameters). */
export function inlined({ sql, params }: Sql): string {
  let n = 0;
  const text = sql.replace(/\?/g, () => pg.escapeLiteral(String(params[n++])));
  if (n !== params.length) throw new Error(`the statement has ${n} placeholders for ${params.length} parameters`);
  return text;
}

/**
 * The search engine's own connections to the hub's database, with the `pg` driver
 * alone: a search sends a dozen statements, and the ORM's query building cost a few
 * milliseconds of CPU per search. Two pools, whose connections differ in one setting:
 * `indexed` ones may not scan tables sequentially (`enable_seqscan = off`), for the
 * statements the engine has decided to answer from the GIN indexes, so that no
 * `SET LOCAL` transaction (three more round trips) is needed. Both share the ORM's
 * statement timeout, and both start scans at a table's first row: otherwise a scan of a
 * table larger than a quarter of `shared_buffers` joins a concurrent one mid-table, and
 * the first matches it finds (the candidates a broad query ranks) would change from
 * request to request, so that pages repeat or skip hits. Inside a GraphQL operation their
 * connections count against the operation's own (see request-connections.ts).
 */
export class SearchConnections {
  private readonly scanning: pg.Pool;
  private readonly indexed: pg.Pool;

  constructor(orm: MikroORM) {
    const connectionString = orm.config.get("clientUrl");
    const statementTimeout = (orm.config.get("driverOptions") as { connection?: { statement_timeout?: number } })
      .connection?.statement_timeout;
    const pool = (options: string) => {
      const created = new pg.Pool({
        connectionString,
        max: POOL_SIZE,
        idleTimeoutMillis: IDLE_MS,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        allowExitOnIdle: true,
        options,
        ...(statementTimeout ? { statement_timeout: statementTimeout } : {}),
      });
      // An idle connection the server closed (a restart, a dropped database) is replaced on the next query; without a
      // listener its error would end the process.
      created.on("error", () => undefined);
      return created;
    };
    this.scanning = pool("-c synchronize_seqscans=off");
    this.indexed = pool("-c synchronize_seqscans=off -c enable_seqscan=off");
  }

  /**
   * Runs one statement; `indexed` runs it where sequential scans are off. With `operation`, it counts against that
   * GraphQL operation's connections.
   */
  async query<T>(
    { sql, params }: Sql,
    { indexed = false, operation }: { indexed?: boolean; operation?: OperationConnections } = {},
  ): Promise<T[]> {
    const result = (await queryCounted(
      indexed ? this.indexed : this.scanning,
      numbered(sql),
      params,
      operation,
    )) as pg.QueryResult;
    return result.rows as T[];
  }

  /** Runs several parameterless statements in one round trip, each distinct one once; returns each one's rows. */
  async batch<T>(statements: readonly string[], operation?: OperationConnections): Promise<T[][]> {
    const distinct = [...new Set(statements)];
    if (!distinct.length) return [];
    const results = await queryCounted(this.scanning, distinct.join(";\n"), undefined, operation);
    const rows = new Map(
      (Array.isArray(results) ? results : [results]).map((result, index) => [distinct[index], result.rows as T[]]),
    );
    return statements.map((statement) => rows.get(statement)!);
  }

  /** Closes both pools. */
  async close(): Promise<void> {
    await Promise.all([this.scanning.end(), this.indexed.end()]);
  }
}
