import type { Feature } from "../features.types.js";
import { ApiToken } from "./api-token.entity.js";
import { EditorSession } from "./editor-session.entity.js";
import { ViewerResolver } from "./viewer.resolver.js";

/** API tokens, the viewer they identify, and the website sessions editors sign in to with them. */
export const tokenFeature: Feature = {
  name: "token",
  entities: [ApiToken, EditorSession],
  resolvers: [ViewerResolver],
};
