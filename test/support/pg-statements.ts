import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";
import { vi } from "vitest";
import { statementSenderOf } from "../../server/database/one-statement-at-a-time.js";

/** A statement node-postgres was asked to run: its text, its connection, and whether that was busy with another. */
export interface AskedStatement {
  text: string;
  connection: object;
  busy: boolean;
}

/**
 * Watches what this process asks node-postgres (every `pg.Client#query`), until `restore()`: "busy" means the
 * connection was running or queueing another statement then, which node-postgres reports as deprecated.
 */
export function watchPgStatements(): { asked: AskedStatement[]; restore: () => void } {
  const asked: AskedStatement[] = [];
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const state = this as unknown as { _activeQuery: unknown; _queryQueue: unknown[] };
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === "string" ? config : (config?.text ?? "");
    asked.push({ text, connection: this, busy: Boolean(state._activeQuery) || state._queryQueue.length > 0 });
    return original.apply(this, args) as never;
  });
  return { asked, restore: () => spy.mockRestore() };
}

/**
 * Counts, until `restore()`, the statements MikroORM's knex gave a connection while an earlier one of it was still
 * unanswered (before they reach node-postgres): the parallel reads that must then wait their turn.
 */
export function watchStatementsGiven(orm: MikroORM): { overlapping: () => number; restore: () => void } {
  const sender = statementSenderOf(orm);
  const send = sender._query;
  const unanswered = new Map<object, number>();
  let overlapping = 0;
  const spy = vi.spyOn(sender, "_query").mockImplementation(function (this: unknown, connection, statement) {
    const waiting = unanswered.get(connection) ?? 0;
    if (waiting > 0) overlapping++;
    unanswered.set(connection, waiting + 1);
    const answered = () => unanswered.set(connection, unanswered.get(connection)! - 1);
    const answer = send.call(this, connection, statement);
    answer.then(answered, answered);
    return answer;
  });
  return { overlapping: () => overlapping, restore: () => spy.mockRestore() };
}
