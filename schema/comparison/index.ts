import type { Feature } from "../features.types.js";
import {
  CityKeyFiguresResolver,
  ComparisonCellResolver,
  ComparisonResolver,
  figureLoaders,
  ProviderRolesResolver,
} from "./comparison.resolver.js";
import { IndicatorSeriesResolver, indicatorSeriesLoader } from "./indicator-series.resolver.js";
import {
  CityPerInhabitantResolver,
  PerInhabitantFigureResolver,
  PerInhabitantResolver,
} from "./per-inhabitant.resolver.js";

/** `Query.compare`: municipalities side by side, topic by topic. */
export const comparisonFeature: Feature = {
  name: "comparison",
  resolvers: [
    ComparisonResolver,
    ComparisonCellResolver,
    CityKeyFiguresResolver,
    ProviderRolesResolver,
    PerInhabitantResolver,
    CityPerInhabitantResolver,
    PerInhabitantFigureResolver,
    IndicatorSeriesResolver,
  ],
  loaders: [...Object.values(figureLoaders), indicatorSeriesLoader],
};
