import type { FilterQuery } from "@mikro-orm/core";
import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { containsPattern, given } from "../common/filters.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { SlugArgs } from "../common/slug.args.js";
import { Provider } from "../provider/provider.entity.js";
import { Product } from "./product.entity.js";
import { productOrdering, ProductsArgs } from "./product.inputs.js";

/** A page of products. */
@ObjectType({ description: "A page of software products." })
export class ProductConnection extends ConnectionType("Product", Product) {}

/** Turns the products arguments into a query condition: the slugs given, and the text the name or slug contains. */
function productWhere(args: ProductsArgs): FilterQuery<Product> {
  const conditions: object[] = [];
  if (given(args.slugs)) conditions.push({ slug: { $in: args.slugs } });
  const text = args.query?.trim();
  if (text) {
    const pattern = containsPattern(text);
    conditions.push({ $or: [{ name: { $ilike: pattern } }, { slug: { $ilike: pattern } }] });
  }
  return { $and: conditions } as FilterQuery<Product>;
}

/** Finds products (e.g. the software an editor wants to name in a project) and reads a product's vendor. */
@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, {
    description: "Software products of every vendor, found by name or slug, sorted and paginated.",
  })
  async products(@Args() args: ProductsArgs, @Ctx() { em }: HubContext): Promise<ProductConnection> {
    return toConnection(await fetchPage(em, Product, productWhere(args), productOrdering.spec(args.orderBy), args));
  }

  @Query(() => Product, { nullable: true, description: "The product with this slug, or null." })
  product(@Args() { slug }: SlugArgs, @Ctx() { loaders }: HubContext) {
    return loaders.plain.findOne(Product, "slug", slug);
  }

  @FieldResolver(() => Provider, { nullable: true, description: "Vendor of the product, where known." })
  vendor(@Root() product: Product, @Ctx() { loaders }: HubContext): Promise<Provider | null> | null {
    return product.vendor ? loaders.byId(Provider).load(product.vendor.id) : null;
  }
}
