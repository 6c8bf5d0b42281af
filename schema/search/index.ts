import type { Feature } from "../features.types.js";
import { SearchResolver } from "./search.resolver.js";

/** Full-text search across the searchable record types (`searchable-types.ts`). */
export const searchFeature: Feature = { name: "search", resolvers: [SearchResolver] };
