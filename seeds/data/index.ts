import type { SeedData } from "../seed-data.js";
import { herten } from "./herten.js";
import { hildesheim } from "./hildesheim.js";
import { kelsterbach } from "./kelsterbach.js";
import { products } from "./products.js";
import { providers } from "./providers.js";
import { ratingen } from "./ratingen.js";
import { sources } from "./sources.js";
import { topics } from "./topics.js";
import { workingGroups } from "./working-groups.js";

export { herten, hildesheim, kelsterbach, products, providers, ratingen, sources, topics, workingGroups };

/** The hub's complete seed data set. */
export const seedData: SeedData = {
  topics,
  sources,
  providers,
  products,
  cities: [ratingen, herten, kelsterbach, hildesheim],
  workingGroups,
};
