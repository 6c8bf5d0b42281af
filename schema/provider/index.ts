import type { Feature } from "../features.types.js";
import { ProviderMutationResolver } from "./provider-mutation.resolver.js";
import { Provider } from "./provider.entity.js";
import { ProviderResolver } from "./provider.resolver.js";
import { providerKind } from "./provider.write.js";
import { providerSearch } from "./provider.search.js";
import { providerExport } from "./provider.export.js";

/** Providers: IT service providers, vendors, consultancies; engagements and products add their fields. */
export const providerFeature: Feature = {
  name: "provider",
  nodes: [Provider],
  resolvers: [ProviderResolver, ProviderMutationResolver],
  adminOnly: [providerKind],
  cited: [Provider],
  searchable: [providerSearch],
  exports: [providerExport],
};
