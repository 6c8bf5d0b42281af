import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { existingIds, given } from "../common/filters.js";
import { Municipality } from "./municipality.entity.js";
import type { MunicipalityFilter } from "./municipality.inputs.js";
import type { State } from "./state.enum.js";

/** The part of a list filter that narrows by the records' municipality. */
export interface MunicipalityCriteria {
  municipalities?: readonly string[] | null;
  states?: readonly State[] | null;
}

/** Checks that every slug names a municipality; unknown ones are a BAD_USER_INPUT error. */
export async function requireMunicipalities(em: EntityManager, slugs: readonly string[]): Promise<void> {
  await existingIds(
    em,
    Municipality,
    "slug",
    slugs,
    "filter.municipalities",
    "Query `municipalities` for valid slugs.",
  );
}

/** Turns a municipality filter into a query condition. */
export function municipalityWhere(filter: MunicipalityFilter | null | undefined): FilterQuery<Municipality> {
  return given(filter?.states) ? { state: { $in: filter.states } } : {};
}

/**
 * Conditions on a record's `municipality` relation for the municipality slugs and
 * states a filter names; unknown slugs are a BAD_USER_INPUT error.
 */
export async function municipalityConditions(
  em: EntityManager,
  criteria: MunicipalityCriteria | null | undefined,
): Promise<object[]> {
  const conditions: object[] = [];
  if (given(criteria?.municipalities)) {
    await requireMunicipalities(em, criteria.municipalities);
    conditions.push({ municipality: { slug: { $in: criteria.municipalities } } });
  }
  if (given(criteria?.states)) conditions.push({ municipality: { state: { $in: criteria.states } } });
  return conditions;
}
