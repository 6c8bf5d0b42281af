import { PassThrough } from "node:stream";
import type { MikroORM } from "@mikro-orm/postgresql";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { GraphQLError } from "graphql";
import { exportPageIds } from "../../schema/common/export/paging.js";
import { ExportParamError, onlyKnownParams, PAGE_PARAMS } from "../../schema/common/export/params.js";
import type { CsvColumn, ExportContext, RecordExport } from "../../schema/common/export/record-export.js";
import { ErrorCode } from "../../schema/common/errors.js";
import type { Feature } from "../../schema/features.types.js";
import { VISIBILITY_FILTER } from "../../schema/publishing/visibility.js";
import { hubOrigin } from "../http/hub-origin.js";
import { RATE_LIMIT_RESPONSE_HEADERS } from "../rate-limit/rate-limit.middleware.js";
import type { Logger } from "../logger.js";
import { compareMunicipalities } from "../../schema/comparison/comparison.service.js";
import { COMPARISON_COLUMNS, comparisonCells } from "./export.comparison.js";
import { csvHeader, csvRow, csvStream, toCsv } from "./export.csv.js";
import { decodeKeyCursor, encodeExportCursor, encodeKeyCursor } from "./export.cursor.js";
import { comparisonParamsOf, exportPageOf } from "./export.params.js";
import { streamBundle } from "./export.bundle.js";
import { dataDictionary } from "../../schema/common/export/dictionary.js";
import { type ExportFormat, type ExportOutcome, streamExport } from "./export.stream.js";

/** What the export routes need from the hub. */
export interface ExportRouterOptions {
  orm: MikroORM;
  logger: Logger;
  /** The hub's public origin (PUBLIC_URL); null derives it from each request's Host. */
  publicUrl: string | null;
  /** How long (ms) an export may keep reading batches (EXECUTION_TIMEOUT_MS): no batch starts later. */
  executionTimeoutMs: number;
  /** The features whose record exports (`Feature.exports`) get routes. */
  features: readonly Feature[];
  /** The licence of the hub's content (DATA_LICENCE_NAME, DATA_LICENCE_URL), named in every export. */
  licence: { name: string; url: string };
}

/** Exports are public data that changes rarely; caches may keep them a minute. */
const CACHE = "public, max-age=60";

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

/** The `Link` header of an export: the data licence, and the next page when there is one. */
function linkHeader(licenceUrl: string, next: string | null): string {
  const licence = `<${licenceUrl}>; rel="license"`;
  return next ? `<${next}>; rel="next", ${licence}` : licence;
}

/**
 * Runs an export handler, its answer naming the data licence in its `Link` header; an error before the
 * body started is answered with a status (see `answerError`).
 */
function route(
  { licence }: ExportRouterOptions,
  handler: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return async (req, res, next) => {
    try {
      res.setHeader("Link", linkHeader(licence.url, null));
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

/** What the export's columns and records may use: the absolute address of a record's page, from the request's hub origin (null when the Host is not trusted). */
function contextOf(req: Request, publicUrl: string | null, declared: RecordExport): ExportContext {
  if (!declared.page) return { page: () => null };
  const origin = hubOrigin(req, publicUrl);
  return { page: (slug) => (origin ? origin + declared.page!(slug) : null) };
}

/** Adds the next page (its cursor; none on the last page) to the `Link` header and returns its address, or null on the last page. */
function pageLink(req: Request, res: Response, licenceUrl: string, cursor: string | null): string | null {
  if (!cursor) return null;
  const next = nextPageUrl(req, cursor);
  res.setHeader("Link", linkHeader(licenceUrl, next));
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

/**
 * The page of `declared` a request asks for (its filter, `limit` and `after`), with the `Link` header set;
 * returns the page's ids and the next page's address (null on the last page).
 */
async function requestedPage(
  { orm, licence }: ExportRouterOptions,
  req: Request,
  res: Response,
  declared: RecordExport,
) {
  const filter = declared.filter ? declared.filter.read(req.query) : onlyKnownParams(req.query, PAGE_PARAMS);
  const { name, paging } = declared;
  if (paging) {
    const { limit, after } = exportPageOf(req.query, name, (kind, raw) => decodeKeyCursor(kind, raw, paging.keyLength));
    const page = await paging.ids(publicEm(orm), after, limit);
    return { ids: page.ids, next: pageLink(req, res, licence.url, page.next && encodeKeyCursor(name, page.next)) };
  }
  const page = await exportPageIds(publicEm(orm), declared, filter, exportPageOf(req.query, name));
  return { ids: page.ids, next: pageLink(req, res, licence.url, page.next && encodeExportCursor(name, page.next)) };
}

/** `/export/<name>.csv`: one page of a record export as CSV. */
function recordCsv(options: ExportRouterOptions, declared: RecordExport): RequestHandler {
  const { orm, publicUrl } = options;
  return route(options, async (req, res) => {
    const started = Date.now();
    const { ids } = await requestedPage(options, req, res, declared);
    csvHeaders(res, declared.filename);
    const format = csvFormat(declared.columns(contextOf(req, publicUrl, declared)));
    await streamPage(options, req, res, { ids, load: (batch) => declared.load(publicEm(orm), batch), format, started });
  });
}

/**
 * `/export/<name>.json`: one page of a record export as one JSON object,
 * `{ "<name>": [...], count, next, license: { name, url } }`.
 */
function recordJson(options: ExportRouterOptions, declared: RecordExport): RequestHandler {
  const { orm, publicUrl, licence } = options;
  return route(options, async (req, res) => {
    const started = Date.now();
    const { ids, next } = await requestedPage(options, req, res, declared);
    const context = contextOf(req, publicUrl, declared);
    const json = (record: unknown) => (declared.json ? declared.json(record, context) : record);
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Cache-Control", CACHE);
    // One object, written as it goes: count, next and the licence follow the array (fields added last break no reader).
    const format: ExportFormat<unknown> = {
      encoder: new PassThrough(),
      head: [`{${JSON.stringify(declared.name)}:[`],
      row: (record, index) => (index ? "," : "") + JSON.stringify(json(record)),
      tail: (count) => [
        `],"count":${count},"next":${JSON.stringify(next)},"license":${JSON.stringify({ name: licence.name, url: licence.url })}}`,
      ],
    };
    await streamPage(options, req, res, { ids, load: (batch) => declared.load(publicEm(orm), batch), format, started });
  });
}

/** `/export/comparison.csv`: the matrix of `compare` (published records only) as CSV, one row per topic and municipality. */
function comparisonCsv(options: ExportRouterOptions): RequestHandler {
  const { orm } = options;
  return route(options, async (req, res) => {
    const { municipalities, topics } = comparisonParamsOf(req.query);
    const comparison = await compareMunicipalities(publicEm(orm), municipalities, topics);
    csvHeaders(res, "ikz-comparison.csv");
    res.send(toCsv(comparisonCells(comparison), COMPARISON_COLUMNS));
  });
}

/** `/export/dictionary.json`: every column of every record export, with its German description, and the data licence. */
function dictionaryJson(options: ExportRouterOptions, exports: readonly RecordExport[]): RequestHandler {
  const dictionary = dataDictionary(exports, options.licence);
  return route(options, async (req, res) => {
    onlyKnownParams(req.query, []);
    res.setHeader("Cache-Control", CACHE);
    res.json(dictionary);
  });
}

/**
 * `/export/alles.zip`: every record export as one CSV file (all published records, read in batches),
 * the data dictionary and a licence file, streamed as a zip (see `streamBundle`).
 */
function bundleZip(options: ExportRouterOptions, exports: readonly RecordExport[]): RequestHandler {
  const { orm, publicUrl, logger, executionTimeoutMs, licence } = options;
  const dictionary = dataDictionary(exports, licence);
  return route(options, async (req, res) => {
    onlyKnownParams(req.query, []);
    res.setHeader("Content-Type", "application/zip");
    res.setHeader("Content-Disposition", 'attachment; filename="ikz-hub-alles.zip"');
    res.setHeader("Cache-Control", CACHE);
    // Before the first byte: the origin of the page links may set a `Vary` header.
    const contexts = new Map(exports.map((declared) => [declared, contextOf(req, publicUrl, declared)]));
    const context = (declared: RecordExport) => contexts.get(declared)!;
    try {
      await streamBundle(res, { exports, dictionary, em: () => publicEm(orm), context, timeoutMs: executionTimeoutMs });
    } catch (error) {
      logger.error({ path: req.baseUrl + req.path, err: error }, "bundle failed mid-stream; transfer aborted");
    }
  });
}

/**
 * The export routes: `/export/<name>.csv` and `/export/<name>.json` for every record export the
 * features declare (`projects`, `strategies`), with the export's filter as query parameters, and
 * `/export/comparison.csv`, the data dictionary `/export/dictionary.json` and everything in one
 * `/export/alles.zip`. Published records only, for everybody; every record cites
 * its sources. Each response is one page of at most `limit` rows, streamed in
 * batches; a `Link: <…&after=…>; rel="next"` header (and, in JSON, `next`) leads to
 * the next page. Every answer names the data licence: `Link: <…>; rel="license"` (and, in
 * JSON, `license`).
 */
export function createExportRouter(options: ExportRouterOptions): express.Router {
  const router = express.Router();
  const exports = options.features.flatMap((feature) => feature.exports ?? []);
  router.get("/dictionary.json", dictionaryJson(options, exports));
  router.get("/alles.zip", bundleZip(options, exports));
  for (const declared of exports) {
    router.get(`/${declared.name}.csv`, recordCsv(options, declared));
    router.get(`/${declared.name}.json`, recordJson(options, declared));
  }
  router.get("/comparison.csv", comparisonCsv(options));
  return router;
}
