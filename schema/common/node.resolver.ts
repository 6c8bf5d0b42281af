import type { EntityClass } from "@mikro-orm/core";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { HubContext } from "./context.js";
import { badUserInput } from "./errors.js";
import { fromGlobalId } from "./global-id.js";
import { HubEntity } from "./node.js";

/** Serves `Query.node` for the entity types registered with it. */
export function nodeResolver(types: Readonly<Record<string, EntityClass<HubEntity>>>) {
  @Resolver()
  class NodeResolver {
    @Query(() => HubEntity, {
      nullable: true,
      description: "Fetches any object by its global `id`; null when none has that ID.",
    })
    node(
      @Arg("id", () => ID, { description: "A global ID returned by this API." }) id: string,
      @Ctx() { loaders }: HubContext,
    ) {
      const { typeName, id: databaseId } = fromGlobalId(id);
      const entity = Object.hasOwn(types, typeName) ? types[typeName] : undefined;
      if (!entity)
        throw badUserInput('"id" is not a valid ID; use the "id" field of an object this API returned.', ["id"]);
      return loaders.byId(entity).load(databaseId);
    }
  }
  return NodeResolver;
}
