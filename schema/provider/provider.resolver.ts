import { Args, Ctx, ObjectType, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { SlugArgs } from "../common/slug.args.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { Provider } from "./provider.entity.js";
import { providerOrdering, ProvidersArgs } from "./provider.inputs.js";
import { providerWhere } from "./provider.service.js";

/** A page of providers. */
@ObjectType({ description: "A page of providers." })
export class ProviderConnection extends ConnectionType("Provider", Provider) {}

/** Reads providers; engagements and products add their fields in their own features. */
@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => ProviderConnection, {
    description: "Providers (IT service providers, consultancies, vendors, …), filtered, sorted and paginated.",
  })
  async providers(@Args() args: ProvidersArgs, @Ctx() { em }: HubContext): Promise<ProviderConnection> {
    return toConnection(
      await fetchPage(em, Provider, providerWhere(args.filter, args.query), providerOrdering.spec(args.orderBy), args),
    );
  }

  @Query(() => Provider, { nullable: true, description: "The provider with this slug, or null." })
  provider(@Args() { slug }: SlugArgs, @Ctx() { loaders }: HubContext) {
    return loaders.plain.findOne(Provider, "slug", slug);
  }
}
