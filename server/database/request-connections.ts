import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";

/**
 * Most database connections one GraphQL operation holds at a time, the ORM's and the
 * search engine's together: an operation with thirty aliased aggregates then takes two
 * of the pool's ten, and the rest stay free for everybody else. Its further statements
 * wait for one of its own two.
 */
export const CONNECTIONS_PER_OPERATION = 2;

/** A pooled connection as the `pg` driver has it. */
type PooledClient = pg.Client & { host: string; port: number };

/** What a pool is asked for: take a connection, or give one back. */
interface PoolAccess {
  take(): Promise<PooledClient>;
  giveBack(client: PooledClient, discard: boolean): void;
}

/**
 * One operation's share of the database: at most `limit` connections at once, and
 * `stop()` at its deadline, which refuses its further statements and cancels the ones
 * running. A cancelled connection is not reused: the cancel request travels on its own
 * socket and could otherwise land on another request's statement.
 */
export class OperationConnections {
  private inUse = 0;
  private readonly queue: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly running = new Set<PooledClient>();
  private readonly cancelled = new WeakSet<PooledClient>();
  private stoppedWith: Error | undefined;

  constructor(private readonly limit = CONNECTIONS_PER_OPERATION) {}

  /** What a query log shows of it (it rides in the logger context): not its connections. */
  toJSON(): { connectionsInUse: number } {
    return { connectionsInUse: this.inUse };
  }

  /** Takes a connection from a pool once one of the operation's own is free. */
  async acquire(pool: PoolAccess): Promise<PooledClient> {
    await this.enter();
    let client: PooledClient;
    try {
      client = await pool.take();
    } catch (error) {
      this.leave();
      throw error;
    }
    if (this.stoppedWith) {
      // The deadline passed while the pool was busy: the statement would run for nobody.
      pool.giveBack(client, false);
      this.leave();
      throw this.stoppedWith;
    }
    this.running.add(client);
    owners.set(client, this);
    return client;
  }

  /** Gives a connection back; tells whether it must be discarded rather than pooled again. */
  release(client: PooledClient): boolean {
    if (!this.running.delete(client)) return false;
    owners.delete(client);
    this.leave();
    return this.cancelled.has(client);
  }

  /** At the deadline: further statements fail with `error`, waiting ones too, and running ones are cancelled. */
  stop(error: Error): void {
    if (this.stoppedWith) return;
    this.stoppedWith = error;
    for (const waiter of this.queue.splice(0)) waiter.reject(error);
    for (const client of this.running) {
      this.cancelled.add(client);
      cancelStatement(client);
    }
  }

  private async enter(): Promise<void> {
    if (this.stoppedWith) throw this.stoppedWith;
    if (this.inUse < this.limit) {
      this.inUse++;
      return;
    }
    // The slot is handed over by `leave()`, so `inUse` stays as it is.
    await new Promise<void>((resolve, reject) => this.queue.push({ resolve, reject }));
  }

  private leave(): void {
    const next = this.queue.shift();
    if (next) next.resolve();
    else this.inUse--;
  }
}

/**
 * Where an EntityManager's logger context holds the operation it reads for. MikroORM passes the logger context of the
 * EntityManager (and of its forks, which copy it) to every statement it runs, so the pool can tell whose statement it
 * is without AsyncLocalStorage, whose first use turns on Node 20's promise hooks for the process (issue 18).
 */
const OPERATION_KEY = "operationConnections";

/** What an EntityManager's logger context is to MikroORM: a record passed along with each statement. */
type LoggerContext = Record<string, unknown>;

/**
 * Makes the statements of `em` (and of its forks) run on `connections`: the resolvers of one GraphQL operation,
 * which all read through its context's EntityManager.
 */
export function bindOperation(em: { getLoggerContext(): LoggerContext }, connections: OperationConnections): void {
  em.getLoggerContext()[OPERATION_KEY] = connections;
}

/** The operation a statement runs for, from the logger context it came with. */
export function operationOf(context: LoggerContext | undefined): OperationConnections | undefined {
  const operation = context?.[OPERATION_KEY];
  return operation instanceof OperationConnections ? operation : undefined;
}

/** Which operation holds a connection (the ORM gives connections back outside the operation's async context). */
const owners = new WeakMap<PooledClient, OperationConnections>();

/**
 * Asks PostgreSQL to cancel the statement a connection runs, with the protocol's cancel
 * request (its own short socket, no login): it works when the pool has no connection
 * left. A connection that runs nothing just then ignores it.
 */
function cancelStatement(client: PooledClient): void {
  const { processID, secretKey } = client as unknown as { processID: number; secretKey: number };
  const connection = new pg.Connection() as pg.Connection & {
    connect(port: number | string, host?: string): void;
    cancel(pid: number, key: number): void;
  };
  // A failed cancel (the server is gone) changes nothing: the statement then ends with its connection.
  connection.on("error", () => undefined);
  connection.once("connect", () => connection.cancel(processID, secretKey));
  if (client.host?.startsWith("/")) connection.connect(`${client.host}/.s.PGSQL.${client.port}`);
  else connection.connect(client.port, client.host);
}

/** The parts of knex's client and tarn's pool that are wrapped. */
interface KnexClient {
  /** Given a statement's logger context (as schema/common/prepared.ts does), counted against its operation. */
  acquireConnection(context?: LoggerContext): Promise<PooledClient>;
  releaseConnection(connection: PooledClient): Promise<void>;
  pool?: { validate(connection: PooledClient): boolean | Promise<boolean> };
  [LIMITED]?: true;
}
const LIMITED = Symbol("ikz-hub.limitedPerOperation");
/** Connections that must not be pooled again: tarn's validation drops them on their next acquire. */
const discarded = new WeakSet<PooledClient>();

/** The part of MikroORM's connection whose statements are counted: every statement of the ORM passes `execute`. */
interface OrmConnection {
  execute(query: unknown, params?: unknown[], method?: string, ctx?: unknown, loggerContext?: LoggerContext): unknown;
}

/**
 * What each operation's ORM statements run with, in place of a transaction (none had been given): knex runs a
 * statement given a transaction on that transaction's client, so this client's connections are the operation's.
 */
const operationClients = new WeakMap<OperationConnections, { client: KnexClient }>();

function runningWith(client: KnexClient, operation: OperationConnections): { client: KnexClient } {
  let bound = operationClients.get(operation);
  if (!bound) {
    const context = { [OPERATION_KEY]: operation };
    // knex moves a statement to a transaction's client only when that client says it is transacting.
    const own = { transacting: { value: true }, acquireConnection: { value: () => client.acquireConnection(context) } };
    bound = { client: Object.create(client, own) as KnexClient };
    operationClients.set(operation, bound);
  }
  return bound;
}

/**
 * Makes the ORM's pool count each GraphQL operation's connections (see `OperationConnections` and
 * `bindOperation`): the statements MikroORM runs for an EntityManager bound to an operation, outside a transaction,
 * and the schema's own reads given its logger context (schema/common/prepared.ts). Statements outside an operation
 * (CLI, health check, page routes) and in a transaction (a write's, a dry run's) take connections as before.
 */
export function limitConnectionsPerOperation(orm: MikroORM): void {
  const connection = orm.em.getConnection() as unknown as OrmConnection & { getKnex(): { client: unknown } };
  const client = connection.getKnex().client as KnexClient;
  if (client[LIMITED]) return;
  client[LIMITED] = true;
  const acquire = client.acquireConnection.bind(client);
  const release = client.releaseConnection.bind(client);
  client.acquireConnection = (context) => {
    const operation = operationOf(context);
    if (!operation) return acquire();
    return operation.acquire({ take: () => acquire(), giveBack: (pooled) => void release(pooled) });
  };
  client.releaseConnection = (pooled) => {
    if (owners.get(pooled)?.release(pooled)) discarded.add(pooled);
    return release(pooled);
  };
  const execute = connection.execute.bind(connection);
  connection.execute = (query, params, method, ctx, loggerContext) => {
    const operation = ctx ? undefined : operationOf(loggerContext);
    return execute(query, params, method, operation ? runningWith(client, operation) : ctx, loggerContext);
  };
  const pool = client.pool;
  if (pool) {
    const validate = pool.validate.bind(pool);
    pool.validate = (pooled) => !discarded.has(pooled) && validate(pooled);
  }
}

/**
 * Runs one statement on a `pg` pool, counted against `operation`'s connections when there is one (the search
 * engine's pools).
 */
export async function queryCounted(
  pool: pg.Pool,
  text: string,
  params?: unknown[],
  operation?: OperationConnections,
): Promise<pg.QueryResult | pg.QueryResult[]> {
  if (!operation) return pool.query(text, params);
  const client = await operation.acquire({
    take: () => pool.connect() as Promise<PooledClient>,
    giveBack: (connection, discard) => (connection as unknown as pg.PoolClient).release(discard),
  });
  let failed = false;
  try {
    return await client.query(text, params);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    const discard = operation.release(client);
    // As `pool.query` does: a connection whose statement failed is closed, it may be broken.
    (client as unknown as pg.PoolClient).release(discard || failed);
  }
}
