import type { ApolloServerPlugin } from "@apollo/server";
import type { ResponseStore } from "./response-store.js";

/**
 * Bumps the response cache's generation after every executed mutation (see stored-answers.ts), once its writes are
 * committed and before its answer is sent: the next anonymous GET, in every hub sharing the Redis, is answered afresh.
 * `store` is the hub's, once it has started and made it.
 */
export function invalidationPlugin(store: () => ResponseStore | undefined): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation?.operation !== "mutation") return;
          return { executionDidEnd: async () => store()?.bump() };
        },
      };
    },
  };
}
