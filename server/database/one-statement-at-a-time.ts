import type { MikroORM } from "@mikro-orm/postgresql";

/** The part of knex's PostgreSQL client that sends one statement on one connection. */
export interface StatementSender {
  _query(connection: object, statement: unknown): Promise<unknown>;
  [ONE_AT_A_TIME]?: true;
}

const ONE_AT_A_TIME = Symbol("ikz-hub.oneStatementAtATime");

/** Per connection, the end of the last statement given to it, while one is unanswered. */
const last = new WeakMap<object, Promise<void>>();

/**
 * Makes MikroORM's PostgreSQL clients (every one in this process: the change is on their knex class) hand each
 * database connection its statements one at a time, in the order they were given. A transaction has one connection,
 * and the resolvers of an operation run in one (a dry run, the editor's preview of a form) read in parallel:
 * node-postgres then queues a statement given while another runs, which it reports as deprecated ("Calling
 * client.query() when the client is already executing a query") and pg 9 removes. Waiting here keeps what the queue
 * did: the same order, each statement sent when the one before has answered, a failed one not holding up the next.
 * Statements outside a transaction each take a connection of their own and never wait here. knex's streams
 * (`_stream`) are not chained: the hub streams nothing through knex.
 */
export function oneStatementAtATime(orm: MikroORM): void {
  const sender = statementSenderOf(orm);
  if (Object.hasOwn(sender, ONE_AT_A_TIME)) return;
  sender[ONE_AT_A_TIME] = true;
  const send = sender._query;
  sender._query = function (this: StatementSender, connection, statement) {
    return afterThePrevious(connection, () => send.call(this, connection, statement));
  };
}

/**
 * Where the ORM's statements are sent: the prototype of its knex client's class, since knex makes a transaction's
 * client from the class's prototype, not from the ORM's client.
 */
export function statementSenderOf(orm: MikroORM): StatementSender {
  return Object.getPrototypeOf(orm.em.getConnection().getKnex().client) as StatementSender;
}

/** Runs `send` once the statements given to `connection` before it have answered; its answer. */
function afterThePrevious(connection: object, send: () => Promise<unknown>): Promise<unknown> {
  const before = last.get(connection);
  const answer = before ? before.then(send) : send();
  const forget = () => {
    if (last.get(connection) === ended) last.delete(connection);
  };
  const ended = answer.then(forget, forget);
  last.set(connection, ended);
  return answer;
}
