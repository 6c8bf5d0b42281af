import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs } from "../common/list-bounds.js";
import { Provider } from "../provider/provider.entity.js";
import { Product } from "./product.entity.js";

/** Adds `products` to a provider: the product feature's edge. */
@Resolver(() => Provider)
export class ProviderProductsResolver {
  @FieldResolver(() => [Product], { description: "Software products the provider makes." })
  products(
    @Root() provider: Provider,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Product[]> {
    return loaders.byParent(Product, "vendor", { name: "asc" }, first).load(provider.id);
  }
}
