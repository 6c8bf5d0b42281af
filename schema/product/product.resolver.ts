import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Provider } from "../provider/provider.entity.js";
import { Product } from "./product.entity.js";

/** Reads a product's vendor. */
@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver(() => Provider, { nullable: true, description: "Vendor of the product, where known." })
  vendor(@Root() product: Product, @Ctx() { loaders }: HubContext): Promise<Provider | null> | null {
    return product.vendor ? loaders.byId(Provider).load(product.vendor.id) : null;
  }
}
