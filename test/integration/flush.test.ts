/**
 * MikroORM's flush without its AsyncLocalStorage (server/database/flush-without-async-context.ts), on the real
 * database: a flush writes and enters no AsyncLocalStorage; a flush asked for while one runs waits its turn and
 * writes too; a query still flushes what is pending first, but not while the flush runs (which would flush it
 * inside itself).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { UnitOfWork } from "@mikro-orm/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { flushWithoutAsyncContext } from "../../server/database/flush-without-async-context.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());
beforeEach(async () => {
  await db.orm.em.execute("delete from topic where key like 'flush-probe-%'");
});

const topic = (key: string) => new Topic(`flush-probe-${key}`, key, key, "written by flush.test.ts");

/** The probe topics in the database, read on another connection. */
async function stored(): Promise<string[]> {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ key: string }[]>("select key from topic where key like 'flush-probe-%' order by key");
  return rows.map((row) => row.key);
}

describe("flush without AsyncLocalStorage", () => {
  it("is in place once the ORM is connected, and a second call changes nothing", () => {
    const commit = UnitOfWork.prototype.commit;
    expect(String(commit)).not.toContain("insideFlush");
    flushWithoutAsyncContext();
    expect(UnitOfWork.prototype.commit).toBe(commit);
  });

  it("writes, and enters no AsyncLocalStorage", async () => {
    const run = vi.spyOn(AsyncLocalStorage.prototype, "run");
    try {
      const em = db.orm.em.fork();
      em.persist(topic("a"));
      await em.flush();
      expect(run).not.toHaveBeenCalled();
    } finally {
      run.mockRestore();
    }
    expect(await stored()).toEqual(["flush-probe-a"]);
  });

  it("lets a flush asked for while another runs wait its turn, and both write", async () => {
    const em = db.orm.em.fork();
    em.persist(topic("first"));
    const first = em.flush();
    em.persist(topic("second"));
    const second = em.flush();
    await Promise.all([first, second]);
    expect(await stored()).toEqual(["flush-probe-first", "flush-probe-second"]);
  });

  it("flushes pending changes before a query, but not from inside a running flush", async () => {
    const em = db.orm.em.fork();
    em.persist(topic("pending"));
    const found = await em.find(Topic, { key: "flush-probe-pending" });
    expect(found.map((record) => record.key)).toEqual(["flush-probe-pending"]);
    expect(await stored()).toEqual(["flush-probe-pending"]);
    const unitOfWork = em.getUnitOfWork(false) as unknown as { working: boolean };
    const meta = db.orm.getMetadata().get(Topic.name);
    em.persist(topic("later"));
    expect(em.getUnitOfWork(false).shouldAutoFlush(meta)).toBe(true);
    unitOfWork.working = true;
    expect(em.getUnitOfWork(false).shouldAutoFlush(meta)).toBe(false);
    unitOfWork.working = false;
  });
});
