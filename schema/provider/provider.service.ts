import type { FilterQuery } from "@mikro-orm/core";
import { given } from "../common/filters.js";
import type { Provider } from "./provider.entity.js";
import type { ProviderFilter } from "./provider.inputs.js";

/** Turns a provider filter into a query condition; a provider serves a state when it lists it. */
export function providerWhere(filter: ProviderFilter | null | undefined): FilterQuery<Provider> {
  const conditions: object[] = [];
  if (given(filter?.kinds)) conditions.push({ kind: { $in: filter.kinds } });
  if (given(filter?.states)) conditions.push({ statesServed: { $overlap: filter.states } });
  return { $and: conditions } as FilterQuery<Provider>;
}
