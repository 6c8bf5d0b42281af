import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "../logger.js";
import type { ObservedRequest } from "../metrics/metrics.js";

/** Longest path written to the access log; longer ones are cut (and marked with …). */
const MAX_LOGGED_PATH = 300;

/** Where `routeMount` keeps a mount's path in `res.locals`. */
const ROUTE_MOUNT = "ikzRouteMount";

/**
 * Marks the requests of a mounted router or chain (`app.use("/graphql", routeMount("/graphql"), …)`), so that an
 * answer given by the hub's error handlers (a 400 for a bad body, a 401) is still counted under the mount's routes.
 */
export function routeMount(path: string): RequestHandler {
  return (_req, res, next) => {
    res.locals[ROUTE_MOUNT] = path;
    next();
  };
}

/**
 * The route template a request was answered by (`/kommunen/:slug`, `/graphql`), never the raw path, so that metric
 * labels stay few; `(unmatched)` for what no route took (404s), `(none)` for what middleware answered on its own.
 */
export function routeTemplate(req: Request, res: Response): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  const mount = (res.locals[ROUTE_MOUNT] as string | undefined) ?? req.baseUrl;
  if (route !== undefined) return `${mount}${String(route)}` || "/";
  if (mount) return mount;
  return res.statusCode === 404 ? "(unmatched)" : "(none)";
}

/** Counts the bytes of a response's body as it is written. */
function countBodyBytes(res: Response): () => number {
  let bytes = 0;
  const add = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string")
      bytes += Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    add(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") add(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response["end"];
  return () => bytes;
}

/**
 * One access-log line per request, at info level, when its answer is done (or the client went away):
 * method, path (without the query string), route template, status, duration in ms, response body bytes and
 * the request id (`x-request-id`, see request-id.middleware.ts). No header is logged, so no token, Authorization
 * or cookie can be. `observe`, when given, is told of every request too (the Prometheus metrics).
 * Mount it first, so that the duration covers the whole request.
 */
export function accessLog(logger: Logger, observe?: (request: ObservedRequest) => void): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const bytes = countBodyBytes(res);
    res.once("close", () => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const route = routeTemplate(req, res);
      const path = req.originalUrl.split("?")[0];
      const requestId = res.getHeader("x-request-id");
      logger.info(
        {
          requestId: typeof requestId === "string" ? requestId : undefined,
          method: req.method,
          path: path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path,
          route,
          status: res.statusCode,
          durationMs,
          bytes: bytes(),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
      observe?.({ method: req.method, route, status: res.statusCode, durationMs });
    });
    next();
  };
}
