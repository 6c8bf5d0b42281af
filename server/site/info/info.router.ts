import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Request, type RequestHandler } from "express";
import { hubOrigin } from "../../http/hub-origin.js";
import { ATOM_TYPE, renderAtom } from "../changes/atom.js";
import { changeView } from "../changes/change-view.js";
import {
  CHANGE_FILTERS_QUERY,
  CHANGES_QUERY,
  type ChangeFiltersData,
  type ChangesData,
} from "../changes/changes.query.js";
import { languageOf, pageElement, siteLanguage } from "../i18n/site-language.js";
import { renderDocument } from "../layout.js";
import { ApiPage, type ClientExample, SCHEMA_PATH } from "../pages/api.js";
import { DataDictionaryPage, DICTIONARY_PATH } from "../pages/data-dictionary.js";
import { dataDictionary } from "../../../schema/common/export/dictionary.js";
import { features } from "../../../schema/features.js";
import { type ChangeFilters, ChangesPage } from "../pages/changes.js";
import { LegalPageView } from "../pages/legal.js";
import type { RunSiteQuery, SiteQueriesFor } from "../run-query.js";
import { type PageRouteContext, sendNotFoundPage, sendPage } from "../page-answer.js";
import type { SiteApiFacts } from "../site.router.js";
import { LEGAL_PAGES } from "./legal-texts.js";

/** What the pages about the hub itself need. */
export interface SiteInfoRouterOptions {
  /** Runs the pages' GraphQL documents for a request (`createSiteQueryRunner`). */
  run: SiteQueriesFor;
  /** The page routes' rate limit (a point per page). */
  limited: RequestHandler;
  context: PageRouteContext;
  api: SiteApiFacts;
  /** The hub's public origin (PUBLIC_URL) for the Atom feed's absolute links; null takes it from a trusted Host. */
  publicUrl: string | null;
}

// The repository root in the sources, `dist/` once built (the build copies the schema and the examples there).
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SCHEMA_FILE = path.join(ROOT, "schema", "schema.graphql");
const EXAMPLES_DIR = path.join(ROOT, "client-examples");

/** The routes this router serves, for the site's list of routes (`SITE_ROUTES`: bench:pages, statements per page). */
export const SITE_INFO_ROUTES: readonly string[] = [
  "/aenderungen",
  "/aenderungen.atom",
  "/api",
  DICTIONARY_PATH,
  SCHEMA_PATH,
  ...LEGAL_PAGES.map((page) => `/${page}`),
];

/** How many changes a page of `/aenderungen` and the Atom feed hold. */
export const CHANGES_PER_PAGE = 30;

/** `?kommune=`, `?thema=`, `?nach=`: a short text, empty meaning none; anything else (a list, a long text) is not a filter. */
function filterParam(value: unknown): string | null | undefined {
  if (value === undefined || value === "") return null;
  return typeof value === "string" && value.length <= 200 ? value : undefined;
}

/** The filters of a change feed request, or null when a parameter is not one this page understands. */
function changeFilters(query: Record<string, unknown>): (ChangeFilters & { nach: string | null }) | null {
  const kommune = filterParam(query.kommune);
  const thema = filterParam(query.thema);
  const nach = filterParam(query.nach);
  if (kommune === undefined || thema === undefined || nach === undefined) return null;
  return { kommune, thema, nach };
}

function filterQuery(filters: ChangeFilters, nach?: string | null): string {
  const params = new URLSearchParams();
  if (filters.kommune) params.set("kommune", filters.kommune);
  if (filters.thema) params.set("thema", filters.thema);
  if (nach) params.set("nach", nach);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The client examples (`client-examples/**\/*.graphql`), by path. */
async function readExamples(): Promise<ClientExample[]> {
  const files = (await readdir(EXAMPLES_DIR, { recursive: true })).filter((file) => file.endsWith(".graphql")).sort();
  return Promise.all(
    files.map(async (file) => ({
      path: `client-examples/${file.split(path.sep).join("/")}`,
      text: await readFile(path.join(EXAMPLES_DIR, file), "utf8"),
    })),
  );
}

/**
 * The pages about the hub and its data: `/aenderungen` and its Atom feed,
 * `/api` with the schema file, and the operator's legal pages.
 */
export function createSiteInfoRouter(options: SiteInfoRouterOptions): express.Router {
  const { limited, context, api } = options;
  const router = express.Router();
  const { site } = context;
  router.get("/aenderungen", limited, changesPage(options));
  router.get("/aenderungen.atom", limited, changesFeed(options));

  let examples: Promise<ClientExample[]> | null = null;
  router.get("/api", limited, async (req, res) => {
    const language = siteLanguage(languageOf(req.query as Record<string, unknown>), "/api");
    await sendPage(req, res, { ...context, language }, "/api", async () => {
      examples ??= readExamples();
      return renderDocument(pageElement(ApiPage, { api, examples: await examples }), site, language);
    });
  });

  const dictionary = dataDictionary(
    features.flatMap((feature) => feature.exports ?? []),
    site.licence,
  );
  router.get(DICTIONARY_PATH, limited, async (req, res) => {
    const language = siteLanguage(languageOf(req.query as Record<string, unknown>), DICTIONARY_PATH);
    await sendPage(req, res, { ...context, language }, DICTIONARY_PATH, async () =>
      renderDocument(pageElement(DataDictionaryPage, { dictionary }), site, language),
    );
  });

  let schemaText: Promise<string> | null = null;
  router.get(SCHEMA_PATH, limited, async (req: Request, res) => {
    await sendPage(
      req,
      res,
      context,
      SCHEMA_PATH,
      () => (schemaText ??= readFile(SCHEMA_FILE, "utf8")),
      "text/plain; charset=utf-8",
    );
  });

  for (const page of LEGAL_PAGES) {
    router.get(`/${page}`, limited, async (req, res) => {
      const language = siteLanguage(languageOf(req.query as Record<string, unknown>), `/${page}`);
      await sendPage(req, res, { ...context, language }, `/${page}`, async () =>
        renderDocument(pageElement(LegalPageView, { page, texts: site.legal }), site, language),
      );
    });
  }
  return router;
}

/** A page of changes under `filters`, after `nach`, with the names the filters show and the changes as pages show them. */
async function loadChanges(run: RunSiteQuery, filters: ChangeFilters, nach: string | null) {
  const variables = {
    first: CHANGES_PER_PAGE,
    after: nach,
    municipalities: filters.kommune ? [filters.kommune] : null,
    topics: filters.thema ? [filters.thema] : null,
  };
  const [{ changes: page }, choices] = await Promise.all([
    run<ChangesData>(CHANGES_QUERY, variables),
    run<ChangeFiltersData>(CHANGE_FILTERS_QUERY, { city: filters.kommune ?? "", withCity: Boolean(filters.kommune) }),
  ]);
  return { page, choices, views: page.nodes.map(changeView) };
}

/** `/aenderungen`: the latest changes, filtered by city and topic, page by page. */
function changesPage({ run, context }: SiteInfoRouterOptions): RequestHandler {
  const { site } = context;
  return async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const filters = changeFilters(query);
    const language = siteLanguage(
      languageOf(query),
      `/aenderungen${filters ? filterQuery(filters, filters.nach) : ""}`,
    );
    if (!filters) return sendNotFoundPage(res, site, language);
    const key = `/aenderungen ${JSON.stringify(filters)}`;
    await sendPage(req, res, { ...context, language }, key, async () => {
      const { page, choices, views } = await loadChanges(run(res), filters, filters.nach);
      const next =
        page.pageInfo.hasNextPage && page.pageInfo.endCursor
          ? `/aenderungen${filterQuery(filters, page.pageInfo.endCursor)}`
          : null;
      const view = pageElement(ChangesPage, {
        changes: views,
        filters,
        city: choices.municipality ?? null,
        topics: choices.topics.nodes,
        feedHref: `/aenderungen.atom${filterQuery(filters)}`,
        nextHref: next,
      });
      return renderDocument(view, site, language);
    });
  };
}

/** `/aenderungen.atom`: the first page of `/aenderungen` as an Atom feed, with absolute links. */
function changesFeed({ run, context, publicUrl }: SiteInfoRouterOptions): RequestHandler {
  return async (req, res) => {
    const filters = changeFilters(req.query as Record<string, unknown>);
    const origin = hubOrigin(req, publicUrl);
    if (!filters || filters.nach) return sendNotFoundPage(res, context.site);
    if (!origin)
      return res
        .status(400)
        .type("text/plain")
        .send("The Host of this request is not trusted: set PUBLIC_URL or ALLOWED_HOSTS.");
    const key = `/aenderungen.atom ${origin} ${JSON.stringify(filters)}`;
    await sendPage(
      req,
      res,
      context,
      key,
      async () => {
        const { choices, views } = await loadChanges(run(res), filters, null);
        const topic = choices.topics.nodes.find((candidate) => candidate.key === filters.thema);
        const scope = [
          choices.municipality ? `in ${choices.municipality.name}` : null,
          topic ? `zum Thema ${topic.label}` : null,
        ].filter(Boolean);
        return renderAtom({
          origin,
          selfPath: `/aenderungen.atom${filterQuery(filters)}`,
          alternatePath: `/aenderungen${filterQuery(filters)}`,
          title: ["IKZ-Hub: Letzte Änderungen", ...scope].join(" "),
          entries: views,
        });
      },
      ATOM_TYPE,
    );
  };
}
