import type { AnyEntity, EntityClass, EntityName, FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { GraphQLError } from "graphql";
import { badUserInput, ErrorCode } from "../common/errors.js";
import { findByValues, quoteValues, unknownValues } from "../common/filters.js";
import { fromGlobalId } from "../common/global-id.js";
import { hasProblemAt, problemsError, report, takeProblems } from "../common/problems.js";
import { PublicationState } from "./publication-state.enum.js";
import { Publishable } from "./publishable.js";

/**
 * Finds the records a list of an input names by a unique property (slug or key), in the
 * order given. Each unknown or archived one is a BAD_USER_INPUT problem at its place in
 * the list (`input.topics[1]`), reported to the write (see `report`); a list that already
 * failed its argument checks is not looked up. `within` narrows the search for a property unique only within a
 * municipality (a decision's key): `{ municipality: id }`.
 */
export async function findAllNamed<T extends AnyEntity>(
  tx: EntityManager,
  entity: EntityName<T>,
  property: keyof T & string,
  values: readonly string[],
  field: string,
  hint: string,
  within: object = {},
): Promise<T[]> {
  if (hasProblemAt(tx, field)) return [];
  const { byValue } = await findByValues(tx, entity, property, values, { within });
  values.forEach((value, index) => usableNamed(tx, value, byValue.get(value), `${field}[${index}]`, hint));
  return [...new Set(values)].flatMap((value) => (byValue.has(value) ? [byValue.get(value)!] : []));
}

/**
 * The one record an input names by a unique property, or null after reporting a
 * BAD_USER_INPUT problem at `field` (unknown, archived, or already refused by its checks).
 */
export async function lookUpNamed<T extends AnyEntity>(
  tx: EntityManager,
  entity: EntityName<T>,
  property: keyof T & string,
  value: string,
  field: string,
  hint: string,
): Promise<T | null> {
  if (hasProblemAt(tx, field)) return null;
  const { byValue } = await findByValues(tx, entity, property, [value]);
  return usableNamed(tx, value, byValue.get(value), field, hint);
}

/** The record named `value` at `path`, or null after reporting it unknown (no `record`) or archived. */
function usableNamed<T>(tx: EntityManager, value: string, record: T | undefined, path: string, hint: string): T | null {
  if (record === undefined) report(tx, unknownValues([value], path, hint));
  else if (record instanceof Publishable && record.publicationState === PublicationState.ARCHIVED)
    report(tx, badUserInput(`${path}: ${quoteValues([value])} is archived and can no longer be referred to.`, [path]));
  else return record;
  return null;
}

/**
 * The one record an input names by a unique property, for a write that cannot go on
 * without it: when there is none (see `lookUpNamed`), the write stops with all problems so far.
 */
export async function findNamed<T extends AnyEntity>(
  tx: EntityManager,
  entity: EntityName<T>,
  property: keyof T & string,
  value: string,
  field: string,
  hint: string,
): Promise<T> {
  const record = await lookUpNamed(tx, entity, property, value, field, hint);
  if (!record) throw problemsError(takeProblems(tx));
  return record;
}

/**
 * Copies the given scalar fields of an input onto a record. Fields left out keep
 * their value; null clears a field that may be empty and is refused for one that
 * may not.
 */
export function assignFields<T extends object, I extends object>(
  tx: EntityManager,
  record: T,
  input: I,
  fields: readonly (keyof I & keyof T & string)[],
): void {
  const meta = tx.getMetadata().get(record.constructor.name);
  for (const field of fields) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null && !meta.properties[field as never]?.nullable) {
      report(
        tx,
        badUserInput(`input.${field} cannot be empty; leave it out to keep the current value.`, [`input.${field}`]),
      );
      continue;
    }
    (record as Record<string, unknown>)[field] = value;
  }
}

/**
 * Sets a record's `status` and `statusAsOf` ("Stand laut Quelle") from an input. A new status without a date of its
 * own clears the old date: it was the date of the old status, and shown beside the new one it would misdate it.
 */
export function assignStatus<S extends string>(
  tx: EntityManager,
  record: { status: S; statusAsOf: string | null },
  input: { status?: S | null; statusAsOf?: string | null },
): void {
  const changed = input.status !== undefined && input.status !== null && input.status !== record.status;
  assignFields(tx, record, input, ["status", "statusAsOf"]);
  if (changed && input.statusAsOf === undefined) record.statusAsOf = null;
}

/**
 * The answer for a unique value (a slug, key or position) that is already in use:
 * CONFLICT naming the field (and the value, where known), worded the same whoever
 * holds it and whether the caller may see that record (a draft of another city, an
 * archived record) or not.
 */
export function valueInUse(field: string | null, value?: string): GraphQLError {
  const what = field
    ? `${field}${value === undefined ? "" : ` ${JSON.stringify(value.slice(0, 120))}`}`
    : "A value that must be unique";
  return new GraphQLError(`${what} is already in use; choose another one.`, {
    extensions: { code: ErrorCode.CONFLICT, fields: field ? [field] : [] },
  });
}

/**
 * Refuses a value for a unique field (a slug, key or position) that another record already has: `valueInUse`,
 * reported to the write. Not looked up when the field already has a problem (its format, or another city's naming).
 */
export async function requireUnused<T extends AnyEntity>(
  tx: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  field: string,
  value: string,
): Promise<void> {
  // Every record counts, whoever may see it: slugs and keys are unique across the hub.
  if (hasProblemAt(tx, field)) return;
  if ((await tx.count(entity, where, { filters: false })) > 0) report(tx, valueInUse(field, value));
}

/** Loads a record an input names by global ID, of the expected type; null after reporting a BAD_USER_INPUT problem when there is none. */
export async function findById<T extends AnyEntity>(
  tx: EntityManager,
  entity: EntityClass<T>,
  globalId: string,
  field: string,
  label: string,
): Promise<T | null> {
  if (hasProblemAt(tx, field)) return null;
  const notOne = badUserInput(`${field} is not the ID of a ${label}; use the "id" of a ${label} this API returned.`, [
    field,
  ]);
  let parsed: ReturnType<typeof fromGlobalId>;
  try {
    parsed = fromGlobalId(globalId, field);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    report(tx, error);
    return null;
  }
  const record = parsed.typeName === entity.name ? await tx.findOne(entity, { id: parsed.id } as FilterQuery<T>) : null;
  if (!record) report(tx, notOne);
  else if (record instanceof Publishable && record.publicationState === PublicationState.ARCHIVED)
    report(tx, badUserInput(`${field} names an archived ${label}, which can no longer be referred to.`, [field]));
  else return record;
  return null;
}

/**
 * The item of a record's loaded list (an indicator's values, a project's costs) that an input entry's `id` names, or
 * null for a new item; a BAD_USER_INPUT problem at `field` for an ID of anything else, and for an item an earlier
 * entry named (`named` collects them).
 */
export function namedItem<T extends { id: number }>(
  tx: EntityManager,
  items: readonly T[],
  entity: EntityClass<T>,
  id: string | null | undefined,
  field: string,
  named: Set<T>,
): T | null {
  if (id === null || id === undefined) return null;
  let parsed: ReturnType<typeof fromGlobalId> | null = null;
  try {
    parsed = fromGlobalId(id, field);
  } catch {
    // Reported below as not one of the list's IDs.
  }
  const item = parsed?.typeName === entity.name ? items.find((each) => each.id === parsed.id) : undefined;
  if (!item) {
    report(
      tx,
      badUserInput(`${field} is not the ID of one of this record's items; leave \`id\` out to add one.`, [field]),
    );
    return null;
  }
  if (named.has(item)) {
    report(tx, badUserInput(`${field} names an item an earlier entry names too; name each item once.`, [field]));
    return null;
  }
  named.add(item);
  return item;
}
