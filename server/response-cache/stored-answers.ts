import { createHash } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { scopeOf } from "../request-scope.js";
import { extraPoints } from "../rate-limit/cost-points.plugin.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import type { ResponseStore } from "./response-store.js";

/** What became of a cacheable request: served from the cache, executed and stored, or executed past an unusable store. */
export type ResponseCacheOutcome = "hit" | "miss" | "bypass";

/** What `storedAnswers` needs: the store (once the hub has made it), the outcome's counter and the rate limiter. */
export interface StoredAnswersOptions {
  store: () => ResponseStore | undefined;
  observe: (outcome: ResponseCacheOutcome) => void;
  limiter: RateLimiter;
}

/** An answer as kept: the bytes Apollo sent, the headers a hit repeats, when it was stored and the points it cost. */
interface StoredAnswer {
  headers: Record<string, string>;
  storedAt: number;
  points: number;
  body: string;
}

/** The response headers of a stored answer that its hits repeat (express sets the length, CORS and rate-limit ones). */
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "etag"] as const;

/**
 * The response cache of `/graphql`, in front of Apollo: an anonymous GET (no `Authorization` header; the hub has no
 * cookie-based identity) is answered with the bytes Apollo sent for the same query, operation name, variables and
 * extensions, as long as the answer's max-age lasts and no write bumped the store's generation since. Apollo decides
 * what may be kept: an answer is stored only with status 200 and a public `Cache-Control` max-age, which Apollo's
 * cache-control plugin sets only for answers without errors whose fields are all public. A hit carries `Age` and
 * takes the rate-limit points the answer took when it was made; without points enough, or without the header that
 * Apollo's CSRF prevention asks of a GET, the request goes on to Apollo, which answers it as any other. Serving the
 * bytes instead of `@apollo/server-plugin-response-cache`'s stored JSON saves parsing it, running the request pipeline
 * and serialising it again: a hundred cities' nested read took 9–10 ms of CPU per cached answer that way (issue 18).
 */
export function storedAnswers({ store, observe, limiter }: StoredAnswersOptions): RequestHandler {
  return async (req, res, next) => {
    const params = req.method === "GET" && req.headers.authorization === undefined ? cacheParams(req) : null;
    if (!params) return next();
    const answers = store();
    const generation = answers ? await answers.generation() : null;
    if (!answers || generation === null) {
      observe("bypass");
      return next();
    }
    const key = createHash("sha256")
      .update(JSON.stringify([generation, ...params]))
      .digest("hex");
    const stored = parseStored(await answers.cache.get(key));
    if (stored && preflighted(req) && (await paid(res, limiter, stored.points))) {
      observe("hit");
      serve(res, stored);
      return;
    }
    observe("miss");
    keepWhenSent(res, answers, key);
    next();
  };
}

/**
 * What keys an answer besides the generation: query, operation name, variables (as parsed, so that their spacing does
 * not matter) and extensions (a persisted query's hash); null for a request Apollo will refuse (no query, no hash,
 * variables that are not JSON), which is not cached.
 */
function cacheParams(req: Request): unknown[] | null {
  const search = new URLSearchParams(req.url.slice(req.url.indexOf("?") + 1 || req.url.length));
  const query = search.get("query");
  const extensions = search.get("extensions");
  if (query === null && extensions === null) return null;
  const variables = search.get("variables");
  try {
    return [query, search.get("operationName"), variables === null ? null : JSON.parse(variables), extensions];
  } catch {
    return null;
  }
}

/** Content types a browser may send cross-origin without a preflight: such a GET needs one of Apollo's headers. */
const SIMPLE_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/** Whether Apollo's CSRF prevention lets this GET through, so that a hit answers only what Apollo would answer. */
function preflighted(req: Request): boolean {
  if (req.headers["apollo-require-preflight"] !== undefined || req.headers["x-apollo-operation-name"] !== undefined)
    return true;
  const contentType = req.headers["content-type"]?.split(";")[0].trim().toLowerCase();
  return contentType !== undefined && contentType !== "" && !SIMPLE_CONTENT_TYPES.includes(contentType);
}

/**
 * Takes the points a stored answer cost beyond the request's one (see cost-points.plugin.ts) from the caller's budget;
 * false when they are not left (then Apollo refuses the request with its own message).
 */
async function paid(res: Response, limiter: RateLimiter, points: number): Promise<boolean> {
  const key = scopeOf(res)?.rateLimitKey;
  const extra = extraPoints(points, limiter);
  if (!key || extra <= 0) return true;
  const result = await limiter.consume(key, extra);
  if (!result.allowed) return false;
  res.setHeader("RateLimit-Remaining", String(result.remaining));
  res.setHeader("RateLimit-Reset", String(result.resetSeconds));
  return true;
}

function serve(res: Response, stored: StoredAnswer): void {
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  res.setHeader("Age", String(Math.max(0, Math.floor((Date.now() - stored.storedAt) / 1000))));
  // With the stored ETag set, express answers a matching If-None-Match with 304 and does not hash the body again.
  res.send(stored.body);
}

/** Stores the answer Apollo sends for this request, if it may be kept (status 200, a public max-age). */
function keepWhenSent(res: Response, answers: ResponseStore, key: string): void {
  const send = res.send;
  res.send = function (this: Response, body?: unknown) {
    res.send = send;
    const sent = send.call(this, body);
    const maxAge = publicMaxAge(res);
    if (res.statusCode === 200 && maxAge > 0 && typeof body === "string") {
      const stored: StoredAnswer = {
        headers: keptHeaders(res),
        storedAt: Date.now(),
        points: scopeOf(res)?.costPoints ?? 1,
        body,
      };
      void answers.cache.set(key, serialize(stored), { ttl: maxAge }).catch(() => undefined);
    }
    return sent;
  } as Response["send"];
}

/** The max-age of a response's public `Cache-Control`, 0 when it has none (private, no-store, or no header). */
function publicMaxAge(res: Response): number {
  const header = String(res.getHeader("cache-control") ?? "");
  const maxAge = /(?:^|,)\s*max-age=(\d+)\s*(?:,|$)/.exec(header);
  return maxAge && /(?:^|,)\s*public\s*(?:,|$)/.test(header) ? Number(maxAge[1]) : 0;
}

function keptHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/** A stored answer as the store keeps it: a line of JSON with all but the body, then the body as sent. */
function serialize({ body, ...rest }: StoredAnswer): string {
  return `${JSON.stringify(rest)}\n${body}`;
}

/** A stored answer read back; undefined for none, or for an entry this code did not write (another version's). */
function parseStored(entry: string | undefined): StoredAnswer | undefined {
  if (entry === undefined) return undefined;
  const newline = entry.indexOf("\n");
  if (newline < 0) return undefined;
  try {
    const rest = JSON.parse(entry.slice(0, newline)) as Omit<StoredAnswer, "body">;
    if (typeof rest.storedAt !== "number" || typeof rest.headers !== "object") return undefined;
    return { ...rest, points: Number(rest.points) || 1, body: entry.slice(newline + 1) };
  } catch {
    return undefined;
  }
}
