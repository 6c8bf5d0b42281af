import type { Collection } from "@mikro-orm/core";
import { type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_TOPICS, MaxItems } from "../common/list-bounds.js";
import type { HubEntity } from "../common/node.js";
import { prefetchable } from "../common/prefetch.js";
import { perRequestAndColumns } from "../common/loaders.js";
import { Topic } from "./topic.entity.js";

/** Builds the resolver of `topics` for an entity tagged with topics. */
export function taggedResolver<T extends HubEntity & { topics: Collection<Topic> }>(entity: ClassType<T>) {
  const topicsOf = perRequestAndColumns((loaders, columns) =>
    loaders.related<T, Topic>(entity, "topics", "key", columns),
  );
  prefetchable(
    entity,
    "topics",
    Topic,
    ({ loaders }, parents: readonly T[], columns) => loaders.loadAhead(topicsOf(loaders, columns), parents),
    ({ loaders }, parent, columns) => loaders.settledValue(topicsOf(loaders, columns), parent.id),
    { onlyColumnsAsked: true },
  );
  @Resolver(() => entity)
  class TaggedResolver {
    @FieldResolver(() => [Topic], { description: "Topics of the shared taxonomy this record is tagged with." })
    @MaxItems(MAX_TOPICS)
    topics(@Root() root: T, @Ctx() { loaders }: HubContext): Topic[] | Promise<Topic[]> {
      return loaders.settledOr(topicsOf(loaders, null), root, root.id);
    }
  }
  return TaggedResolver;
}
