import type { ErrorRequestHandler, RequestHandler } from "express";
import { ErrorCode } from "../../schema/common/errors.js";
import {
  DATABASE_BUSY_MESSAGE,
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  isPoolBusy,
} from "../errors.js";

/** The largest request body the GraphQL endpoint reads. */
export const BODY_LIMIT = "1mb";

/** What the body parser's failures mean for a client, by its error `type`. */
const BODY_ERRORS: Record<string, [number, string]> = {
  "entity.parse.failed": [400, "Bad request: the body is not valid JSON."],
  "entity.too.large": [413, `Bad request: the body is larger than ${BODY_LIMIT}.`],
  "encoding.unsupported": [
    415,
    "Bad request: unsupported Content-Encoding; send the body uncompressed, gzip or deflate.",
  ],
  "charset.unsupported": [415, "Bad request: unsupported charset; send JSON as UTF-8."],
  "request.aborted": [400, "Bad request: the request was aborted."],
  "request.size.invalid": [400, "Bad request: the body is shorter or longer than its Content-Length."],
};

/** Answers paths no route serves, in the GraphQL error shape. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({
    errors: [{ message: "Not found. GraphQL is served at /graphql.", extensions: { code: ErrorCode.NOT_FOUND } }],
  });
};

/**
 * The last error handler: client errors of the HTTP layer (bad JSON, too large, bad
 * encoding, malformed paths) become `BAD_REQUEST` with a message that says what to fix;
 * a database that cannot be reached is `DATABASE_UNAVAILABLE` with 503 (told to
 * `onUnavailable`, which logs once per outage), for page routes and exports alike;
 * anything else is logged through `logInternal` and masked as `INTERNAL_SERVER_ERROR`.
 */
export function httpErrors(
  logInternal: (error: unknown, res: object) => void,
  onUnavailable: (error: unknown) => void = () => undefined,
): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (isDatabaseUnavailable(error)) {
      const busy = isPoolBusy(error);
      // A full pool is overload, not an outage: the watch is not troubled with it.
      if (!busy) onUnavailable(error);
      // A stream cut short cannot take a status any more; ending it tells the client it is incomplete.
      if (res.headersSent) return void res.destroy();
      res.status(503).set({ "retry-after": String(DATABASE_RETRY_AFTER_SECONDS), "cache-control": "no-store" });
      const answer = busy
        ? { message: DATABASE_BUSY_MESSAGE, code: ErrorCode.TIMEOUT }
        : { message: DATABASE_UNAVAILABLE_MESSAGE, code: ErrorCode.DATABASE_UNAVAILABLE };
      res.json({ errors: [{ message: answer.message, extensions: { code: answer.code } }] });
      return;
    }
    const type = String(error?.type);
    // Express marks its own client errors (e.g. a malformed percent-encoding in the path) with a 4xx status.
    const status4xx =
      typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? (error.status as number) : null;
    const known = Object.hasOwn(BODY_ERRORS, type)
      ? BODY_ERRORS[type]
      : status4xx
        ? ([status4xx, "Bad request."] as [number, string])
        : undefined;
    if (!known) logInternal(error, res);
    const [status, message] = known ?? [500, "Internal server error"];
    const code = status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
