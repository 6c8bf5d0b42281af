import type { Collection } from "@mikro-orm/core";
import { type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_TOPICS, MaxItems } from "../common/list-bounds.js";
import type { HubEntity } from "../common/node.js";
import { prefetchable } from "../common/prefetch.js";
import { perRequest } from "../common/loaders.js";
import { Topic } from "./topic.entity.js";

/** Builds the resolver of `topics` for an entity tagged with topics. */
export function taggedResolver<T extends HubEntity & { topics: Collection<Topic> }>(entity: ClassType<T>) {
  const topicsOf = perRequest((loaders) => loaders.related<T, Topic>(entity, "topics", "key"));
  prefetchable(
    entity,
    "topics",
    Topic,
    ({ loaders }, parents: readonly T[]) => loaders.loadAhead(topicsOf(loaders), parents),
    ({ loaders }, parent) => loaders.settledValue(topicsOf(loaders), parent.id),
  );
  @Resolver(() => entity)
  class TaggedResolver {
    @FieldResolver(() => [Topic], { description: "Topics of the shared taxonomy this record is tagged with." })
    @MaxItems(MAX_TOPICS)
    topics(@Root() root: T, @Ctx() { loaders }: HubContext): Topic[] | Promise<Topic[]> {
      return loaders.settledOr(topicsOf(loaders), root, root.id);
    }
  }
  return TaggedResolver;
}
