import type { Feature } from "../features.types.js";
import { MunicipalityEngagementsResolver, ProviderEngagementsResolver } from "./engagement-edges.resolver.js";
import { EngagementMutationResolver } from "./engagement-mutation.resolver.js";
import { Engagement } from "./engagement.entity.js";
import { EngagementResolver } from "./engagement.resolver.js";
import { engagementKind } from "./engagement.write.js";

/** Providers' engagements with municipalities. */
export const engagementFeature: Feature = {
  name: "engagement",
  nodes: [Engagement],
  resolvers: [EngagementResolver, EngagementMutationResolver, MunicipalityEngagementsResolver, ProviderEngagementsResolver],
  publishable: [engagementKind],
  cited: [Engagement],
};
