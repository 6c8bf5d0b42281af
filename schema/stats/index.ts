import type { Feature } from "../features.types.js";
import {
  ProviderCoverageResolver,
  ProviderShareResolver,
  StatsResolver,
  TopicStateCountResolver,
} from "./stats.resolver.js";

/** `Query.stats`: aggregate figures over the published records. */
export const statsFeature: Feature = {
  name: "stats",
  resolvers: [StatsResolver, TopicStateCountResolver, ProviderShareResolver, ProviderCoverageResolver],
};
