import type { Feature } from "../features.types.js";
import { ProviderProductsResolver } from "./product-edges.resolver.js";
import { ProductMutationResolver } from "./product-mutation.resolver.js";
import { Product } from "./product.entity.js";
import { ProductResolver } from "./product.resolver.js";
import { productKind } from "./product.write.js";
import { productExport } from "./product.export.js";

/** Software products. */
export const productFeature: Feature = {
  name: "product",
  nodes: [Product],
  resolvers: [ProductResolver, ProductMutationResolver, ProviderProductsResolver],
  adminOnly: [productKind],
  cited: [Product],
  tagged: [Product],
  exports: [productExport],
};
