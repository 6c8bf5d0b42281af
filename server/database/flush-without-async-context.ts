import { UnitOfWork } from "@mikro-orm/core";

/** The parts of MikroORM's UnitOfWork (6.6) that its `commit` uses. */
interface Committing {
  working: boolean;
  flushQueue: (() => Promise<void>)[];
  doCommit(): Promise<void>;
  postCommitCleanup(): void;
  shouldAutoFlush(meta: unknown): boolean;
  commit(): Promise<void>;
}

const PATCHED = Symbol("ikz-hub.flushWithoutAsyncContext");

/**
 * Makes MikroORM's flush work without its AsyncLocalStorage. MikroORM 6.6 runs every `em.flush()` inside one
 * (`insideFlush`, a module constant of UnitOfWork.js) to know, in the flush's own async calls, that it is inside the
 * flush. In Node 20 the first use of any AsyncLocalStorage turns on promise hooks for the whole process, and every
 * promise after that costs more: about 15 % of the CPU of a nested read once an editor had saved anything (issue 18).
 *
 * Here "inside the flush" is the unit of work's own `working` flag, which `commit` already keeps: while a unit of work
 * flushes, it does not flush itself again for a query (`shouldAutoFlush`), and a second `commit` waits its turn, as
 * MikroORM does for a commit from outside the flush. MikroORM would instead refuse a commit from the flush's own
 * event handlers (`cannotCommit`); the hub has no flush handlers. Checked against the version it was written for:
 * a MikroORM whose `commit` no longer reads as expected is refused, so an upgrade is looked at, not silently changed.
 */
export function flushWithoutAsyncContext(): void {
  const proto = UnitOfWork.prototype as unknown as Committing & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  if (!String(proto.commit).includes("insideFlush.run(true")) {
    throw new Error("MikroORM's UnitOfWork.commit has changed: review server/database/flush-without-async-context.ts");
  }
  proto[PATCHED] = true;
  const shouldAutoFlush = proto.shouldAutoFlush;
  proto.shouldAutoFlush = function (this: Committing, meta: unknown) {
    return !this.working && shouldAutoFlush.call(this, meta);
  };
  proto.commit = async function (this: Committing) {
    if (this.working) {
      return new Promise<void>((resolve, reject) => {
        this.flushQueue.push(() => this.doCommit().then(resolve, reject));
      });
    }
    try {
      this.working = true;
      await this.doCommit();
      while (this.flushQueue.length) await this.flushQueue.shift()!();
    } finally {
      this.postCommitCleanup();
      this.working = false;
    }
  };
}
