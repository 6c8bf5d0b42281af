import type { Feature } from "../features.types.js";
import { ApiToken } from "./api-token.entity.js";
import { EditorPerson } from "./editor-person.entity.js";
import { EditorSession } from "./editor-session.entity.js";
import { EditorSignIn } from "./editor-sign-in.entity.js";
import { ViewerResolver } from "./viewer.resolver.js";

/** API tokens, the viewer they identify, the people of single sign-on, the website sessions editors sign in to, and sign-ins under way. */
export const tokenFeature: Feature = {
  name: "token",
  entities: [ApiToken, EditorPerson, EditorSession, EditorSignIn],
  resolvers: [ViewerResolver],
};
