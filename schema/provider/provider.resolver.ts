import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs } from "../common/list-bounds.js";
import { SlugArgs } from "../common/slug.args.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { Engagement } from "../engagement/engagement.entity.js";
import { Product } from "../product/product.entity.js";
import { Provider } from "./provider.entity.js";
import { providerOrdering, ProvidersArgs } from "./provider.inputs.js";
import { providerWhere } from "./provider.service.js";

/** A page of providers. */
@ObjectType({ description: "A page of providers." })
export class ProviderConnection extends ConnectionType("Provider", Provider) {}

/** Reads providers with their engagements and products. */
@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => ProviderConnection, { description: "Providers (IT service providers, consultancies, vendors, …), filtered, sorted and paginated." })
  async providers(@Args() args: ProvidersArgs, @Ctx() { em }: HubContext): Promise<ProviderConnection> {
    return toConnection(await fetchPage(em, Provider, providerWhere(args.filter), providerOrdering.spec(args.orderBy), args));
  }

  @Query(() => Provider, { nullable: true, description: "The provider with this slug, or null." })
  provider(@Args() { slug }: SlugArgs, @Ctx() { em }: HubContext) {
    return em.findOne(Provider, { slug });
  }

  @FieldResolver(() => [Engagement], { description: "The provider's engagements with municipalities." })
  engagements(@Root() provider: Provider, @Args() { first }: ListArgs, @Ctx() { loaders }: HubContext): Promise<Engagement[]> {
    return loaders.byParent(Engagement, "provider", { since: "asc nulls last" }, first).load(provider.id);
  }

  @FieldResolver(() => [Product], { description: "Software products the provider makes." })
  products(@Root() provider: Provider, @Args() { first }: ListArgs, @Ctx() { loaders }: HubContext): Promise<Product[]> {
    return loaders.byParent(Product, "vendor", { name: "asc" }, first).load(provider.id);
  }
}
