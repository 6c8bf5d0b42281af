import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { ErrorCode, isPublicErrorCode } from "../schema/common/errors.js";

/** Turns class-validator failures into one readable BAD_USER_INPUT error. */
function fromArgumentValidation(error: ArgumentValidationError, original: GraphQLFormattedError): GraphQLFormattedError {
  const messages: string[] = [];
  const fields: string[] = [];
  const walk = (errors: ArgumentValidationError["extensions"]["validationErrors"], prefix: string[]) => {
    for (const item of errors) {
      const fieldPath = [...prefix, item.property];
      if (item.constraints) {
        fields.push(fieldPath.join("."));
        messages.push(...Object.values(item.constraints).map((text) => `${fieldPath.join(".")}: ${text}`));
      }
      if (item.children?.length) walk(item.children, fieldPath);
    }
  };
  walk(error.extensions.validationErrors, []);
  return {
    message: messages.length ? `Invalid argument. ${messages.join("; ")}` : "Invalid argument.",
    locations: original.locations,
    path: original.path,
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
  };
}

/**
 * Apollo's `formatError`: passes the catalogue's errors through, and masks every
 * other failure (database messages, stack traces, internal names) behind
 * `INTERNAL_SERVER_ERROR` and the request id that the server log carries.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => string | undefined,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) return fromArgumentValidation(original, formatted);
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (isPublicErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // PostgreSQL cancelled a statement that ran past the hub's statement timeout (query_canceled).
  if ((original as { code?: unknown } | null)?.code === "57014") {
    return {
      message: "The database took too long and the statement was stopped. Ask for less: smaller pages (`first`) or fewer nested lists, then retry.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.TIMEOUT },
    };
  }
  const requestId = onInternal(error);
  return {
    message: `Internal server error. Quote request id ${requestId ?? "unknown"} when you report it.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
