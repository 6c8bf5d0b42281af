import type { Feature } from "../features.types.js";
import { strategyExport } from "./strategy.export.js";
import { MunicipalityStrategiesResolver } from "./strategy-edges.resolver.js";
import { StrategyMutationResolver } from "./strategy-mutation.resolver.js";
import { Strategy } from "./strategy.entity.js";
import { StrategyResolver } from "./strategy.resolver.js";
import { strategyKind } from "./strategy.write.js";
import { strategySearch } from "./strategy.search.js";

/** Digitalisation strategies. */
export const strategyFeature: Feature = {
  name: "strategy",
  nodes: [Strategy],
  resolvers: [StrategyResolver, StrategyMutationResolver, MunicipalityStrategiesResolver],
  publishable: [strategyKind],
  cited: [Strategy],
  searchable: [strategySearch],
  exports: [strategyExport],
};
