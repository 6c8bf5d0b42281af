import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { CommitInterruptedError, ErrorCode, isPublicErrorCode } from "../schema/common/errors.js";

/** Error codes of a lost or refused connection: the socket's, and PostgreSQL's shutdown and connection classes. */
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
/** Messages of `pg` and `pg-pool` when a connection is lost or cannot be made. */
const CONNECTION_ERROR_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|is not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)/i;
/** knex's message when no pooled connection became free in time. */
const POOL_BUSY_MESSAGE = /Timeout acquiring a connection/i;

/** An error and its causes, nearest first. */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown; name?: unknown }> {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++)
    yield current as object;
}

/**
 * Tells whether an error means the database cannot serve right now (it is down,
 * restarting, refuses connections, or the pool has none free), rather than a problem of
 * the statement: answered with HTTP 503, as `DATABASE_UNAVAILABLE` unless `isPoolBusy`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isPoolBusy(error)) return true;
  for (const { code, message } of causes(error)) {
    if (typeof code === "string" && (CONNECTION_ERROR_CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && CONNECTION_ERROR_MESSAGES.test(message)) return true;
  }
  return false;
}

/**
 * Tells whether an error means that no pooled connection became free in time: the
 * database is reachable but the hub is busy. Answered as overload (`TIMEOUT`, 503 with
 * `Retry-After`), never as an outage.
 */
export function isPoolBusy(error: unknown): boolean {
  for (const { message, name } of causes(error)) {
    if (name === "KnexTimeoutError" || (typeof message === "string" && POOL_BUSY_MESSAGE.test(message))) return true;
  }
  return false;
}

/** What a client is told when no database connection became free in time. */
export const DATABASE_BUSY_MESSAGE =
  "The hub is busy: no database connection became free in time; nothing was read or written. Retry in a few seconds.";
/** What a write is told when the connection was lost while it committed: whether it was saved is not known. */
export const WRITE_OUTCOME_UNKNOWN_MESSAGE =
  "The connection to the database was lost while this write was being committed: it may or may not have been saved. Read the record again before you retry.";

/** What a client is told while the database cannot be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is not reachable right now; nothing was read or written. The hub reconnects by itself: retry in a few seconds.";
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
  const unwrapped = unwrapResolverError(error);
  if (
    unwrapped instanceof CommitInterruptedError &&
    isDatabaseUnavailable(unwrapped.cause) &&
    !isPoolBusy(unwrapped.cause)
  ) {
    onUnavailable(unwrapped.cause);
    return {
      message: WRITE_OUTCOME_UNKNOWN_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.DATABASE_UNAVAILABLE },
    };
  }
  // Any other failure at commit is answered as what it is.
  const original = unwrapped instanceof CommitInterruptedError ? unwrapped.cause : unwrapped;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (isPublicErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // PostgreSQL cancelled a statement that ran past the hub's statement timeout (query_canceled).
  if ((original as { code?: unknown } | null)?.code === "57014") {
    return {
      message:
        "The database took too long and the statement was stopped. Ask for less: smaller pages (`first`) or fewer nested lists, then retry.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.TIMEOUT },
    };
  }
  // Overload, not an outage: the database answers, the pool had no connection free; the watch is not troubled.
  if (isPoolBusy(original)) {
    return {
      message: DATABASE_BUSY_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.TIMEOUT },
    };
  }
  // Logged once per outage by whoever watches the database (onUnavailable), not once per request.
  if (isDatabaseUnavailable(original)) {
    onUnavailable(original);
    return {
      message: DATABASE_UNAVAILABLE_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.DATABASE_UNAVAILABLE },
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
