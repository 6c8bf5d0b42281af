import type { FilterQuery } from "@mikro-orm/core";
import { containsPattern, given } from "../common/filters.js";
import type { Provider } from "./provider.entity.js";
import type { ProviderFilter } from "./provider.inputs.js";

/**
 * Turns a provider filter (and a text the name contains) into a query condition; a provider serves a state when it
 * lists it.
 */
export function providerWhere(filter: ProviderFilter | null | undefined, query?: string | null): FilterQuery<Provider> {
  const conditions: object[] = [];
  if (given(filter?.kinds)) conditions.push({ kind: { $in: filter.kinds } });
  if (given(filter?.states)) conditions.push({ statesServed: { $overlap: filter.states } });
  if (given(filter?.slugs)) conditions.push({ slug: { $in: filter.slugs } });
  const text = query?.trim();
  if (text) {
    const pattern = containsPattern(text);
    conditions.push({
      $or: [{ name: { $ilike: pattern } }, { legalName: { $ilike: pattern } }, { slug: { $ilike: pattern } }],
    });
  }
  return { $and: conditions } as FilterQuery<Provider>;
}
