import { fileURLToPath } from "node:url";
import express, { type RequestHandler } from "express";
import type { VNode } from "preact";
import { createPageCache } from "../embed/page-cache.js";
import { sendWithEtag } from "../embed/http-cache.js";
import { readStaticFile } from "../embed/static-assets.js";
import type { Logger } from "../logger.js";
import { rateLimitMiddleware } from "../rate-limit/rate-limit.middleware.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import { hubOrigin } from "../http/hub-origin.js";
import { languageOf, pageElement, siteLanguage } from "./i18n/site-language.js";
import { createSiteInfoRouter, SITE_INFO_ROUTES } from "./info/info.router.js";
import { renderDocument, STYLESHEET_PATH } from "./layout.js";
import {
  CACHE_OK,
  FORM_PARAMETERS,
  formKey,
  type PageRouteContext,
  sendNotFoundPage,
  sendPage,
} from "./page-answer.js";
import { CitiesPage } from "./pages/cities.js";
import { CityPage } from "./pages/city.js";
import { HomePage } from "./pages/home.js";
import { ProjectPage } from "./pages/project.js";
import { ProviderPage } from "./pages/provider.js";
import { ProvidersPage } from "./pages/providers.js";
import { SearchPage } from "./pages/search.js";
import { StrategyPage } from "./pages/strategy.js";
import { TopicPage } from "./pages/topic.js";
import { TopicsPage } from "./pages/topics.js";
import {
  CITIES_QUERY,
  CITY_QUERY,
  type CitiesData,
  type CityData,
  HOME_QUERY,
  type HomeData,
  PROJECT_QUERY,
  type ProjectData,
  PROVIDER_QUERY,
  type ProviderData,
  PROVIDERS_QUERY,
  type ProvidersData,
  STRATEGY_QUERY,
  type StrategyData,
  TOPIC_QUERY,
  type TopicData,
  TOPICS_QUERY,
  type TopicsData,
} from "./queries.js";
import { renderCompare } from "./routes/compare.js";
import { renderLessons } from "./routes/lessons.js";
import { searchOutcome } from "./queries/search.js";
import { type RunSiteQuery, type SiteQueriesFor, SiteQueryError } from "./run-query.js";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../../schema/common/slug.args.js";
import { ErrorCode } from "../../schema/common/errors.js";
import { parseSearchRequest, SEARCH_PATH, searchCacheKey, searchHref } from "./search-params.js";
import type { OperationLimits, SiteConfig } from "../config.js";

/** What the site's routes need from the hub. */
export interface SiteRouterOptions {
  /** Runs the pages' GraphQL documents as an anonymous client, for a request (`createSiteQueryRunner`). */
  run: SiteQueriesFor;
  logger: Logger;
  /** The page routes' request budgets: each page spends a point of its address's budget; the stylesheet is free. */
  rateLimiter: RateLimiter;
  /** How long rendered pages are kept in memory (PAGE_CACHE_SECONDS); 0 keeps none. */
  cacheSeconds: number;
  /** The hub's public origin (PUBLIC_URL); null derives it from each request's Host, if trusted (see `hubOrigin`). */
  publicUrl: string | null;
  /** The operator's part: licence and legal texts. */
  site: SiteConfig;
  /** The API's limits, which `/api` states. */
  api: SiteApiFacts;
}

/** What the API page tells about the hub's limits, from the configuration in force. */
export interface SiteApiFacts {
  limits: OperationLimits;
  maxResponseNodes: number;
  rateLimit: { points: number; durationSeconds: number };
  rateLimitCostPerPoint: number;
}

const STYLESHEET_FILE = fileURLToPath(new URL("./assets/site.css", import.meta.url));

/**
 * A page's answer: a rendered document, or null when the record (or list page) does not exist.
 * `origin` is the hub's public origin for the pages of `PAGES_WITH_ORIGIN`, null for the others.
 */
type Render = (
  params: Record<string, string>,
  query: Record<string, unknown>,
  origin: string | null,
) => Promise<VNode | null>;

/** The pages that show absolute links to the hub (the project page's embed snippets): their answer depends on the origin. */
const PAGES_WITH_ORIGIN = new Set(["/projekte/:slug"]);

/** `?nach=` of a list page: the cursor of the page before, when it is a plausible one. */
function cursorOf(query: Record<string, unknown>): string | null {
  const after = query.nach;
  return typeof after === "string" && after.length > 0 && after.length <= 200 ? after : null;
}

function nextHref(path: string, pageInfo: { hasNextPage: boolean; endCursor: string | null }): string | null {
  return pageInfo.hasNextPage && pageInfo.endCursor ? `${path}?nach=${encodeURIComponent(pageInfo.endCursor)}` : null;
}

/**
 * A page's own address without `lang`: its route with its (encoded) slug, plus what of the query it reads
 * (the cursor, a form's parameters; the cleaned search). The page cache keys on the same, so a cached page's links fit every request for it.
 */
function pageAddress(route: string, params: Record<string, string>, query: Record<string, unknown>): string {
  if (route === SEARCH_PATH) {
    const request = parseSearchRequest(query);
    return searchHref(request.query, request.filters, request.after);
  }
  const path = route.replace(/:(slug|key)/, (_match, name: string) => encodeURIComponent(params[name] ?? ""));
  const search = new URLSearchParams();
  const after = cursorOf(query);
  if (after) search.append("nach", after);
  for (const name of FORM_PARAMETERS) {
    const value = query[name];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === "string") search.append(name, item);
  }
  return search.size > 0 ? `${path}?${search}` : path;
}

/** The pages, by route: each runs its GraphQL document and renders its template. */
function pages(run: RunSiteQuery): Record<string, Render> {
  return {
    "/": async () => pageElement(HomePage, { data: await run<HomeData>(HOME_QUERY) }),
    "/kommunen": async (_params, query) => {
      const data = await run<CitiesData>(CITIES_QUERY, { after: cursorOf(query) });
      return pageElement(CitiesPage, { data, nextHref: nextHref("/kommunen", data.municipalities.pageInfo) });
    },
    "/kommunen/:slug": async ({ slug }) => {
      const { municipality, workingGroups } = await run<CityData>(CITY_QUERY, { slug });
      return municipality && pageElement(CityPage, { city: municipality, workingGroups: workingGroups.nodes });
    },
    "/projekte/:slug": async ({ slug }, _query, origin) => {
      const { project } = await run<ProjectData>(PROJECT_QUERY, { slug });
      return project && pageElement(ProjectPage, { project, origin });
    },
    "/strategien/:slug": async ({ slug }) => {
      const { strategy } = await run<StrategyData>(STRATEGY_QUERY, { slug });
      return strategy && pageElement(StrategyPage, { strategy });
    },
    "/anbieter": async (_params, query) => {
      const data = await run<ProvidersData>(PROVIDERS_QUERY, { after: cursorOf(query) });
      return pageElement(ProvidersPage, { data, nextHref: nextHref("/anbieter", data.providers.pageInfo) });
    },
    "/anbieter/:slug": async ({ slug }) => {
      const { provider, projects } = await run<ProviderData>(PROVIDER_QUERY, { slug });
      return provider && pageElement(ProviderPage, { provider, projects });
    },
    "/themen": async () => pageElement(TopicsPage, { data: await run<TopicsData>(TOPICS_QUERY) }),
    "/themen/:key": async ({ key }) => {
      const data = await topicPageData(run, key);
      return data?.topic ? pageElement(TopicPage, { topic: data.topic, projects: data.projects }) : null;
    },
    "/vergleich": (_params, query) => renderCompare(run, query),
    "/erfahrungen": (_params, query) => renderLessons(run, query),
    [SEARCH_PATH]: async (_params, query) => {
      const request = parseSearchRequest(query);
      return pageElement(SearchPage, { request, ...(await searchOutcome(run, request)) });
    },
  };
}

/**
 * The topic page's data, or null for what names no topic: a text of another form than a key, or a key no topic has,
 * which the projects' filter refuses (the page's 404 either way, not the API's refusal of the argument).
 */
async function topicPageData(run: RunSiteQuery, key: string): Promise<TopicData | null> {
  if (key.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(key)) return null;
  try {
    return await run<TopicData>(TOPIC_QUERY, { key });
  } catch (error) {
    if (error instanceof SiteQueryError && error.code === ErrorCode.BAD_USER_INPUT) return null;
    throw error;
  }
}

/** The page routes the site serves (Express patterns such as `/kommunen/:slug`), e.g. for `bench:pages`' table of sample pages. */
export const SITE_ROUTES: readonly string[] = [
  ...Object.keys(pages(() => Promise.reject(new Error("only the routes are read")))),
  ...SITE_INFO_ROUTES,
];

/**
 * The hub's own German website (issue 13): server-rendered pages for people who
 * do not write GraphQL. Each page is one more anonymous client of the GraphQL API
 * (see `createSiteQueryRunner`), rendered through preact templates that escape
 * every value, kept rendered for a while like the embed pages, and answered with
 * a strong ETag (304 when unchanged), a short public max-age, `Content-Language: de`
 * and a CSP that allows nothing but the hub itself. No page reads or sets cookies.
 */
export function createSiteRouter({
  run,
  logger,
  rateLimiter,
  cacheSeconds,
  publicUrl,
  site,
  api,
}: SiteRouterOptions): express.Router {
  const router = express.Router();
  const limited = rateLimitMiddleware(rateLimiter, logger, () => null);
  const cache = createPageCache(cacheSeconds);
  const context: PageRouteContext = { cache, logger, site };

  router.get(STYLESHEET_PATH, async (req, res, next) => {
    try {
      const css = await readStaticFile(STYLESHEET_FILE);
      if (!css) throw new Error(`the site's stylesheet is missing: ${STYLESHEET_FILE}`);
      res.setHeader("Content-Type", "text/css; charset=utf-8");
      res.setHeader("Cache-Control", CACHE_OK);
      res.setHeader("X-Content-Type-Options", "nosniff");
      sendWithEtag(req, res, css);
    } catch (error) {
      next(error);
    }
  });

  for (const route of Object.keys(pages(run()))) {
    router.get(route, limited, async (req, res) => {
      const params = req.params as Record<string, string>;
      const query = req.query as Record<string, unknown>;
      // Only the parameters a page reads make it a different page; `?utm=…` shares the cached one.
      const slug =
        route === SEARCH_PATH
          ? searchCacheKey(query)
          : `${route} ${params.slug ?? params.key ?? ""} ${cursorOf(query) ?? ""} ${formKey(query)}`;
      // Without PUBLIC_URL the origin comes from a trusted Host (else null: no absolute links), so it is part of the key.
      const origin = PAGES_WITH_ORIGIN.has(route) ? hubOrigin(req, publicUrl) : null;
      // `?lang=en` is the same page with English labels; its links and its language switch are built from `here`.
      const language = siteLanguage(languageOf(query), pageAddress(route, params, query));
      await sendPage(req, res, { ...context, language }, { slug, variant: [origin ?? ""] }, async () => {
        // The page's documents run for this request: its id in their logs, its caller's budget pays their cost.
        const page = await pages(run(res))[route](params, query, origin);
        return page && renderDocument(page, site, language);
      });
    });
  }
  router.use(createSiteInfoRouter({ run, limited, context, api, publicUrl }));
  router.use(htmlNotFound(site));
  return router;
}

/**
 * Answers a GET for a path nothing serves with the site's HTML 404 when the client
 * asks for HTML (a browser); API clients fall through to the hub's JSON 404.
 */
export function htmlNotFound(site: SiteConfig): RequestHandler {
  return (req, res, next) => {
    if ((req.method === "GET" || req.method === "HEAD") && (req.get("accept") ?? "").includes("text/html")) {
      return sendNotFoundPage(res, site, siteLanguage(languageOf(req.query as Record<string, unknown>), req.path));
    }
    next();
  };
}
