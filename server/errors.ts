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

/** Error codes of a lost or refused connection: the socket's, and PostgreSQL's shutdown and connection classes. */
const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "57P01", "57P02", "57P03", "53300"]);
/** Messages of `pg`, `pg-pool` and knex when a connection is lost, cannot be made or none is free. */
const CONNECTION_ERROR_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Timeout acquiring a connection|is not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Tells whether an error means the database cannot be reached right now (it is down,
 * restarting, refuses connections, or the pool has none free), rather than a problem of
 * the statement: such errors are answered with `DATABASE_UNAVAILABLE` and HTTP 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === "string" && (CONNECTION_ERROR_CODES.has(code) || code.startsWith("08"))) return true;
    if (name === "KnexTimeoutError" || (typeof message === "string" && CONNECTION_ERROR_MESSAGES.test(message))) return true;
  }
  return false;
}

/** What a client is told while the database cannot be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not reachable right now; nothing was read or written. The hub reconnects by itself: retry in a few seconds.";
/** Seconds a client is asked to wait (`Retry-After`) while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Apollo's `formatError`: passes the catalogue's errors through, answers a lost
 * database with `DATABASE_UNAVAILABLE` (telling `onUnavailable`), and masks every
 * other failure (database messages, stack traces, internal names) behind
 * `INTERNAL_SERVER_ERROR` and the request id that the server log carries.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => string | undefined,
  onUnavailable: (error: unknown) => void = () => undefined,
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
  // Logged once per outage by whoever watches the database (onUnavailable), not once per request.
  if (isDatabaseUnavailable(original)) {
    onUnavailable(original);
    return { message: DATABASE_UNAVAILABLE_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } };
  }
  const requestId = onInternal(error);
  return {
    message: `Internal server error. Quote request id ${requestId ?? "unknown"} when you report it.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
