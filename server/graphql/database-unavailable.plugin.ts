import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ErrorCode } from "../../schema/common/errors.js";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "../errors.js";

/**
 * Answers an operation that could not reach the database with HTTP 503, `Retry-After`
 * and one `DATABASE_UNAVAILABLE` error (`formatError` has given the errors that code):
 * whatever else it held was cut short, and the answer must not be cached.
 */
export const databaseUnavailable: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        if (!response.body.singleResult.errors?.some((error) => error.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE)) return;
        response.body.singleResult = { data: null, errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } }] };
        response.http.status = 503;
        response.http.headers.set("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
        response.http.headers.set("cache-control", "no-store");
      },
    };
  },
};
