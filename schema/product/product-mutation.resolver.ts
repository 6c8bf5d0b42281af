import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Provider } from "../provider/provider.entity.js";
import { applyTopicsAndSources } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, findNamed, requireUnused } from "../publishing/references.js";
import { CreateProductInput, ProductInput } from "./product-write.inputs.js";
import { Product } from "./product.entity.js";

/** How the write path handles products. */
export const productKind: RecordKind<Product> = {
  entity: Product,
  label: "product",
  populate: ["vendor", "topics", "sources"],
  owner: () => null,
  adminOnly: true,
};

async function applyProduct(tx: EntityManager, product: Product, input: ProductInput): Promise<void> {
  assignFields(tx, product, input, ["name", "description"]);
  if (input.vendor !== undefined) {
    product.vendor = input.vendor === null ? null : ref(await findNamed(tx, Provider, "slug", input.vendor, "input.vendor", "Query `providers` for valid slugs."));
  }
  await applyTopicsAndSources(tx, product, input);
}

/** Creates and changes software products (admins only). */
@Resolver(() => Product)
export class ProductMutationResolver {
  @Mutation(() => Product, { description: "Adds a software product to the hub (admins only)." })
  createProduct(@Arg("input", () => CreateProductInput, { description: "The new record's fields." }) input: CreateProductInput, @Ctx() ctx: HubContext): Promise<Product> {
    return createRecord(ctx, productKind, async (tx) => {
      await requireUnused(tx, Product, { slug: input.slug }, "input.slug", input.slug);
      const product = new Product(input.slug, input.name, input.description);
      await applyProduct(tx, product, input);
      return product;
    });
  }

  @Mutation(() => Product, { description: "Changes a software product (admins only)." })
  updateProduct(
    @Arg("id", () => ID, { description: "ID of the product." }) id: string,
    @Arg("input", () => ProductInput, { description: "The fields to change; those left out keep their value." }) input: ProductInput,
    @Ctx() ctx: HubContext,
  ): Promise<Product> {
    return updateRecord(ctx, productKind, id, null, (tx, product) => applyProduct(tx, product, input));
  }
}
