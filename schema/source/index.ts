import type { Feature } from "../features.types.js";
import { SourceMutationResolver } from "./source-mutation.resolver.js";
import { Source } from "./source.entity.js";
import { sourceKind } from "./source.write.js";
import { sourceExport } from "./source.export.js";

/** Sources that records cite; the cited types get `sources` (see `cited` in each feature). */
export const sourceFeature: Feature = {
  name: "source",
  nodes: [Source],
  resolvers: [SourceMutationResolver],
  publishable: [sourceKind],
  exports: [sourceExport],
};
