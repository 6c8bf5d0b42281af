import type { ApolloServerPlugin } from "@apollo/server";
import type { HubContext } from "../../schema/common/context.js";
import { isDryRun } from "../../schema/publishing/dry-run.js";

/**
 * Carries out `@dryRun` (schema/publishing/dry-run.ts): the operation's EntityManager begins a transaction before
 * execution, so that each write's own transaction is a savepoint inside it and each read of the answer sees the
 * writes; once the answer is computed, everything is rolled back. Goes into ApolloServer's `plugins`.
 */
export const dryRunPlugin: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    let begun = false;
    return {
      async executionDidStart({ operation, contextValue }) {
        if (!isDryRun(operation)) return;
        await contextValue.em.begin();
        begun = true;
      },
      async willSendResponse({ contextValue, response }) {
        if (!begun) return;
        begun = false;
        await contextValue.em.rollback();
        if (response.body.kind === "single")
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, dryRun: true };
      },
    };
  },
};
