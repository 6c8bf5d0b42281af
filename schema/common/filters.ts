import type { AnyEntity, EntityClass, FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { badUserInput } from "./errors.js";

/** Longest list a filter argument accepts. */
export const MAX_FILTER_VALUES = 100;

/**
 * Checks that every value of a filter list names an existing record (by a unique
 * text property such as `slug` or `key`). Unknown values are a BAD_USER_INPUT
 * error that names them and says where valid values come from.
 */
export async function requireExisting<T extends AnyEntity>(
  em: EntityManager,
  entity: EntityClass<T>,
  property: keyof T & string,
  values: readonly string[],
  argumentPath: string,
  hint: string,
): Promise<void> {
  const wanted = [...new Set(values)];
  const found = await em.find(entity, { [property]: { $in: wanted } } as FilterQuery<T>, { fields: [property] as never });
  const known = new Set(found.map((row) => String((row as Record<string, unknown>)[property])));
  const unknown = wanted.filter((value) => !known.has(value));
  if (unknown.length) {
    const shown = unknown.slice(0, 10).map((value) => JSON.stringify(value.slice(0, 80)));
    throw badUserInput(`Unknown value${unknown.length > 1 ? "s" : ""} in ${argumentPath}: ${shown.join(", ")}. ${hint}`, [argumentPath]);
  }
}

/** Tells whether a filter list was given with at least one value. */
export function given(values: readonly unknown[] | null | undefined): values is readonly unknown[] {
  return Array.isArray(values) && values.length > 0;
}
