import { Ctx, Extensions, Query, Resolver } from "type-graphql";
import { PER_CALLER } from "../common/cache-policy.js";
import type { HubContext } from "../common/context.js";
import { Viewer } from "./viewer.js";

/** Tells callers which token they use; the municipality feature adds the token's `municipality`. */
@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: "The API token of this request (`Authorization: Bearer …`); null for anonymous callers.",
  })
  // Differs per caller: never in a shared cache.
  @Extensions({ ...PER_CALLER })
  viewer(@Ctx() { viewer }: HubContext): Viewer | null {
    return viewer;
  }
}
