import pg from "pg";
import { vi } from "vitest";

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
