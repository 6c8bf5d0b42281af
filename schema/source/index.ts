import type { Feature } from "../features.types.js";
import { SourceMutationResolver } from "./source-mutation.resolver.js";
import { SourceResolver } from "./source.resolver.js";
import { Source } from "./source.entity.js";
import { sourceKind } from "./source.write.js";
import { sourceExport } from "./source.export.js";

/** Sources that records cite, and the `sources` list to find them; the cited types get `sources` (see `cited` in each feature). */
export const sourceFeature: Feature = {
  name: "source",
  nodes: [Source],
  resolvers: [SourceResolver, SourceMutationResolver],
  publishable: [sourceKind],
  exports: [sourceExport],
};
