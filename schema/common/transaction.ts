import { ChangeSetType, type EntityManager, helper, type Primary, TransactionEventBroadcaster } from "@mikro-orm/core";

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
  const fork = em.fork({ clear: false, cloneEventManager: true });
  const ctx = em.getTransactionContext();
  const toParent = !em.global || em.config.get("allowGlobalContext");
  if (toParent) forgetDeletedIn(em, fork);
  return fork.getConnection().transactional(
    async (trx) => {
      fork.setTransactionContext(trx);
      const result = await work(fork);
      // Work in raw SQL leaves nothing to flush: no flush, no pass over an empty unit of work.
      if (mayHaveChanges(fork)) await fork.flush();
      if (toParent) mergeIntoParent(fork, em);
      return result;
    },
    { ctx, eventBroadcaster: new TransactionEventBroadcaster(fork, undefined, { topLevelTransaction: !ctx }) },
  );
}

/** Whether a flush of `em` could write anything: it manages an entity, or has one queued to persist or remove. */
function mayHaveChanges(em: EntityManager): boolean {
  const uow = em.getUnitOfWork(false);
  return (
    uow.getPersistStack().size > 0 ||
    uow.getRemoveStack().size > 0 ||
    uow.getOrphanRemoveStack().size > 0 ||
    !uow.getIdentityMap()[Symbol.iterator]().next().done
  );
}

/** Makes `parent` forget the entities a flush of `fork` deletes (TransactionManager.registerDeletionHandler). */
function forgetDeletedIn(parent: EntityManager, fork: EntityManager): void {
  fork.getEventManager().registerSubscriber({
    afterFlush: ({ uow }) => {
      for (const change of uow.getChangeSets())
        if (change.type === ChangeSetType.DELETE || change.type === ChangeSetType.DELETE_EARLY)
          parent.getUnitOfWork(false).unsetIdentity(change.entity);
    },
  });
}

/** Hands the entities of `fork` to `parent` (TransactionManager.mergeEntitiesToParent of MikroORM 6.6). */
function mergeIntoParent(fork: EntityManager, parent: EntityManager): void {
  const parentUow = parent.getUnitOfWork(false);
  // As MikroORM: an empty parent takes the entities as they are, without merging each.
  const moveAll = parentUow.getIdentityMap().keys().length === 0;
  for (const entity of fork.getUnitOfWork(false).getIdentityMap()) {
    const wrapped = helper(entity);
    if (moveAll) {
      parentUow.getIdentityMap().store(entity);
      wrapped.__em = parent;
      continue;
    }
    const id = wrapped.getPrimaryKey() as Primary<object>;
    const own = parentUow.getById<object>(wrapped.__meta.className, id, parent.schema, true);
    if (own && own !== entity) {
      const ownWrapped = helper(own);
      // A fully loaded entity is not overwritten by a mere reference.
      if (!wrapped.__initialized && ownWrapped.__initialized) continue;
      ownWrapped.__data = wrapped.__data;
      ownWrapped.__originalEntityData = wrapped.__originalEntityData;
    } else {
      parentUow.merge(entity, new Set([entity]));
    }
  }
}
