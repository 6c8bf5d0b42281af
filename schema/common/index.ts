import type { Feature } from "../features.types.js";
import { HubEntity } from "./node.js";

/** What every feature builds on; `Query.node` is made for all features' nodes in `schema/resolvers.ts`. */
export const commonFeature: Feature = {
  name: "common",
  entities: [HubEntity],
};
