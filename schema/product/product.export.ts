import { tableExport } from "../common/export/table-export.js";
import { Product } from "./product.entity.js";

/** `/export/products.csv` and `.json`: every product (software or service) the hub names. */
export const productExport = tableExport({
  name: "products",
  title: "Produkte",
  description: "Eine Zeile je Produkt (Software oder Dienst).",
  entity: Product,
  from: "product r left join provider v on v.id = r.vendor_id",
  order: ["r.name", "r.slug"],
  columns: [
    { header: "slug", sql: "r.slug", description: "Kurzname des Produkts im Hub", type: "code" },
    { header: "name", sql: "r.name", description: "Name des Produkts", type: "text" },
    { header: "vendor_slug", sql: "v.slug", description: "Kurzname des Herstellers im Hub", type: "code" },
    { header: "vendor", sql: "v.name", description: "Name des Herstellers", type: "text" },
    { header: "description", sql: "r.description", description: "Beschreibung", type: "text" },
  ],
});
