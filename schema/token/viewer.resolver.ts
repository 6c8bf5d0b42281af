import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Viewer } from "./viewer.js";

/** Tells callers which token they use. */
@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: "The API token of this request (`Authorization: Bearer …`); null for anonymous callers." })
  viewer(@Ctx() { viewer }: HubContext, @Info() info: GraphQLResolveInfo): Viewer | null {
    // Differs per caller: never in a shared cache.
    (info as GraphQLResolveInfo & { cacheControl?: { setCacheHint(hint: { maxAge: number; scope: "PRIVATE" }): void } }).cacheControl?.setCacheHint({
      maxAge: 0,
      scope: "PRIVATE",
    });
    return viewer;
  }

  @FieldResolver(() => Municipality, { nullable: true, description: "The municipality an editor token writes; null for admin tokens." })
  municipality(@Root() viewer: Viewer, @Ctx() { loaders }: HubContext): Promise<Municipality | null> | null {
    return viewer.municipalityId === null ? null : loaders.byId(Municipality).load(viewer.municipalityId);
  }
}
