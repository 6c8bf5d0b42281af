import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLFormattedError, OperationDefinitionNode } from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import { DATABASE_BUSY_MESSAGE, DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "../errors.js";

/**
 * Answers an operation that could not reach the database (or found no connection
 * free) with HTTP 503, `Retry-After` and no caching. A query gets one
 * `DATABASE_UNAVAILABLE` (or busy `TIMEOUT`) error: whatever else it held was cut
 * short. A mutation keeps what it wrote: its errors stay on the root fields that
 * failed, each telling which writes before it were saved, and the status is 503 only
 * when no write went through (`formatError` has given the errors their codes).
 */
export const databaseUnavailable: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, operation }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        const lost =
          result.errors?.filter(
            (error) =>
              error.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE || error.message === DATABASE_BUSY_MESSAGE,
          ) ?? [];
        if (!lost.length) return;
        response.http.headers.set("cache-control", "no-store");
        if (operation?.operation === "mutation") {
          const saved = writesBefore(operation, result.data, result.errors ?? []);
          if (saved.length)
            result.errors = result.errors?.map((error) => (lost.includes(error) ? withSaved(error, saved) : error));
          if (saved.length) return;
        } else {
          const unavailable = lost.find((error) => error.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE);
          const error = unavailable
            ? { message: DATABASE_UNAVAILABLE_MESSAGE, code: ErrorCode.DATABASE_UNAVAILABLE }
            : { message: DATABASE_BUSY_MESSAGE, code: ErrorCode.TIMEOUT };
          response.body.singleResult = {
            data: null,
            errors: [{ message: error.message, extensions: { code: error.code } }],
          };
        }
        response.http.status = 503;
        response.http.headers.set("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
      },
    };
  },
};

/**
 * The root fields of a mutation whose writes went through: those answered with data,
 * and, when a failed non-null field has nulled the whole answer, those before the first
 * failed one (root fields of a mutation run one after the other, and the first failure
 * ends the operation).
 */
function writesBefore(
  operation: OperationDefinitionNode,
  data: Record<string, unknown> | null | undefined,
  errors: readonly GraphQLFormattedError[],
): string[] {
  const keys = operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === "Field" ? [selection.alias?.value ?? selection.name.value] : [],
  );
  if (data) return keys.filter((key) => data[key] !== null && data[key] !== undefined);
  const failed = new Set(errors.map((error) => error.path?.[0]));
  const first = keys.findIndex((key) => failed.has(key));
  return first < 0 ? [] : keys.slice(0, first);
}

/** A failed write's error that also says which writes before it were saved. */
function withSaved(error: GraphQLFormattedError, saved: string[]): GraphQLFormattedError {
  const message = error.message.replace("nothing was read or written", "this write was not saved");
  return { ...error, message: `${message} The writes before it were saved: ${saved.join(", ")}.` };
}
