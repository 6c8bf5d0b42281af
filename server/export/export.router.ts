import type { MikroORM } from "@mikro-orm/postgresql";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import { VISIBILITY_FILTER } from "../../schema/publishing/visibility.js";
import { type CsvColumn, germanDecimal, toCsv } from "./export.csv.js";
import { ExportParamError, projectFilterOf, strategyFilterOf } from "./export.params.js";
import { exportProjects, exportStrategies, type ProjectRecord, type SourceRecord, type StrategyRecord } from "./export.records.js";
import { hubOrigin } from "../http/hub-origin.js";

/** What the export routes need from the hub. */
export interface ExportRouterOptions {
  orm: MikroORM;
  /** The hub's public origin (PUBLIC_URL); null derives it from each request's Host. */
  publicUrl: string | null;
}

/** Exports are public data that changes rarely; caches may keep them a minute. */
const CACHE = "public, max-age=60";

/** Sources in one cell: title, publisher and date, then the address in angle brackets. */
function citeSources(sources: readonly SourceRecord[]): string {
  return sources
    .map((source) => [source.title, source.publisher, source.publishedOn].filter(Boolean).join(", ") + (source.url ? ` <${source.url}>` : ""))
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
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [error.parameter] } }] });
  } else if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
    // The filter checks name GraphQL argument paths (`filter.topics`); here they are query parameters.
    const fields = ((error.extensions.fields as string[] | undefined) ?? []).map((field) => field.replace(/^filter\./, ""));
    res.status(400).json({ errors: [{ message: error.message.replaceAll("filter.", ""), extensions: { code: ErrorCode.BAD_USER_INPUT, fields } }] });
  } else {
    next(error);
  }
}

/**
 * The export routes: `/export/projects.csv`, `/export/projects.json` and
 * `/export/strategies.csv`, with the filters of `projects` and `strategies` as
 * query parameters. Published records only, for everybody; every record cites
 * its sources.
 */
export function createExportRouter({ orm, publicUrl }: ExportRouterOptions): express.Router {
  const router = express.Router();

  const route = (handler: (req: Request, res: Response) => Promise<void>): RequestHandler => async (req, res, next) => {
    try {
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("X-Content-Type-Options", "nosniff");
      await handler(req, res);
    } catch (error) {
      answerError(error, res, next);
    }
  };
  const publicEm = () => {
    const em = orm.em.fork();
    em.setFilterParams(VISIBILITY_FILTER, { scope: "public" });
    return em;
  };
  const pages = (req: Request) => {
    const origin = hubOrigin(req, publicUrl);
    return (slug: string) => (origin ? `${origin}/projects/${encodeURIComponent(slug)}` : null);
  };
  const sendCsv = (res: Response, filename: string, body: string) => {
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
    res.setHeader("Cache-Control", CACHE);
    res.send(body);
  };

  router.get(
    "/projects.csv",
    route(async (req, res) => {
      const records = await exportProjects(publicEm(), projectFilterOf(req.query));
      sendCsv(res, "ikz-projects.csv", toCsv(records, projectColumns(pages(req))));
    }),
  );

  router.get(
    "/projects.json",
    route(async (req, res) => {
      const records = await exportProjects(publicEm(), projectFilterOf(req.query));
      const pageOf = pages(req);
      res.setHeader("Cache-Control", CACHE);
      res.json({ count: records.length, projects: records.map((record) => ({ ...record, page: pageOf(record.slug) })) });
    }),
  );

  router.get(
    "/strategies.csv",
    route(async (req, res) => {
      const records = await exportStrategies(publicEm(), strategyFilterOf(req.query));
      sendCsv(res, "ikz-strategies.csv", toCsv(records, STRATEGY_COLUMNS));
    }),
  );

  return router;
}
