/**
 * `transactional` (schema/common/transaction.ts) on the real database: it commits what the work wrote, rolls it all
 * back when the work throws, makes a savepoint inside an open transaction, and never enters an AsyncLocalStorage.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { helper } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { transactional } from "../../schema/common/transaction.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.orm.em.execute("create table tx_probe (id serial primary key, label text not null)");
});
afterAll(() => db?.close());
beforeEach(async () => {
  await db.orm.em.execute("truncate tx_probe");
  await db.orm.em.execute("delete from topic where key like 'tx-probe-%'");
});

/** Writes a row in the transaction of `em`. */
const write = (em: EntityManager, label: string) => em.execute("insert into tx_probe (label) values (?)", [label]);
/** What was committed, read on another connection of the pool. */
async function committed(): Promise<{ rows: string[]; topics: string[] }> {
  const connection = db.orm.em.getConnection();
  const rows = await connection.execute<{ label: string }[]>("select label from tx_probe order by id");
  const topics = await connection.execute<{ key: string }[]>(
    "select key from topic where key like 'tx-probe-%' order by key",
  );
  return { rows: rows.map((row) => row.label), topics: topics.map((row) => row.key) };
}
const topic = (key: string) => new Topic(`tx-probe-${key}`, key, key, "written by transaction.test.ts");

describe("transactional", () => {
  it("commits what the work wrote, entities flushed for it, and answers what the work answered", async () => {
    const answer = await transactional(db.orm.em.fork(), async (tx) => {
      await write(tx, "a");
      tx.persist(topic("a"));
      expect(await tx.execute("select label from tx_probe")).toEqual([{ label: "a" }]);
      expect((await committed()).rows).toEqual([]);
      return 42;
    });
    expect(answer).toBe(42);
    expect(await committed()).toEqual({ rows: ["a"], topics: ["tx-probe-a"] });
  });

  it("hands the entities of the work to the EntityManager it was given", async () => {
    const em = db.orm.em.fork();
    const created = await transactional(em, async (tx) => {
      const record = topic("merged");
      tx.persist(record);
      return record;
    });
    expect(helper(created).__em).toBe(em);
    expect(em.getUnitOfWork(false).getById(Topic.name, created.id)).toBe(created);
  });

  it("rolls everything back when the work throws, and rethrows its error as it is", async () => {
    const error = new Error("the work failed");
    const outcome = transactional(db.orm.em.fork(), async (tx) => {
      await write(tx, "b");
      tx.persist(topic("b"));
      await tx.flush();
      throw error;
    });
    await expect(outcome).rejects.toBe(error);
    expect(await committed()).toEqual({ rows: [], topics: [] });
  });

  it("inside an open transaction, makes a savepoint: a caught inner failure undoes the inner part only", async () => {
    let sqlError: unknown;
    await transactional(db.orm.em.fork(), async (tx) => {
      await write(tx, "outer");
      const inner = await transactional(tx, async (nested) => {
        // The savepoint's work sees the outer transaction's uncommitted row.
        return (await nested.execute<{ label: string }[]>("select label from tx_probe")).map((row) => row.label);
      });
      expect(inner).toEqual(["outer"]);
      const thrown = new Error("the inner work failed");
      await expect(
        transactional(tx, async (nested) => {
          await write(nested, "inner, thrown");
          nested.persist(topic("inner"));
          await nested.flush();
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      // A failed statement aborts a transaction; only the savepoint's rollback lets the outer work go on.
      const failed = await transactional(tx, async (nested) => {
        await write(nested, "inner, failed statement");
        await nested.execute("select 1 / 0").catch((error: unknown) => {
          sqlError = error;
          throw error;
        });
      }).catch((error: unknown) => error);
      expect(sqlError).toBeDefined();
      expect(failed).toBe(sqlError);
      await transactional(tx, (nested) => write(nested, "inner, kept"));
      await write(tx, "after");
    });
    expect(await committed()).toEqual({ rows: ["outer", "inner, kept", "after"], topics: [] });
  });

  it("rolls a committed savepoint back with the outer transaction", async () => {
    const error = new Error("the outer work failed");
    await expect(
      transactional(db.orm.em.fork(), async (tx) => {
        await transactional(tx, async (nested) => {
          await write(nested, "inner");
          nested.persist(topic("inner"));
        });
        throw error;
      }),
    ).rejects.toBe(error);
    expect(await committed()).toEqual({ rows: [], topics: [] });
  });

  it("never enters an AsyncLocalStorage (MikroORM's own em.transactional does)", async () => {
    const run = vi.spyOn(AsyncLocalStorage.prototype, "run");
    const enterWith = vi.spyOn(AsyncLocalStorage.prototype, "enterWith");
    try {
      // From the global EntityManager (as migrate does) and from a fork (as a request does), nested both ways.
      await transactional(db.orm.em, (tx) => write(tx, "global"));
      await transactional(db.orm.em.fork(), async (tx) => {
        await write(tx, "fork");
        await transactional(tx, (nested) => write(nested, "savepoint"));
        await transactional(tx, () => Promise.reject(new Error("rolled back"))).catch(() => undefined);
      });
      await expect(transactional(db.orm.em.fork(), () => Promise.reject(new Error("failed")))).rejects.toThrow();
      expect(run).not.toHaveBeenCalled();
      expect(enterWith).not.toHaveBeenCalled();
      expect((await committed()).rows).toEqual(["global", "fork", "savepoint"]);
      // The spies do see it when it happens.
      await db.orm.em.fork().transactional((tx) => write(tx, "mikro-orm"));
      expect(run).toHaveBeenCalled();
    } finally {
      run.mockRestore();
      enterWith.mockRestore();
    }
  });
});
