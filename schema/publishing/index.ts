import type { Feature } from "../features.types.js";
import { Publishable } from "./publishable.js";
import { Revision } from "./revision.entity.js";
import { RevisionResolver, revisionsLoader } from "./revision.resolver.js";

/**
 * The write path's records: drafts, publication, revisions. Its per-type resolvers
 * (publish…, `revisions`, the change feed) are made for every feature's record kinds in `schema/resolvers.ts`.
 */
export const publishingFeature: Feature = {
  name: "publishing",
  entities: [Publishable, Revision],
  resolvers: [RevisionResolver],
  loaders: [revisionsLoader],
};
