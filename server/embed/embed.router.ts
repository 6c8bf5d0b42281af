import { randomUUID } from "node:crypto";
import type { MikroORM } from "@mikro-orm/postgresql";
import express, { type ErrorRequestHandler, type Request, type Response } from "express";
import { isDatabaseUnavailable } from "../errors.js";
import type { Logger } from "../logger.js";
import { requestScope } from "../request-scope.js";
import { renderCard, renderCardMessage } from "./card.html.js";
import { parseCardParams } from "./card-params.js";
import { renderEmbedDocument } from "./embed-page.html.js";
import { matchesIfNoneMatch, strongEtag } from "./http-cache.js";
import { CARD_LABELS } from "./labels.js";
import { EMBED_CACHE_SECONDS, oembedResponse, parseOEmbedRequest } from "./oembed.js";
import { renderProjectErrorPage, renderProjectNotFoundPage, renderProjectPage } from "./project-page.html.js";
import { loadCardView, loadProjectPageView } from "./project-view.js";
import { EMBED_ASSETS, readEmbedAsset } from "./static-assets.js";
import { hubOrigin } from "../http/hub-origin.js";

/** What the embed routes need from the hub. */
export interface EmbedRouterOptions {
  orm: MikroORM;
  logger: Logger;
  /** The hub's public origin (PUBLIC_URL); null derives it from each request's Host. */
  publicUrl: string | null;
}

const HTML = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const CACHE_OK = `public, max-age=${EMBED_CACHE_SECONDS}`;
/** Unknown projects may be published soon; caches should ask again after a minute. */
const CACHE_NOT_FOUND = "public, max-age=60";
const NO_STORE = "no-store";
/** The paths this router answers; its error handler leaves all others to the hub. */
const EMBED_PATHS = /^\/(?:embed|projects|oembed)(?:\/|$)/;

/** Shared by both HTML routes: nothing but the hub's own stylesheets, no script, no forms, no <base>. */
const DOCUMENT_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
/** The iframe card: embedding it anywhere is the point. */
const EMBED_CSP = `${DOCUMENT_POLICY}; frame-ancestors *`;
const PAGE_CSP = `${DOCUMENT_POLICY}; frame-ancestors 'self'`;

/** Sends a body with a strong ETag, or a bodiless 304 when the client already has it. */
function sendWithEtag(req: Request, res: Response, status: number, body: string | Buffer): void {
  const etag = strongEtag(body);
  res.setHeader("ETag", etag);
  if (status === 200 && matchesIfNoneMatch(req.get("if-none-match"), etag)) {
    res.status(304).end();
    return;
  }
  res.status(status).send(body);
}

function setCommonHeaders(res: Response, contentType: string, cacheControl: string): void {
  res.setHeader("Content-Type", contentType);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("X-Content-Type-Options", "nosniff");
}

/**
 * The embed routes of issue 6: the iframe card (`/embed/projects/:slug`), the
 * public project page (`/projects/:slug`), oEmbed (`/oembed`) and the card's
 * static assets (`/embed/card.css`, `/embed/card.js`, `/embed/page.css`).
 * Every response is public data; none reads or sets cookies.
 */
export function createEmbedRouter({ orm, logger, publicUrl }: EmbedRouterOptions): express.Router {
  const router = express.Router();
  const originOf = (req: Request) => hubOrigin(req, publicUrl);
  const logFailure = (error: unknown, what: string) => {
    const requestId = requestScope.getStore()?.requestId ?? randomUUID();
    logger.error({ err: error, requestId }, what);
  };
  const badHost = (res: Response) => {
    setCommonHeaders(res, "text/plain; charset=utf-8", NO_STORE);
    res.status(400).send("Bad request: the Host header is not a valid host name.");
  };

  for (const name of Object.keys(EMBED_ASSETS)) {
    router.get(`/embed/${name}`, async (req, res, next) => {
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
        sendWithEtag(req, res, 200, asset.body);
      } catch (error) {
      // Answered by the hub's error handler: 503 DATABASE_UNAVAILABLE, logged once per outage.
      if (isDatabaseUnavailable(error)) return next(error);
        logFailure(error, "embed asset failed");
        setCommonHeaders(res, "text/plain; charset=utf-8", NO_STORE);
        res.status(500).send("Internal server error.");
      }
    });
  }

  router.get("/embed/projects/:slug", async (req, res, next) => {
    const origin = originOf(req);
    if (!origin) return badHost(res);
    const query = req.query as Record<string, unknown>;
    const card = parseCardParams((name) => query[name]);
    const options = { ...card, hubOrigin: origin, newTab: true };
    res.setHeader("Content-Security-Policy", EMBED_CSP);
    // Lets pages that require CORP for their subresources (COEP) frame the card too.
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    try {
      const view = await loadCardView(orm.em.fork(), req.params.slug);
      if (!view) {
        setCommonHeaders(res, HTML, CACHE_NOT_FOUND);
        const html = renderCardMessage("not-published", options);
        sendWithEtag(req, res, 404, renderEmbedDocument(html, { lang: card.lang, title: CARD_LABELS[card.lang].frameTitle }));
        return;
      }
      setCommonHeaders(res, HTML, CACHE_OK);
      const title = `${CARD_LABELS[card.lang].frameTitle}: ${view.title}`;
      sendWithEtag(req, res, 200, renderEmbedDocument(renderCard(view, options), { lang: card.lang, title }));
    } catch (error) {
      // Answered by the hub's error handler: 503 DATABASE_UNAVAILABLE, logged once per outage.
      if (isDatabaseUnavailable(error)) return next(error);
      logFailure(error, "embed card failed");
      setCommonHeaders(res, HTML, NO_STORE);
      const html = renderCardMessage("unavailable", { ...options, slug: req.params.slug });
      res.status(500).send(renderEmbedDocument(html, { lang: card.lang, title: CARD_LABELS[card.lang].frameTitle }));
    }
  });

  router.get("/projects/:slug", async (req, res, next) => {
    const origin = originOf(req);
    if (!origin) return badHost(res);
    res.setHeader("Content-Security-Policy", PAGE_CSP);
    try {
      const view = await loadProjectPageView(orm.em.fork(), req.params.slug);
      if (!view) {
        setCommonHeaders(res, HTML, CACHE_NOT_FOUND);
        res.status(404).send(renderProjectNotFoundPage());
        return;
      }
      setCommonHeaders(res, HTML, CACHE_OK);
      sendWithEtag(req, res, 200, renderProjectPage(view, origin));
    } catch (error) {
      // Answered by the hub's error handler: 503 DATABASE_UNAVAILABLE, logged once per outage.
      if (isDatabaseUnavailable(error)) return next(error);
      logFailure(error, "project page failed");
      setCommonHeaders(res, HTML, NO_STORE);
      res.status(500).send(renderProjectErrorPage());
    }
  });

  router.get("/oembed", async (req, res, next) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    const origin = originOf(req);
    if (!origin) return badHost(res);
    const fail = (status: number, message: string) => {
      setCommonHeaders(res, JSON_TYPE, status === 404 ? CACHE_NOT_FOUND : NO_STORE);
      res.status(status).json({ error: message });
    };
    try {
      const request = parseOEmbedRequest(req.query as Record<string, unknown>, origin);
      if ("status" in request) return fail(request.status, request.message);
      const view = await loadCardView(orm.em.fork(), request.slug);
      if (!view) return fail(404, "No project is published at this url");
      setCommonHeaders(res, JSON_TYPE, CACHE_OK);
      sendWithEtag(req, res, 200, JSON.stringify(oembedResponse(view, request, origin)));
    } catch (error) {
      // Answered by the hub's error handler: 503 DATABASE_UNAVAILABLE, logged once per outage.
      if (isDatabaseUnavailable(error)) return next(error);
      logFailure(error, "oEmbed failed");
      fail(500, "Internal server error");
    }
  });

  // Errors raised before a handler runs, e.g. a path parameter that is not valid
  // percent-encoding (URIError, status 400), end here rather than in the GraphQL error format.
  const onError: ErrorRequestHandler = (error, req, res, next) => {
    // Errors of the hub's routes before this router pass by untouched.
    if (res.headersSent || !EMBED_PATHS.test(req.path) || isDatabaseUnavailable(error)) return next(error);
    const status = error?.status === 400 ? 400 : 500;
    if (status === 500) logFailure(error, "embed route failed");
    setCommonHeaders(res, "text/plain; charset=utf-8", NO_STORE);
    res.status(status).send(status === 400 ? "Bad request." : "Internal server error.");
  };
  router.use(onError);
  return router;
}
