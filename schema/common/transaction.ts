import { type EntityManager, TransactionEventBroadcaster, TransactionManager } from "@mikro-orm/core";

/**
 * Runs `work` in a transaction, on a fork of `em` that it receives as `tx`; the fork is flushed before the commit, and
 * everything is rolled back when `work` throws (the error is rethrown as it is). Inside a transaction of `em` (a dry
 * run's, or an outer `transactional`'s) it is a savepoint: a failure that the caller catches undoes this part only.
 *
 * MikroORM's `em.transactional` (default NESTED propagation) without its AsyncLocalStorage, which turns on Node 20's
 * promise hooks for the whole process for good: every promise then costs more (issue 18). Hence, unlike there, no
 * other EntityManager (not even the global one) resolves to the transaction: `work` must use `tx`, and pass it on.
 *
 * As MikroORM's does, it hands the fork's entities to `em` afterwards, unless `em` is the global one (which holds
 * none: `allowGlobalContext` is off): a write (publishing.service.ts) returns its record to the request, which goes
 * on with `em`, and the record must not stay bound to a fork whose transaction is over.
 */
export async function transactional<T, E extends EntityManager = EntityManager>(
  em: E,
  work: (tx: E) => Promise<T>,
): Promise<T> {
  const fork = em.fork({ clear: false, cloneEventManager: true }) as E;
  const ctx = em.getTransactionContext();
  const toParent = !em.global || em.config.get("allowGlobalContext");
  // MikroORM's own flow inside the transaction (work, flush, the entities handed to `em`), without its context.
  const manager = new TransactionManager(em) as unknown as TransactionFlow;
  return fork.getConnection().transactional(
    async (trx) => {
      fork.setTransactionContext(trx);
      return manager.executeTransactionFlow(fork, work, toParent, em);
    },
    { ctx, eventBroadcaster: new TransactionEventBroadcaster(fork, undefined, { topLevelTransaction: !ctx }) },
  );
}

/** The step of MikroORM's TransactionManager (6.6, private in its types) that runs inside the transaction. */
interface TransactionFlow {
  executeTransactionFlow<T, E>(fork: E, work: (tx: E) => Promise<T>, toParent: boolean, parent: E): Promise<T>;
}
