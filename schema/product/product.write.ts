import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { Provider } from "../provider/provider.entity.js";
import { applyTopicsAndSources } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, lookUpNamed, requireUnused } from "../publishing/references.js";
import type { CreateProductInput, ProductInput } from "./product-write.inputs.js";
import { Product } from "./product.entity.js";

/** How the write path handles products. */
export const productKind: RecordKind<Product> = {
  entity: Product,
  label: "product",
  naturalKey: "slug",
  populate: ["vendor", "topics", "sources"],
  owner: () => null,
  adminOnly: true,
};

async function applyProduct(tx: EntityManager, product: Product, input: ProductInput): Promise<void> {
  assignFields(tx, product, input, ["name", "description"]);
  if (input.vendor !== undefined) {
    const vendor =
      input.vendor === null
        ? null
        : await lookUpNamed(tx, Provider, "slug", input.vendor, "input.vendor", "Query `providers` for valid slugs.");
    product.vendor = vendor ? ref(vendor) : null;
  }
  await applyTopicsAndSources(tx, product, input);
}

/** Adds a software product to the hub (admins only). */
export function createProductRecord(ctx: HubContext, input: CreateProductInput): Promise<Product> {
  return createRecord(ctx, productKind, async (tx) => {
    await requireUnused(tx, Product, { slug: input.slug }, "input.slug", input.slug);
    const product = new Product(input.slug, input.name, input.description);
    await applyProduct(tx, product, input);
    return product;
  });
}

/** Changes a software product (admins only). */
export function updateProductRecord(ctx: HubContext, target: RecordAddress, input: ProductInput): Promise<Product> {
  return updateRecord(ctx, productKind, target, null, (tx, product) => applyProduct(tx, product, input));
}
