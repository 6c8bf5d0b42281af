/** How long, and for whom, an answer selecting a field may be cached: Apollo's cache hint. */
export interface CachePolicyHint {
  maxAge: number;
  scope: "PUBLIC" | "PRIVATE";
}

/**
 * A field's `extensions` (type-graphql's `@Extensions`) that restrict the `Cache-Control` of every answer selecting
 * it, e.g. a field that differs per caller; the server applies it once per operation (server/graphql/cache-policy.ts).
 */
export interface CachePolicyExtensions {
  cachePolicy?: CachePolicyHint;
}

/** The hint of a field whose value differs per caller: never in a shared cache, nor kept at all. */
export const PER_CALLER: CachePolicyExtensions = { cachePolicy: { maxAge: 0, scope: "PRIVATE" } };
