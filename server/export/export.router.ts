import { PassThrough } from "node:stream";
import type { MikroORM } from "@mikro-orm/postgresql";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import { VISIBILITY_FILTER } from "../../schema/publishing/visibility.js";
import { hubOrigin } from "../http/hub-origin.js";
import { RATE_LIMIT_RESPONSE_HEADERS } from "../rate-limit/rate-limit.middleware.js";
import type { Logger } from "../logger.js";
import { compareMunicipalities } from "../../schema/comparison/comparison.service.js";
import { COMPARISON_COLUMNS, comparisonCells } from "./export.comparison.js";
import { type CsvColumn, csvHeader, csvRow, csvStream, germanDecimal, toCsv } from "./export.csv.js";
import { encodeExportCursor, type ExportKind } from "./export.cursor.js";
import {
  comparisonParamsOf,
  ExportParamError,
  exportPageOf,
  projectFilterOf,
  strategyFilterOf,
} from "./export.params.js";
import {
  type ExportPageIds,
  projectPage,
  projectRecords,
  type ProjectRecord,
  type SourceRecord,
  strategyPage,
  strategyRecords,
  type StrategyRecord,
} from "./export.records.js";
import { type ExportFormat, type ExportOutcome, streamExport } from "./export.stream.js";

/** What the export routes need from the hub. */
export interface ExportRouterOptions {
  orm: MikroORM;
  logger: Logger;
  /** The hub's public origin (PUBLIC_URL); null derives it from each request's Host. */
  publicUrl: string | null;
  /** How long (ms) an export may keep reading batches (EXECUTION_TIMEOUT_MS): no batch starts later. */
  executionTimeoutMs: number;
}

/** Exports are public data that changes rarely; caches may keep them a minute. */
const CACHE = "public, max-age=60";

/** Sources in one cell: title, publisher and date, then the address in angle brackets. */
function citeSources(sources: readonly SourceRecord[]): string {
  return sources
    .map(
      (source) =>
        [source.title, source.publisher, source.publishedOn].filter(Boolean).join(", ") +
        (source.url ? ` <${source.url}>` : ""),
    )
    .join(" | ");
}

function projectColumns(pageOf: (slug: string) => string | null): CsvColumn<ProjectRecord>[] {
  return [
    { header: "slug", value: (p) => p.slug },
    { header: "title", value: (p) => p.title },
    { header: "municipality", value: (p) => p.municipality.name },
    { header: "state", value: (p) => p.municipality.state },
    { header: "status", value: (p) => p.status },
    { header: "strategy", value: (p) => p.strategy },
    { header: "topics", value: (p) => p.topics.join(", ") },
    { header: "providers", value: (p) => p.providers.map((provider) => provider.name).join(", ") },
    { header: "products", value: (p) => p.products.map((product) => product.name).join(", ") },
    { header: "started_on", value: (p) => p.startedOn },
    { header: "planned_end_on", value: (p) => p.plannedEndOn },
    { header: "completed_on", value: (p) => p.completedOn },
    { header: "summary", value: (p) => p.summary },
    { header: "page", value: (p) => pageOf(p.slug) },
    { header: "sources", value: (p) => citeSources(p.sources) },
  ];
}

const STRATEGY_COLUMNS: CsvColumn<StrategyRecord>[] = [
  { header: "slug", value: (s) => s.slug },
  { header: "title", value: (s) => s.title },
  { header: "municipality", value: (s) => s.municipality.name },
  { header: "state", value: (s) => s.municipality.state },
  { header: "status", value: (s) => s.status },
  { header: "presented_on", value: (s) => s.presentedOn },
  { header: "adopted_on", value: (s) => s.adoptedOn },
  { header: "horizon", value: (s) => s.horizon },
  { header: "fields_of_action", value: (s) => s.fieldsOfAction },
  { header: "topics", value: (s) => s.topics.join(", ") },
  { header: "budget_total_eur", value: (s) => germanDecimal(s.budgetTotal) },
  { header: "sources", value: (s) => citeSources(s.sources) },
];

/** Answers a client mistake with 400 and a GraphQL-shaped JSON error; passes anything else on to the hub's error handler. */
function answerError(error: unknown, res: Response, next: NextFunction): void {
  if (error instanceof ExportParamError) {
    res.status(400).json({
      errors: [{ message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [error.parameter] } }],
    });
  } else if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
    // The filter checks name GraphQL argument paths (`filter.topics`); here they are query parameters.
    const fields = ((error.extensions.fields as string[] | undefined) ?? []).map((field) =>
      field.replace(/^filter\./, ""),
    );
    res.status(400).json({
      errors: [
        { message: error.message.replaceAll("filter.", ""), extensions: { code: ErrorCode.BAD_USER_INPUT, fields } },
      ],
    });
  } else {
    next(error);
  }
}

/**
 * Headers of every export answer, a 429 of the rate limiter in front of the routes
 * included: any origin may read exports, their `Link` and rate-limit headers.
 */
export const exportHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", ["Link", ...RATE_LIMIT_RESPONSE_HEADERS].join(", "));
  res.setHeader("X-Content-Type-Options", "nosniff");
  next();
};

/** The relative address of the page after this one: the request's own, with `after` set to `cursor`. */
function nextPageUrl(req: Request, cursor: string): string {
  const url = new URL(req.originalUrl, "http://localhost");
  url.searchParams.set("after", cursor);
  return url.pathname + url.search;
}

/** Runs an export handler; an error before the body started is answered with a status (see `answerError`). */
function route(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res, next) => {
    try {
      await handler(req, res);
    } catch (error) {
      // Headers meant for the file must not go out with an error: no download name, no cached error, no next page.
      if (!res.headersSent)
        for (const name of ["Link", "Content-Disposition", "Cache-Control", "Content-Type"]) res.removeHeader(name);
      answerError(error, res, next);
    }
  };
}

/** An entity manager that sees published records only. */
function publicEm(orm: MikroORM) {
  const em = orm.em.fork();
  em.setFilterParams(VISIBILITY_FILTER, { scope: "public" });
  return em;
}

/** The public page address of a project, as seen from the request's hub origin (null when the Host is not trusted). */
function projectPages(req: Request, publicUrl: string | null): (slug: string) => string | null {
  const origin = hubOrigin(req, publicUrl);
  return (slug: string) => (origin ? `${origin}/projekte/${encodeURIComponent(slug)}` : null);
}

/** The page a request asks for; sets its `Link` header and returns the next page's address, or null on the last page. */
function pageLink(req: Request, res: Response, kind: ExportKind, page: ExportPageIds): string | null {
  if (!page.next) return null;
  const next = nextPageUrl(req, encodeExportCursor(kind, page.next));
  res.setHeader("Link", `<${next}>; rel="next"`);
  return next;
}

/** Streams a page (until `started` + the execution timeout at most) and logs, once, how an export that did not complete ended. */
async function streamPage<R>(
  { logger, executionTimeoutMs }: ExportRouterOptions,
  req: Request,
  res: Response,
  page: {
    ids: readonly number[];
    load: (ids: readonly number[]) => Promise<R[]>;
    format: ExportFormat<R>;
    started: number;
  },
): Promise<void> {
  const { ids, load, format, started } = page;
  const outcome: ExportOutcome = await streamExport(res, { ids, load, format, deadline: started + executionTimeoutMs });
  const where = { path: req.baseUrl + req.path, rows: outcome.rows, of: ids.length };
  if (outcome.status === "failed")
    logger.error({ ...where, err: outcome.error }, "export failed mid-stream; transfer aborted");
  else if (outcome.status === "deadline")
    logger.warn(where, `export passed its deadline (${executionTimeoutMs} ms); transfer aborted`);
  else if (outcome.status === "client-gone") logger.info(where, "export client went away; reading stopped");
}

function csvHeaders(res: Response, filename: string): void {
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  res.setHeader("Cache-Control", CACHE);
}

function csvFormat<R>(columns: readonly CsvColumn<R>[]): ExportFormat<R> {
  return { encoder: csvStream(), head: [csvHeader(columns)], row: (record) => csvRow(record, columns), tail: () => [] };
}

/** `/export/projects.csv`: one page of published projects as CSV. */
function projectsCsv(options: ExportRouterOptions): RequestHandler {
  const { orm, publicUrl } = options;
  return route(async (req, res) => {
    const started = Date.now();
    const filter = projectFilterOf(req.query);
    const page = await projectPage(publicEm(orm), filter, exportPageOf(req.query, "projects"));
    pageLink(req, res, "projects", page);
    csvHeaders(res, "ikz-projects.csv");
    const format = csvFormat(projectColumns(projectPages(req, publicUrl)));
    await streamPage(options, req, res, {
      ids: page.ids,
      load: (ids) => projectRecords(publicEm(orm), ids),
      format,
      started,
    });
  });
}

/** `/export/projects.json`: one page of published projects as one JSON object. */
function projectsJson(options: ExportRouterOptions): RequestHandler {
  const { orm, publicUrl } = options;
  return route(async (req, res) => {
    const started = Date.now();
    const filter = projectFilterOf(req.query);
    const page = await projectPage(publicEm(orm), filter, exportPageOf(req.query, "projects"));
    const next = pageLink(req, res, "projects", page);
    const pageOf = projectPages(req, publicUrl);
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Cache-Control", CACHE);
    // One object as before ({ count, projects }), written as it goes: count and next follow the array.
    const format: ExportFormat<ProjectRecord> = {
      encoder: new PassThrough(),
      head: ['{"projects":['],
      row: (record, index) => (index ? "," : "") + JSON.stringify({ ...record, page: pageOf(record.slug) }),
      tail: (count) => [`],"count":${count},"next":${JSON.stringify(next)}}`],
    };
    await streamPage(options, req, res, {
      ids: page.ids,
      load: (ids) => projectRecords(publicEm(orm), ids),
      format,
      started,
    });
  });
}

/** `/export/strategies.csv`: one page of published strategies as CSV. */
function strategiesCsv(options: ExportRouterOptions): RequestHandler {
  const { orm } = options;
  return route(async (req, res) => {
    const started = Date.now();
    const filter = strategyFilterOf(req.query);
    const page = await strategyPage(publicEm(orm), filter, exportPageOf(req.query, "strategies"));
    pageLink(req, res, "strategies", page);
    csvHeaders(res, "ikz-strategies.csv");
    const format = csvFormat(STRATEGY_COLUMNS);
    await streamPage(options, req, res, {
      ids: page.ids,
      load: (ids) => strategyRecords(publicEm(orm), ids),
      format,
      started,
    });
  });
}

/** `/export/comparison.csv`: the matrix of `compare` (published records only) as CSV, one row per topic and municipality. */
function comparisonCsv({ orm }: ExportRouterOptions): RequestHandler {
  return route(async (req, res) => {
    const { municipalities, topics } = comparisonParamsOf(req.query);
    const comparison = await compareMunicipalities(publicEm(orm), municipalities, topics);
    csvHeaders(res, "ikz-comparison.csv");
    res.send(toCsv(comparisonCells(comparison), COMPARISON_COLUMNS));
  });
}

/**
 * The export routes: `/export/projects.csv`, `/export/projects.json`,
 * `/export/strategies.csv` and `/export/comparison.csv`, with the filters of `projects` and `strategies` as
 * query parameters. Published records only, for everybody; every record cites
 * its sources. Each response is one page of at most `limit` rows, streamed in
 * batches; a `Link: <…&after=…>; rel="next"` header (and, in JSON, `next`) leads to
 * the next page.
 */
export function createExportRouter(options: ExportRouterOptions): express.Router {
  const router = express.Router();
  router.get("/projects.csv", projectsCsv(options));
  router.get("/projects.json", projectsJson(options));
  router.get("/strategies.csv", strategiesCsv(options));
  router.get("/comparison.csv", comparisonCsv(options));
  return router;
}
