import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import type { MikroORM } from "@mikro-orm/postgresql";
import cors from "cors";
import express, { type RequestHandler } from "express";
import type { HubContext } from "../../schema/common/context.js";
import { type Authenticator, verifiedToken, viewerOf } from "../auth/authenticate.js";
import type { Logger } from "../logger.js";
import { RATE_LIMIT_RESPONSE_HEADERS, rateLimitMiddleware } from "../rate-limit/rate-limit.middleware.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import type { SearchEngine } from "../../schema/search/search-engine.port.js";
import { BODY_LIMIT } from "./errors.middleware.js";
import { requestContext } from "./request-context.js";
import { scopeOf } from "../request-scope.js";

/**
 * Request headers browsers may send cross-origin; the Apollo ones satisfy its CSRF prevention on GET.
 * `Authorization` is not among them: a page on another site cannot write with a token it got hold of.
 */
const GRAPHQL_REQUEST_HEADERS = ["content-type", "apollo-require-preflight", "x-apollo-operation-name"];

/** What the `/graphql` route is made of. */
export interface GraphqlRouteOptions {
  apollo: ApolloServer<HubContext>;
  orm: MikroORM;
  logger: Logger;
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  search: SearchEngine;
  /** The response cache: answers a repeated anonymous GET before Apollo is asked (server/response-cache/). */
  storedAnswers: RequestHandler;
}

/**
 * Leaves express's ETag (a SHA-1 of the whole answer, which its `res.send` works out for every answer) off POST
 * answers, which nothing revalidates: a millisecond of CPU for the 450 KB of a hundred cities' nested read (issue 18).
 * GET answers (cached, anonymous) keep it. The answer sees the app through a view whose only difference is the
 * setting `etag fn`; express reads its settings through `res.app`.
 */
const withoutEtagForPost: RequestHandler = (req, res, next) => {
  if (req.method === "POST") res.app = withoutEtag(req.app);
  next();
};

const etaglessViews = new WeakMap<express.Application, express.Application>();

function withoutEtag(app: express.Application): express.Application {
  let view = etaglessViews.get(app);
  if (!view) {
    const settings = Object.create(app.settings as object, { "etag fn": { value: undefined } }) as object;
    view = Object.create(app, { settings: { value: settings } }) as express.Application;
    etaglessViews.set(app, view);
  }
  return view;
}

/**
 * The middleware chain of `/graphql`, in this order: CORS (any origin may read, never
 * with credentials; preflights end here and cost nothing), the token cache, the rate
 * limiter (a known token spends its own budget, anything else its address's, before
 * the database is asked), token verification (401 for bad tokens), the response cache
 * (a repeated anonymous GET answered with stored bytes), the JSON body parser (refused
 * requests are never parsed), and Apollo with one typed context per request.
 */
export function graphqlRoute({
  apollo,
  orm,
  logger,
  authenticator,
  rateLimiter,
  search,
  storedAnswers,
}: GraphqlRouteOptions): RequestHandler[] {
  return [
    cors({
      origin: "*",
      methods: ["GET", "POST"],
      allowedHeaders: GRAPHQL_REQUEST_HEADERS,
      exposedHeaders: RATE_LIMIT_RESPONSE_HEADERS,
      maxAge: 600,
    }),
    authenticator.recall,
    rateLimitMiddleware(rateLimiter, logger, verifiedToken),
    authenticator.verify,
    storedAnswers,
    express.json({ limit: BODY_LIMIT }),
    withoutEtagForPost,
    expressMiddleware(apollo, {
      context: async ({ res }) => requestContext({ orm, logger, search }, viewerOf(res), scopeOf(res)),
    }),
  ];
}
