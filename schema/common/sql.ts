import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * Runs one read-only SQL statement with `?` placeholders on the request's
 * connection, so that it is logged and counted like the ORM's own statements.
 * An array bound to a `?` expands to a list, e.g. `in (?)`; callers skip the
 * statement when such a list would be empty. Inside the request's transaction when it has one (a dry run, see
 * schema/publishing/dry-run.ts), so that it reads what the operation wrote.
 */
export function selectRows<T extends object>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  // With its logger context: the server counts the statement against the GraphQL operation `em` reads for.
  return em.getConnection().execute<T[]>(sql, [...params], "all", em.getTransactionContext(), em.getLoggerContext());
}

/** Groups rows by a key, keeping their order within each group. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
