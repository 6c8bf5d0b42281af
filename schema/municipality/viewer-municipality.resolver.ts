import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Viewer } from "../token/viewer.js";
import { Municipality } from "./municipality.entity.js";

/** Adds `municipality` to the viewer: the municipality feature's edge. */
@Resolver(() => Viewer)
export class ViewerMunicipalityResolver {
  @FieldResolver(() => Municipality, {
    nullable: true,
    description: "The municipality an editor token writes; null for admin tokens.",
  })
  municipality(@Root() viewer: Viewer, @Ctx() { loaders }: HubContext): Promise<Municipality | null> | null {
    return viewer.municipalityId === null ? null : loaders.byId(Municipality).load(viewer.municipalityId);
  }
}
