import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/** The GraphQL context each error of an answer arose in, for `formatError` (which Apollo calls without it). */
const contexts = new WeakMap<object, object>();

/**
 * Notes which operation's context each error belongs to before Apollo formats it, so that an internal error is
 * logged and answered with its own request's id (server/request-scope.ts) rather than a new one.
 */
export const errorRequests: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) contexts.set(error, contextValue);
      },
    };
  },
};

/** The context `error` arose in, if the plugin saw it. */
export function contextOfError(error: unknown): object | undefined {
  return typeof error === "object" && error !== null ? contexts.get(error) : undefined;
}
