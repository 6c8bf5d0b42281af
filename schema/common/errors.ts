import { GraphQLError } from "graphql";

/**
 * The catalogue of `extensions.code` values clients can rely on. Anything else that
 * goes wrong reaches the client as `INTERNAL_SERVER_ERROR` with a request id.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  PERSISTED_QUERY_NOT_SUPPORTED: "PERSISTED_QUERY_NOT_SUPPORTED",
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  BAD_REQUEST: "BAD_REQUEST",
  /** The operation ran longer than the hub's execution timeout (HTTP 503); asking for less helps. */
  TIMEOUT: "TIMEOUT",
  /** The answer grew past the hub's MAX_RESPONSE_NODES objects and list items while it ran (HTTP 400); asking for less helps. */
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
  /**
   * The hub cannot reach its database right now (HTTP 503 with `Retry-After`): it is
   * down, restarting or has no connection free. Nothing was read or written; retry
   * in a few seconds. The hub reconnects by itself.
   */
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A write's transaction that failed after its work was done, while it committed: if the
 * connection was lost then, whether the write was saved is not known (server/errors.ts
 * words it so); any other cause is answered as that cause.
 */
export class CommitInterruptedError extends Error {
  override readonly name = "CommitInterruptedError";

  constructor(override readonly cause: unknown) {
    super("The write's transaction failed while it committed.", { cause });
  }
}

/** Tells whether a code belongs to the catalogue (and so may reach clients as is). */
export function isPublicErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && (Object.values(ErrorCode) as string[]).includes(code);
}

/**
 * A client mistake in an argument. `fields` are the offending argument paths,
 * e.g. `["filter", "topics"]`, so a client can point at the right input.
 */
export function badUserInput(message: string, fields: readonly string[] = []): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });
}
