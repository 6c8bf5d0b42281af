/**
 * Statements of one connection one at a time (server/database/one-statement-at-a-time.ts), on the real database:
 * reads given in parallel inside a transaction reach node-postgres one after another, in their order, and a failed
 * one does not hold up the next; outside a transaction parallel reads still run side by side on connections of
 * their own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneStatementAtATime } from "../../server/database/one-statement-at-a-time.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { watchPgStatements, watchStatementsGiven } from "../support/pg-statements.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

const sleepy = (label: string, seconds: number) => `select '${label}' as label, pg_sleep(${seconds}) as slept`;

describe("statements of one connection one at a time", () => {
  // Without the chaining, the second and third read reach node-postgres while the first still runs (busy).
  it("sends the parallel reads of a transaction one after another, in their order", async () => {
    const em = db.orm.em.fork();
    const watch = watchPgStatements();
    const given = watchStatementsGiven(db.orm);
    try {
      await em.begin();
      const connection = em.getConnection();
      const labels = ["erste", "zweite", "dritte"];
      const answers = await Promise.all(
        labels.map((label) =>
          connection.execute<{ label: string }[]>(sleepy(label, 0.05), [], "all", em.getTransactionContext()),
        ),
      );
      await em.rollback();
      expect(answers.map((rows) => rows[0].label)).toEqual(labels);
      const reads = watch.asked.filter(({ text }) => text.includes("pg_sleep"));
      expect(reads.map(({ text }) => /'(\w+)'/.exec(text)?.[1])).toEqual(labels);
      expect(new Set(reads.map(({ connection }) => connection)).size).toBe(1);
      expect(given.overlapping()).toBe(2);
      expect(watch.asked.filter(({ busy }) => busy)).toEqual([]);
    } finally {
      watch.restore();
      given.restore();
    }
  });

  // These two hold with or without the chaining: they check that it changes nothing there.
  it("lets the statement after a failed one run (and answer for itself)", async () => {
    const em = db.orm.em.fork();
    await em.begin();
    const ctx = em.getTransactionContext();
    const connection = em.getConnection();
    const settled = await Promise.allSettled([
      connection.execute("select 1 as one", [], "all", ctx),
      connection.execute("select * from no_such_table", [], "all", ctx),
      connection.execute("select 3 as three", [], "all", ctx),
    ]);
    await em.rollback();
    expect(settled.map(({ status }) => status)).toEqual(["fulfilled", "rejected", "rejected"]);
    // It was sent after the failure and answered: PostgreSQL refuses further statements of an aborted transaction.
    expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ code: "25P02" });
  });

  it("leaves reads outside a transaction side by side, on connections of their own", async () => {
    const watch = watchPgStatements();
    try {
      const connection = db.orm.em.getConnection();
      await Promise.all(["a", "b"].map((label) => connection.execute(sleepy(label, 0.1))));
      const reads = watch.asked.filter(({ text }) => text.includes("pg_sleep"));
      expect(reads).toHaveLength(2);
      expect(new Set(reads.map(({ connection }) => connection)).size).toBe(2);
      expect(reads.filter(({ busy }) => busy)).toEqual([]);
    } finally {
      watch.restore();
    }
  });

  it("is in place once the ORM is connected, and a second call changes nothing", () => {
    const client = db.orm.em.getConnection().getKnex().client as unknown as { _query: () => unknown };
    const query = client._query;
    oneStatementAtATime(db.orm);
    expect(client._query).toBe(query);
  });
});
