import type { Feature } from "../features.types.js";
import { clientsLoader, ProviderClientResolver, ProviderClientsResolver } from "./provider-clients.resolver.js";
import { ProviderMutationResolver } from "./provider-mutation.resolver.js";
import { Provider } from "./provider.entity.js";
import { ProviderResolver } from "./provider.resolver.js";
import { providerKind } from "./provider.write.js";

/** Providers: IT service providers, vendors, consultancies. */
export const providerFeature: Feature = {
  name: "provider",
  nodes: [Provider],
  resolvers: [ProviderResolver, ProviderMutationResolver, ProviderClientsResolver, ProviderClientResolver],
  adminOnly: [providerKind],
  cited: [Provider],
  loaders: [clientsLoader],
};
