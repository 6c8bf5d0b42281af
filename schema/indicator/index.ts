import type { Feature } from "../features.types.js";
import { MunicipalityIndicatorsResolver, StrategyIndicatorsResolver } from "./indicator-edges.resolver.js";
import { IndicatorMutationResolver } from "./indicator-mutation.resolver.js";
import { IndicatorValue } from "./indicator-value.entity.js";
import { Indicator } from "./indicator.entity.js";
import { IndicatorResolver } from "./indicator.resolver.js";
import { indicatorKind } from "./indicator.write.js";
import { indicatorExport, indicatorValueExport } from "./indicator.export.js";

/** Measured figures of a municipality's digitalisation, each a series of dated values. */
export const indicatorFeature: Feature = {
  name: "indicator",
  nodes: [Indicator, IndicatorValue],
  resolvers: [IndicatorResolver, IndicatorMutationResolver, MunicipalityIndicatorsResolver, StrategyIndicatorsResolver],
  publishable: [indicatorKind],
  cited: [Indicator, IndicatorValue],
  exports: [indicatorExport, indicatorValueExport],
};
