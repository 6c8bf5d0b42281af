import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { BySlugArgs } from "../publishing/record-address.args.js";
import { CreateProductInput, ProductInput } from "./product-write.inputs.js";
import { Product } from "./product.entity.js";
import { createProductRecord, updateProductRecord } from "./product.write.js";

/** Creates and changes software products (admins only). */
@Resolver(() => Product)
export class ProductMutationResolver {
  @Mutation(() => Product, { description: "Adds a software product to the hub (admins only)." })
  createProduct(
    @Arg("input", () => CreateProductInput, { description: "The new record's fields." }) input: CreateProductInput,
    @Ctx() ctx: HubContext,
  ): Promise<Product> {
    return createProductRecord(ctx, input);
  }

  @Mutation(() => Product, { description: "Changes a software product (admins only)." })
  updateProduct(
    @Args(() => BySlugArgs) target: BySlugArgs,
    @Arg("input", () => ProductInput, { description: "The fields to change; those left out keep their value." })
    input: ProductInput,
    @Ctx() ctx: HubContext,
  ): Promise<Product> {
    return updateProductRecord(ctx, target, input);
  }
}
