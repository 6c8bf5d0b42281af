import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, type ValidationRule, visit } from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";

/** Finds the path of the first string in `value` that holds a NUL character. */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, [...path, String(index)]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Rejects requests whose variables or string literals hold a NUL character
 * (U+0000): PostgreSQL cannot store it in text, and no legitimate slug, key or
 * text contains it. Checked once per request, before execution.
 */
export const rejectNulCharacters: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        let path = nulPath(request.variables ?? {}, ["variables"]);
        visit(document, {
          StringValue(node) {
            if (!path && node.value.includes("\u0000")) path = ["query"];
          },
        });
        if (path) {
          throw new GraphQLError(`${path.join(".")} contains a NUL character (U+0000), which text here cannot hold.`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [path.join(".")], http: { status: 400 } },
          });
        }
      },
    };
  },
};

/**
 * Reports operations of a type the schema does not have (e.g. a mutation while the
 * API is read-only) at validation, instead of as an uncoded execution failure.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API does not support ${node.operation} operations.`, { nodes: [node] }));
    }
  },
});
