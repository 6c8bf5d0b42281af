import type { GraphQLResolveInfo } from "graphql";
import { Ctx, Info, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Viewer } from "./viewer.js";

/** Tells callers which token they use; the municipality feature adds the token's `municipality`. */
@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: "The API token of this request (`Authorization: Bearer …`); null for anonymous callers.",
  })
  viewer(@Ctx() { viewer }: HubContext, @Info() info: GraphQLResolveInfo): Viewer | null {
    // Differs per caller: never in a shared cache.
    (
      info as GraphQLResolveInfo & { cacheControl?: { setCacheHint(hint: { maxAge: number; scope: "PRIVATE" }): void } }
    ).cacheControl?.setCacheHint({
      maxAge: 0,
      scope: "PRIVATE",
    });
    return viewer;
  }
}
