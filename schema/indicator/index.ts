import type { Feature } from "../features.types.js";
import { MunicipalityIndicatorsResolver, StrategyIndicatorsResolver } from "./indicator-edges.resolver.js";
import { IndicatorMutationResolver } from "./indicator-mutation.resolver.js";
import { Indicator } from "./indicator.entity.js";
import { indicatorKind } from "./indicator.write.js";
import { indicatorExport } from "./indicator.export.js";

/** Measured figures of a municipality's digitalisation. */
export const indicatorFeature: Feature = {
  name: "indicator",
  nodes: [Indicator],
  resolvers: [IndicatorMutationResolver, MunicipalityIndicatorsResolver, StrategyIndicatorsResolver],
  publishable: [indicatorKind],
  cited: [Indicator],
  exports: [indicatorExport],
};
