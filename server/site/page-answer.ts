/**
 * How every page of the site answers: its headers, the rendered-page cache with
 * ETag/304, the HTML 404, and the error pages when the data cannot be read.
 */

import type { Request, Response } from "express";
import type { VNode } from "preact";
import { sendWithEtag } from "../embed/http-cache.js";
import type { PageCache, PageKey } from "../embed/page-cache.js";
import type { SiteConfig } from "../config.js";
import { DATABASE_RETRY_AFTER_SECONDS } from "../errors.js";
import type { Logger } from "../logger.js";
import type { SiteLanguage } from "./i18n/messages.js";
import { localHref, pageElement, type SiteLanguageContext, siteLanguage } from "./i18n/site-language.js";
import { renderDocument } from "./layout.js";
import { ErrorPage, NotFoundPage } from "./pages/not-found.js";
import { SiteQueryError } from "./run-query.js";

/** The content type of every HTML page. */
export const HTML = "text/html; charset=utf-8";
/** The cache header of every answered page. */
export const CACHE_OK = "public, max-age=60";
const NO_STORE = "no-store";
/** Pages load nothing but the hub's own stylesheet; no inline script or style, no plugins, forms only to the hub. */
const SITE_CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'self'";

/**
 * Thrown by a page's render when its query parameters cannot be used (an unknown
 * city, too many, a parameter given twice): the site router answers 400 with `page`,
 * which shows the form again with a message saying what to change.
 */
export class BadPageInput extends Error {
  constructor(readonly page: VNode) {
    super("the page's query parameters cannot be used");
    this.name = "BadPageInput";
  }
}

/** Thrown by a page's render to send the browser on to the page's canonical address (303), e.g. after a GET form. */
export class PageRedirect extends Error {
  constructor(readonly location: string) {
    super(`see ${location}`);
    this.name = "PageRedirect";
  }
}

/** The query parameters of the site's forms (`/vergleich`, `/erfahrungen`): a page differs by them. */
export const FORM_PARAMETERS = ["kommunen", "themen", "kommune", "thema", "art", "stichtage"] as const;

/** The part of a page's cache key its form parameters make, as they were given; "" without any. */
export function formKey(query: Record<string, unknown>): string {
  const given = FORM_PARAMETERS.filter((name) => query[name] !== undefined);
  return given.length ? JSON.stringify(given.map((name) => [name, query[name]])) : "";
}

/** The headers of every page: HTML, cache, language, CSP. */
export function setPageHeaders(res: Response, cacheControl: string, lang: SiteLanguage = "de"): void {
  res.setHeader("Content-Type", HTML);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("Content-Language", lang);
  res.setHeader("Content-Security-Policy", SITE_CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
}

/** The HTML 404 in the site's layout, in the request's language (German by default). */
export function sendNotFoundPage(
  res: Response,
  settings?: SiteConfig,
  language: SiteLanguageContext = siteLanguage("de", "/"),
): void {
  setPageHeaders(res, CACHE_OK, language.lang);
  res.status(404).send(renderDocument(pageElement(NotFoundPage, {}), settings, language));
}

/** What a page route shares with the others: the rendered-page cache, the logger and the operator's settings. */
export interface PageRouteContext {
  cache: PageCache;
  logger: Logger;
  site: SiteConfig;
  /** The language of this request's page (`?lang=`); absent for German-only answers (the Atom feed, the schema file). */
  language?: SiteLanguageContext;
}

/** Renders a page's body; null when there is nothing at this address. */
export type Produce = () => Promise<string | null>;

/**
 * Answers a page request: the body `produce` renders, kept in the cache under `key`
 * (only what makes it a different page: path, parameters, origin), with ETag/304; the HTML 404 for null or a
 * bad argument; 303 for a `PageRedirect`, 400 with the page of a `BadPageInput`; the error page with 429,
 * 503 or 500 when the data cannot be read.
 */
export async function sendPage(
  req: Request,
  res: Response,
  { cache, logger, site, language = siteLanguage("de", req.path) }: PageRouteContext,
  key: string | PageKey,
  produce: Produce,
  type: string = HTML,
): Promise<void> {
  const { lang } = language;
  // `?lang=en` is the same page with English labels: its own cache entry.
  const pageKey =
    typeof key === "string" ? { slug: key, variant: [lang] } : { ...key, variant: [...key.variant, lang] };
  try {
    const answer = await cache.answer(pageKey, async () => {
      try {
        return await produce();
      } catch (error) {
        // An unknown key in a filter (`/themen/nope`, `/anbieter/nope`) or a bad cursor: nothing to show.
        if (error instanceof SiteQueryError && error.code === "BAD_USER_INPUT") return null;
        throw error;
      }
    });
    if (!answer) return sendNotFoundPage(res, site, language);
    setPageHeaders(res, CACHE_OK, lang);
    res.setHeader("Content-Type", type);
    sendWithEtag(req, res, answer);
  } catch (error) {
    if (error instanceof PageRedirect) return res.redirect(303, localHref(error.location, lang));
    if (error instanceof BadPageInput) {
      setPageHeaders(res, CACHE_OK, lang);
      res.status(400).send(renderDocument(error.page, site, language));
      return;
    }
    const code = error instanceof SiteQueryError ? error.code : undefined;
    // A page's query takes rate-limit points by its cost like any API client's; past the budget the page is a 429.
    const status = code === "RATE_LIMITED" ? 429 : code === "DATABASE_UNAVAILABLE" || code === "TIMEOUT" ? 503 : 500;
    // Errors inside an operation were logged (an outage reported once) by the API's formatError; only the rest is news.
    if (!(error instanceof SiteQueryError)) logger.error({ err: error, path: req.path }, "site page failed");
    else if (status === 500) logger.warn({ code, path: req.path, reason: error.message }, "site page failed");
    setPageHeaders(res, NO_STORE, lang);
    if (status === 503) res.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
    if (status === 429) res.setHeader("Retry-After", String((error as SiteQueryError).retryAfterSeconds ?? 60));
    res.status(status).send(renderDocument(pageElement(ErrorPage, { status }), site, language));
  }
}
