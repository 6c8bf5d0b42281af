import type { Feature } from "../features.types.js";
import { cityCountsLoader, TopicCityCountResolver, TopicCountsResolver } from "./topic-counts.resolver.js";
import { TopicMutationResolver } from "./topic-mutation.resolver.js";
import { Topic } from "./topic.entity.js";
import { TopicResolver } from "./topic.resolver.js";
import { topicKind } from "./topic.write.js";

/** The topic taxonomy; the tagged types get `topics` (see `tagged` in each feature). */
export const topicFeature: Feature = {
  name: "topic",
  nodes: [Topic],
  resolvers: [TopicResolver, TopicMutationResolver, TopicCountsResolver, TopicCityCountResolver],
  adminOnly: [topicKind],
  loaders: [cityCountsLoader],
};
