import { type AnyEntity, type EntityClass, type EntityName, type FilterQuery, Utils } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { GraphQLError } from "graphql";
import { badUserInput } from "./errors.js";
import { PlainReader } from "./plain-rows.js";

/** Longest list a filter argument accepts. */
export const MAX_FILTER_VALUES = 100;

/** Shows at most ten values of a list in a message, each quoted and cut to `max` characters. */
export function quoteValues(values: readonly string[], max = 80): string {
  return values
    .slice(0, 10)
    .map((value) => JSON.stringify(value.slice(0, max)))
    .join(", ");
}

/**
 * Finds the records a list names by a unique text property such as `slug` or
 * `key`, in one statement: the records by value, and the values no record has
 * (duplicates counted once).
 */
export async function findByValues<T extends AnyEntity>(
  em: EntityManager,
  entity: EntityName<T>,
  property: keyof T & string,
  values: readonly string[],
  options: { within?: object } = {},
): Promise<{ byValue: Map<string, T>; unknown: string[] }> {
  const wanted = [...new Set(values)];
  const found = wanted.length
    ? await em.find(entity, { ...options.within, [property]: { $in: wanted } } as FilterQuery<T>)
    : [];
  const byValue = new Map(found.map((row) => [String((row as Record<string, unknown>)[property]), row]));
  return { byValue, unknown: wanted.filter((value) => !byValue.has(value)) };
}

/**
 * The ids of the records a filter list names by a unique text property (such as `slug` or `key`), in one statement.
 * Unknown values are a BAD_USER_INPUT error that names them and says where valid values come from (`hint`). The
 * entity may be named by its class or, where a class reference would be an import cycle, by its name.
 */
export async function existingIds<T extends AnyEntity & { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  property: keyof T & string,
  values: readonly string[],
  argumentPath: string,
  hint: string,
): Promise<number[]> {
  const wanted = [...new Set(values)];
  const entityClass = em.getMetadata().get<T>(Utils.className(entity)).class as EntityClass<T>;
  // A keyed statement of the key and the property alone (plain-rows.ts): built once, not per request.
  const found = await new PlainReader(em).findByKeys(entityClass, property, wanted, {}, {}, [property]);
  const known = new Set(found.map((record) => String(record[property])));
  const unknown = wanted.filter((value) => !known.has(value));
  if (unknown.length) throw unknownValues(unknown, argumentPath, hint);
  return found.map((record) => record.id);
}

/**
 * The condition "linked through the many-to-many `property` to any of the records `ids`", as `id in (a subquery over
 * the pivot table alone)`. Unlike `{ [property]: { $some: … } }`, whose subquery joins the record's table again and
 * the target's table to match it by key, the planner sees the ids as constants and estimates from the pivot's
 * statistics: a topic that tags 23,572 fields of action was estimated at 2,873 through the join, and the count of
 * strategies on it looked up each of them twice (issue 18).
 */
export function linkedToAny(
  em: EntityManager,
  entity: EntityName<AnyEntity>,
  property: string,
  ids: readonly number[],
): object {
  const relation = em.getMetadata().find(entity)!.properties[property];
  const pivot = em
    .getKnex()
    .select(relation.joinColumns[0])
    .from(relation.pivotTable)
    .whereIn(relation.inverseJoinColumns[0], [...ids]);
  return { id: { $in: pivot } };
}

/**
 * What the hub says about values of a list that name nothing (a filter, an input's references, an export's
 * parameters): one wording everywhere, the values quoted and cut to `max` characters, then where valid ones are.
 */
export function unknownValuesMessage(unknown: readonly string[], argumentPath: string, hint: string, max = 80): string {
  return `Unknown value${unknown.length > 1 ? "s" : ""} in ${argumentPath}: ${quoteValues(unknown, max)}. ${hint}`;
}

/** The BAD_USER_INPUT error for values of a list that name nothing (`unknownValuesMessage`). */
export function unknownValues(unknown: readonly string[], argumentPath: string, hint: string, max = 80): GraphQLError {
  return badUserInput(unknownValuesMessage(unknown, argumentPath, hint, max), [argumentPath]);
}

/** `text` as a LIKE pattern that matches it anywhere, its wildcards and escapes taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => "\\" + character)}%`;
}

/** Tells whether a filter list was given with at least one value. */
export function given(values: readonly unknown[] | null | undefined): values is readonly unknown[] {
  return Array.isArray(values) && values.length > 0;
}
