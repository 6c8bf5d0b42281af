import type { Collection } from "@mikro-orm/core";
import { type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_SOURCES, MaxItems } from "../common/list-bounds.js";
import type { HubEntity } from "../common/node.js";
import { Source } from "./source.entity.js";

/** Builds the resolver of `sources` for an entity that cites sources. */
export function citedResolver<T extends HubEntity & { sources: Collection<Source> }>(entity: ClassType<T>) {
  @Resolver(() => entity)
  class CitedResolver {
    @FieldResolver(() => [Source], { description: "Publications this record's facts are taken from." })
    @MaxItems(MAX_SOURCES)
    sources(@Root() root: T, @Ctx() { loaders }: HubContext): Promise<Source[]> {
      return loaders.related<T, Source>(entity, "sources", "key").load(root);
    }
  }
  return CitedResolver;
}
