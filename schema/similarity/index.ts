import type { Feature } from "../features.types.js";
import { similarLoader, SimilarityResolver } from "./similarity.resolver.js";

/** `Project.similar`: what other municipalities did that a project could reuse. */
export const similarityFeature: Feature = {
  name: "similarity",
  resolvers: [SimilarityResolver],
  loaders: [similarLoader],
};
