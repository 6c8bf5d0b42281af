import type { Feature } from "../features.types.js";
import { MunicipalityEngagementsResolver, ProviderEngagementsResolver } from "./engagement-edges.resolver.js";
import { EngagementMutationResolver } from "./engagement-mutation.resolver.js";
import { Engagement } from "./engagement.entity.js";
import { EngagementResolver } from "./engagement.resolver.js";
import { engagementKind } from "./engagement.write.js";
import { clientsLoader, ProviderClientResolver, ProviderClientsResolver } from "./provider-clients.resolver.js";
import { engagementExport } from "./engagement.export.js";

/** Providers' engagements with municipalities, and the clients (`Provider.clients`) they make of them. */
export const engagementFeature: Feature = {
  name: "engagement",
  nodes: [Engagement],
  resolvers: [
    EngagementResolver,
    EngagementMutationResolver,
    MunicipalityEngagementsResolver,
    ProviderEngagementsResolver,
    ProviderClientsResolver,
    ProviderClientResolver,
  ],
  publishable: [engagementKind],
  cited: [Engagement],
  loaders: [clientsLoader],
  exports: [engagementExport],
};
