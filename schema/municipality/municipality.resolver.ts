import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, ObjectType, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { itemSelection, prefetchSelection } from "../common/prefetch.js";
import { SlugArgs } from "../common/slug.args.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { MunicipalitiesArgs, municipalityOrdering } from "./municipality.inputs.js";
import { municipalityWhere } from "./municipality.service.js";
import { Municipality } from "./municipality.entity.js";

/** A page of municipalities. */
@ObjectType({ description: "A page of municipalities." })
export class MunicipalityConnection extends ConnectionType("Municipality", Municipality) {}

/** Reads municipalities; the features whose records hang off a municipality add those fields (`*-edges.resolver.ts`). */
@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection, { description: "Municipalities in the hub, filtered, sorted and paginated." })
  async municipalities(
    @Args() args: MunicipalitiesArgs,
    @Ctx() context: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MunicipalityConnection> {
    const where = municipalityWhere(args.filter);
    const page = await fetchPage(context.em, Municipality, where, municipalityOrdering.spec(args.orderBy), args);
    // The page's strategies and what is asked beneath them, for all its municipalities at once.
    await prefetchSelection(context, info, Municipality, page.items, itemSelection(info, ["nodes"]));
    return toConnection(page);
  }

  @Query(() => Municipality, { nullable: true, description: "The municipality with this slug, or null." })
  municipality(@Args() { slug }: SlugArgs, @Ctx() { loaders }: HubContext) {
    return loaders.plain.findOne(Municipality, "slug", slug);
  }
}
