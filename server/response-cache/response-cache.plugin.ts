import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import type { HubContext } from "../../schema/common/context.js";
import type { ResponseStore } from "./response-store.js";

/** What became of a cacheable request: served from the cache, executed and stored, or executed past an unusable store. */
export type ResponseCacheOutcome = "hit" | "miss" | "bypass";

/**
 * Whether a request may share answers with others: an anonymous GET (no token, no Authorization header at all).
 * The hub has no cookie-based identity, so nothing else tells callers apart. POSTs are left alone: clients that
 * mean an answer to be cached send GET, as the embeds do.
 */
function isAnonymousGet({ request, contextValue }: GraphQLRequestContext<HubContext>): boolean {
  return request.http?.method === "GET" && contextValue.viewer === null && !request.http.headers.has("authorization");
}

/**
 * The whole-response cache of `/graphql` (`@apollo/server-plugin-response-cache` over `store`, once the hub has
 * started and made it; until then, and without it, every request bypasses the cache), as two plugins
 * to list after the cache-control plugin. Only anonymous GET queries are read from and written to it; an
 * answer is kept for its cache-control max-age (never one whose scope is PRIVATE, nor one with errors). Its
 * key holds the query, operation name, variables and the store's generation, which every executed mutation
 * bumps, so that a write shows to the next request (in every hub sharing the Redis). A hit carries `Age`.
 * `observe` is told each cacheable request's outcome (the Prometheus metrics).
 */
export function responseCachePlugins(
  store: () => ResponseStore | undefined,
  observe: (outcome: ResponseCacheOutcome) => void = () => {},
): ApolloServerPlugin<HubContext>[] {
  // The generation each cacheable request was keyed with; null when the store could not tell it (bypass).
  const generations = new WeakMap<HubContext, string | null>();
  const usable = async (requestContext: GraphQLRequestContext<HubContext>) =>
    isAnonymousGet(requestContext) && (generations.get(requestContext.contextValue) ?? null) !== null;
  const cache = responseCachePlugin<HubContext>({
    // Used only once a request had a generation, so once the store exists.
    cache: {
      get: async (key) => store()?.cache.get(key),
      set: async (key, value, options) => store()?.cache.set(key, value, options),
      delete: async (key) => store()?.cache.delete(key) ?? false,
    },
    // No per-caller entries: an answer that is PRIVATE is not cached at all.
    sessionId: async () => null,
    extraCacheKeyData: async (requestContext) => {
      if (!isAnonymousGet(requestContext)) return null;
      const generation = (await store()?.generation()) ?? null;
      generations.set(requestContext.contextValue, generation);
      return { generation };
    },
    shouldReadFromCache: usable,
    shouldWriteToCache: usable,
  });
  const invalidateAndCount: ApolloServerPlugin<HubContext> = {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation?.operation !== "mutation") return;
          // After the mutation's writes are committed, before its answer is sent.
          return { executionDidEnd: async () => store()?.bump() };
        },
        async willSendResponse({ contextValue, metrics }) {
          if (!generations.has(contextValue)) return;
          if (generations.get(contextValue) === null) observe("bypass");
          else observe(metrics.responseCacheHit ? "hit" : "miss");
        },
      };
    },
  };
  return [cache, invalidateAndCount];
}
