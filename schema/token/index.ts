import type { Feature } from "../features.types.js";
import { ApiToken } from "./api-token.entity.js";
import { ViewerResolver } from "./viewer.resolver.js";

/** API tokens and the viewer they identify. */
export const tokenFeature: Feature = {
  name: "token",
  entities: [ApiToken],
  resolvers: [ViewerResolver],
};
