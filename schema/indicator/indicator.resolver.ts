import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_INDICATOR_VALUES, MaxItems } from "../common/list-bounds.js";
import { IndicatorValue } from "./indicator-value.entity.js";
import { Indicator } from "./indicator.entity.js";

/** Adds an indicator's dated values: its series. */
@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => [IndicatorValue], {
    description:
      "The dated values, oldest first (a value without a date, from before series, first of all); the last is the latest, which `value` and `asOf` show.",
  })
  @MaxItems(MAX_INDICATOR_VALUES)
  values(@Root() indicator: Indicator, @Ctx() { loaders }: HubContext): Promise<IndicatorValue[]> {
    return indicatorValues(loaders).load(indicator.id);
  }
}

/** The loader of indicators' values, oldest first, as the caller may see them: one statement per batch of indicators. */
export function indicatorValues(loaders: HubContext["loaders"]) {
  return loaders.byParent(IndicatorValue, "indicator", { asOf: "asc nulls first" });
}
