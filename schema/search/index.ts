import type { Feature } from "../features.types.js";
import { SearchResolver } from "./search.resolver.js";

/** Full-text search across the record types the features declare searchable (`Feature.searchable`). */
export const searchFeature: Feature = { name: "search", resolvers: [SearchResolver] };
