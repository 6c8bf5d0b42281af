import type { EntityManager } from "@mikro-orm/postgresql";
import { given, requireExisting } from "../common/filters.js";
import { Municipality } from "./municipality.entity.js";
import type { State } from "./state.enum.js";

/** The part of a list filter that narrows by the records' municipality. */
export interface MunicipalityCriteria {
  municipalities?: readonly string[] | null;
  states?: readonly State[] | null;
}

/**
 * Conditions on a record's `municipality` relation for the municipality slugs and
 * states a filter names; unknown slugs are a BAD_USER_INPUT error.
 */
export async function municipalityConditions(em: EntityManager, criteria: MunicipalityCriteria | null | undefined): Promise<object[]> {
  const conditions: object[] = [];
  if (given(criteria?.municipalities)) {
    await requireExisting(em, Municipality, "slug", criteria.municipalities, "filter.municipalities", "Query `municipalities` for valid slugs.");
    conditions.push({ municipality: { slug: { $in: criteria.municipalities } } });
  }
  if (given(criteria?.states)) conditions.push({ municipality: { state: { $in: criteria.states } } });
  return conditions;
}
