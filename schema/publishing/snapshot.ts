import { type EntityManager, ReferenceKind, Reference, type Collection } from "@mikro-orm/core";
import type { FieldChangeRecord } from "./revision.entity.js";

// Bookkeeping that every write changes; a revision records what the editor changed.
const SKIPPED = new Set(["id", "createdAt", "updatedAt", "version"]);

type Dict = Record<string, unknown>;

/** How a related record is named in a revision: by its slug or key where it has one. */
function naturalKey(value: unknown): unknown {
  const entity = Reference.unwrapReference(value as object) as Dict;
  return entity.slug ?? entity.key ?? entity.id;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value];
  return value ?? null;
}

/** The snapshots of the children a record owns (written with it), without their link back, in a stable order. */
function children(em: EntityManager, collection: Collection<object>, backLink: string): Dict[] {
  return collection
    .getItems()
    .map((child) => {
      const { [backLink]: _parent, ...state } = snapshot(em, child);
      return state;
    })
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/**
 * The record's editable state as JSON values: scalar fields as they are, a
 * related record by its slug or key, a related list sorted, the children it owns
 * (an indicator's values) each as its own snapshot. Lists that were not loaded are
 * left out (the write path loads those it records).
 */
export function snapshot(em: EntityManager, record: object): Dict {
  const meta = em.getMetadata().get(record.constructor.name);
  const state: Dict = {};
  for (const prop of meta.props) {
    // A formula (e.g. `parentUpdatedAt`) is read from other rows, never written with the record.
    if (SKIPPED.has(prop.name) || prop.persist === false || prop.formula) continue;
    const value = (record as Dict)[prop.name];
    if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.EMBEDDED) {
      state[prop.name] = plain(value);
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE) {
      state[prop.name] = value ? naturalKey(value) : null;
    } else if (prop.kind === ReferenceKind.MANY_TO_MANY && prop.owner) {
      const collection = value as Collection<object>;
      if (collection.isInitialized()) state[prop.name] = collection.getItems().map(naturalKey).map(String).sort();
    } else if (prop.kind === ReferenceKind.ONE_TO_MANY && prop.orphanRemoval) {
      const collection = value as Collection<object>;
      if (collection.isInitialized()) state[prop.name] = children(em, collection, prop.mappedBy);
    }
  }
  return state;
}

// An empty list and no list say the same: a new record's empty lists are no change.
const normal = (value: unknown) => JSON.stringify(Array.isArray(value) && value.length === 0 ? null : (value ?? null));

/** The fields whose values differ between two snapshots, in a stable order. */
export function diff(before: Dict, after: Dict): FieldChangeRecord[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => normal(before[field]) !== normal(after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
