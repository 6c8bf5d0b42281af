import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { defineLoader } from "../common/loaders.js";
import { MaxItems } from "../common/list-bounds.js";
import { MAX_COMPARED_INDICATORS } from "./comparison.inputs.js";
import { CityKeyFigures } from "./comparison.types.js";
import { IndicatorSeries, indicatorSeries } from "./indicator-series.js";

/** The series of the chosen indicators, for all compared municipalities of a request at once. */
export const indicatorSeriesLoader = defineLoader<CityKeyFigures, IndicatorSeries[], readonly string[]>(
  "compare.indicatorSeries",
  ({ em }, figures, keys) => {
    // Figures of several `compare` fields of one request (aliases) with the same keys share a batch.
    const indicators = new Map(figures.flatMap((each) => each.chosenIndicators).map((found) => [found.id, found]));
    return indicatorSeries(
      em,
      figures.map((each) => each.municipality),
      keys,
      [...indicators.values()],
    );
  },
  (keys) => keys.join(","),
);

/** Adds the chosen indicators' series to a compared municipality's key figures. */
@Resolver(() => CityKeyFigures)
export class IndicatorSeriesResolver {
  @FieldResolver(() => [IndicatorSeries], {
    description:
      "One series per indicator chosen with `compare(indicators:)`, in that order; empty when none are chosen. Only published indicators count.",
  })
  @MaxItems(MAX_COMPARED_INDICATORS, "indicators")
  indicatorSeries(@Root() figures: CityKeyFigures, @Ctx() ctx: HubContext): Promise<IndicatorSeries[]> {
    return indicatorSeriesLoader(ctx, figures.indicatorKeys).load(figures);
  }
}
