import type { MikroORM } from "@mikro-orm/postgresql";
import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from "express";
import { isDatabaseUnavailable } from "../errors.js";
import type { Logger } from "../logger.js";
import { requestIdOf } from "../request-scope.js";
import { parseCardParams } from "./card-params.js";
import { renderCardDocument, renderMessageDocument } from "./embed-page.html.js";
import { sendWithEtag, strongEtag } from "./http-cache.js";
import { createPageCache, type PageCache, type RenderedAnswer } from "./page-cache.js";
import { EMBED_CACHE_SECONDS, frameSize, oembedResponse, parseOEmbedRequest } from "./oembed.js";
import { loadCardView } from "./project-view.js";
import { EMBED_ASSETS, readEmbedAsset } from "./static-assets.js";
import { hubOrigin } from "../http/hub-origin.js";
import { rateLimitMiddleware } from "../rate-limit/rate-limit.middleware.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";

/** What the embed routes need from the hub. */
export interface EmbedRouterOptions {
  orm: MikroORM;
  logger: Logger;
  /** The hub's public origin (PUBLIC_URL); null derives it from each request's Host, if trusted (see `hubOrigin`). */
  publicUrl: string | null;
  /** The request budgets of GraphQL: a card, page or oEmbed request spends a point of its address's budget. */
  rateLimiter: RateLimiter;
  /** How long rendered answers are kept in memory (PAGE_CACHE_SECONDS); 0 keeps none. */
  cacheSeconds: number;
}

const HTML = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const CACHE_OK = `public, max-age=${EMBED_CACHE_SECONDS}`;
/** Unknown projects may be published soon; caches should ask again after a minute. */
const CACHE_NOT_FOUND = "public, max-age=60";
const NO_STORE = "no-store";
/** The old project addresses moved for good; a day is long enough to notice a mistake. */
const CACHE_REDIRECT = "public, max-age=86400";
/** The paths this router answers; its error handler leaves all others to the hub. */
const EMBED_PATHS = /^\/(?:embed|projects|oembed)(?:\/|$)/;

/**
 * The iframe card: nothing but the hub's own stylesheets and its resize script, no forms, no <base>;
 * embedding it anywhere is the point.
 */
const EMBED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

function setCommonHeaders(res: Response, contentType: string, cacheControl: string): void {
  res.setHeader("Content-Type", contentType);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("X-Content-Type-Options", "nosniff");
}
/** What the embed handlers share: the database, the page cache, and how to answer a bad Host or a failure. */
interface EmbedRoutes {
  orm: MikroORM;
  cache: PageCache;
  /** The hub's origin for links, or null when the request's Host is not trusted. */
  originOf: (req: Request) => string | null;
  badHost: (req: Request, res: Response) => void;
  logFailure: (error: unknown, what: string, res: Response) => void;
}

/** Answers a request whose Host is not the hub's with 400; logs the first such refusal when there is no PUBLIC_URL. */
function createBadHost(logger: Logger, publicUrl: string | null): EmbedRoutes["badHost"] {
  let refusedHostLogged = false;
  // Links are never built from a Host that is not the hub's: a forged one would end up in publicly cached answers.
  return (req, res) => {
    if (!refusedHostLogged && !publicUrl) {
      refusedHostLogged = true;
      logger.warn(
        { host: req.get("host")?.slice(0, 200) },
        "refused a page request whose Host is neither loopback nor in ALLOWED_HOSTS; if it is the hub's real address, set PUBLIC_URL or ALLOWED_HOSTS (logged once)",
      );
    }
    setCommonHeaders(res, "text/plain; charset=utf-8", NO_STORE);
    res
      .status(400)
      .send(
        "Bad request: the Host header does not name this hub. Links are built only for PUBLIC_URL, loopback hosts and ALLOWED_HOSTS.",
      );
  };
}

/** Sends a cached answer: 304 when the client already has it, before any other work. */
function sendRendered(req: Request, res: Response, contentType: string, answer: RenderedAnswer): void {
  setCommonHeaders(res, contentType, CACHE_OK);
  sendWithEtag(req, res, answer);
}

/** Serves one static asset of the card (`/embed/<name>`), free of rate-limit points. */
function assetHandler(name: string, { logFailure }: EmbedRoutes): RequestHandler {
  return async (req, res, next) => {
    // Module scripts and stylesheets fetched by other sites' pages are CORS requests.
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    try {
      const asset = await readEmbedAsset(name);
      if (!asset) {
        setCommonHeaders(res, "text/plain; charset=utf-8", CACHE_NOT_FOUND);
        res.status(404).send("Not found.");
        return;
      }
      setCommonHeaders(res, asset.contentType, CACHE_OK);
      sendWithEtag(req, res, asset);
    } catch (error) {
      // Answered by the hub's error handler: 503 DATABASE_UNAVAILABLE, logged once per outage.
      if (isDatabaseUnavailable(error)) return next(error);
      logFailure(error, "embed asset failed", res);
      setCommonHeaders(res, "text/plain; charset=utf-8", NO_STORE);
      res.status(500).send("Internal server error.");
    }
  };
}

/** Serves the iframe card of a published project (`/embed/projects/:slug`). */
function cardHandler({ orm, cache, originOf, badHost, logFailure }: EmbedRoutes) {
  return async (req: Request<{ slug: string }>, res: Response, next: NextFunction) => {
    const origin = originOf(req);
    if (!origin) return badHost(req, res);
    const query = req.query as Record<string, unknown>;
    const card = parseCardParams((name) => query[name]);
    const options = { ...card, hubOrigin: origin, newTab: true };
    res.setHeader("Content-Security-Policy", EMBED_CSP);
    // Lets pages that require CORP for their subresources (COEP) frame the card too.
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    try {
      const slug = req.params.slug;
      const answer = await cache.answer(
        { slug, variant: ["card", origin, card.lang, card.theme, card.compact] },
        async () => {
          const view = await loadCardView(orm.em.fork(), slug);
          return view && renderCardDocument(view, options);
        },
      );
      if (!answer) {
        setCommonHeaders(res, HTML, CACHE_NOT_FOUND);
        const body = renderMessageDocument("not-published", options);
        sendWithEtag(req, res, { body, etag: strongEtag(body) }, 404);
        return;
      }
      sendRendered(req, res, HTML, answer);
    } catch (error) {
      // Answered by the hub's error handler: 503 DATABASE_UNAVAILABLE, logged once per outage.
      if (isDatabaseUnavailable(error)) return next(error);
      logFailure(error, "embed card failed", res);
      setCommonHeaders(res, HTML, NO_STORE);
      res.status(500).send(renderMessageDocument("unavailable", { ...options, slug: req.params.slug }));
    }
  };
}

/**
 * Sends the old project page (`/projects/:slug`) on to the site's (`/projekte/:slug`): a permanent
 * redirect, so that links in cards already embedded and in search engines keep working.
 */
const projectPageRedirect: RequestHandler<{ slug: string }> = (req, res) => {
  setCommonHeaders(res, "text/plain; charset=utf-8", CACHE_REDIRECT);
  res.redirect(301, `/projekte/${encodeURIComponent(req.params.slug)}`);
};

/** Answers oEmbed requests for a project's card (`/oembed?url=…`). */
function oembedHandler({ orm, cache, originOf, badHost, logFailure }: EmbedRoutes): RequestHandler {
  return async (req, res, next) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    const origin = originOf(req);
    if (!origin) return badHost(req, res);
    const fail = (status: number, message: string, cacheControl = NO_STORE) => {
      setCommonHeaders(res, JSON_TYPE, cacheControl);
      res.status(status).json({ error: message });
    };
    try {
      // A refusal here depends on the Host the url is compared with: not worth keeping anywhere.
      const request = parseOEmbedRequest(req.query as Record<string, unknown>, origin);
      if ("status" in request) return fail(request.status, request.message);
      const { card } = request;
      const { width, height } = frameSize(request);
      const key = {
        slug: request.slug,
        variant: ["oembed", origin, card.lang, card.theme, card.compact, width, height],
      };
      const answer = await cache.answer(key, async () => {
        const view = await loadCardView(orm.em.fork(), request.slug);
        return view && JSON.stringify(oembedResponse(view, request, origin));
      });
      if (!answer) return fail(404, "No project is published at this url", CACHE_NOT_FOUND);
      sendRendered(req, res, JSON_TYPE, answer);
    } catch (error) {
      // Answered by the hub's error handler: 503 DATABASE_UNAVAILABLE, logged once per outage.
      if (isDatabaseUnavailable(error)) return next(error);
      logFailure(error, "oEmbed failed", res);
      fail(500, "Internal server error");
    }
  };
}

/**
 * Ends errors raised before an embed handler runs, e.g. a path parameter that is not
 * valid percent-encoding (URIError, status 400), rather than in the GraphQL error format.
 */
function embedErrorHandler({ logFailure }: EmbedRoutes): ErrorRequestHandler {
  return (error, req, res, next) => {
    // Errors of the hub's routes before this router pass by untouched.
    if (res.headersSent || !EMBED_PATHS.test(req.path) || isDatabaseUnavailable(error)) return next(error);
    const status = error?.status === 400 ? 400 : 500;
    if (status === 500) logFailure(error, "embed route failed", res);
    setCommonHeaders(res, "text/plain; charset=utf-8", NO_STORE);
    res.status(status).send(status === 400 ? "Bad request." : "Internal server error.");
  };
}

/**
 * The embed routes of issue 6: the iframe card (`/embed/projects/:slug`), oEmbed
 * (`/oembed`), the card's static assets (`/embed/card.css`, `/embed/card.js`,
 * `/embed/page.css`, `/embed/frame.js`) and the redirect of the old project page
 * (`/projects/:slug`) to the site's. Every response is public data; none reads or
 * sets cookies. Cards and oEmbed answers spend rate-limit points like GraphQL requests, and are kept
 * rendered for a while (see `createPageCache`), so that a repeated or conditional
 * request costs no statement; the static assets are free.
 */
export function createEmbedRouter({
  orm,
  logger,
  publicUrl,
  rateLimiter,
  cacheSeconds,
}: EmbedRouterOptions): express.Router {
  const routes: EmbedRoutes = {
    orm,
    cache: createPageCache(cacheSeconds),
    originOf: (req) => hubOrigin(req, publicUrl),
    badHost: createBadHost(logger, publicUrl),
    logFailure: (error, what, res) => {
      logger.error({ err: error, requestId: requestIdOf(res) }, what);
    },
  };
  const router = express.Router();
  const limited = rateLimitMiddleware(rateLimiter, logger, () => null);
  for (const name of Object.keys(EMBED_ASSETS)) router.get(`/embed/${name}`, assetHandler(name, routes));
  router.get("/embed/projects/:slug", limited, cardHandler(routes));
  router.get("/projects/:slug", projectPageRedirect);
  router.get("/oembed", limited, oembedHandler(routes));
  router.use(embedErrorHandler(routes));
  return router;
}
