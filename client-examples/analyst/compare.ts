/**
 * The analyst example: compares cities topic by topic through the hub's
 * `compare` query, prints the table to the terminal and writes it as CSV.
 * The query's types are generated from `schema/schema.graphql` (see
 * `codegen.yml`), so a schema change that breaks this script fails at compile time.
 *
 * Usage (hub running at HUB_URL, default http://localhost:4000):
 *   npm run --silent analyst -- [--endpoint URL] [--topics a,b] [--csv FILE] CITY...
 *   npm run --silent analyst -- --topics childcare,e-file --csv kita.csv herten kelsterbach
 *   HUB_URL=https://ikz-hub.example npm run --silent analyst -- herten ratingen
 */
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { stringify } from "csv-stringify/sync";
import { print } from "graphql";
import { CompareCitiesDocument } from "./comparison.query.js";
import type { AnalystComparisonQuery } from "./gql/graphql.js";

/** The comparison as the query returns it. */
export type ComparisonResult = AnalystComparisonQuery["compare"];

/** Raised with the hub's own message when it refuses a request. */
export class HubError extends Error {}

/** Raised when no hub answers at `endpoint`, with the reason (connection refused, no such host, not GraphQL). */
export class UnreachableError extends Error {
  constructor(
    readonly endpoint: string,
    reason: string,
  ) {
    super(`Could not reach the hub at ${endpoint}: ${reason}`);
  }
}

/** The hub this example talks to when neither --endpoint nor HUB_URL says otherwise. */
export const DEFAULT_HUB_URL = "http://localhost:4000";

/**
 * The GraphQL endpoint of the hub at `hubUrl` (HUB_URL: the hub's http(s) address, default
 * http://localhost:4000), or a problem naming the bad value.
 */
export function endpointOf(hubUrl: string | undefined): string | { problem: string } {
  const raw = hubUrl?.trim() || DEFAULT_HUB_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      problem: `HUB_URL must be the hub's http(s) address, e.g. ${DEFAULT_HUB_URL}, got ${JSON.stringify(raw)}`,
    };
  }
  if (!["http:", "https:"].includes(url.protocol) || url.search || url.hash)
    return {
      problem: `HUB_URL must be the hub's http(s) address, e.g. ${DEFAULT_HUB_URL}, got ${JSON.stringify(raw)}`,
    };
  return new URL("graphql", url.href.endsWith("/") ? url.href : `${url.href}/`).href;
}

/** Sends one typed operation to the hub and returns its typed data. */
export async function request<Result, Variables>(
  endpoint: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch (error) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is its cause.
    const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
    throw new UnreachableError(endpoint, cause?.code ?? cause?.message ?? (error as Error).message);
  }
  let body: { data?: Result | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new UnreachableError(endpoint, `HTTP ${response.status} without a GraphQL answer; is this the hub?`);
  }
  if (body.errors?.length || !body.data)
    throw new HubError(body.errors?.map((error) => error.message).join("; ") ?? `HTTP ${response.status}`);
  return body.data;
}

/** Asks the hub for the comparison of `municipalities` on `topics` (all their topics when empty). */
export async function fetchComparison(
  endpoint: string,
  municipalities: string[],
  topics: string[],
): Promise<ComparisonResult> {
  const data = await request(endpoint, CompareCitiesDocument, {
    municipalities,
    topics: topics.length ? topics : null,
  });
  return data.compare;
}

const COVERAGE_MARK: Record<ComparisonResult["rows"][number]["cells"][number]["coverage"], string> = {
  NONE: "–",
  STRATEGY_ONLY: "strategy only",
  PLANNED: "planned",
  IN_PROGRESS: "in progress",
  COMPLETED: "completed",
};

/** The table's rows: a header, one line per topic, then the key figures. */
export function tableRows(comparison: ComparisonResult): string[][] {
  const header = ["topic", ...comparison.municipalities.map((m) => m.name)];
  const topics = comparison.rows.map((row) => [
    row.topic.key,
    ...row.cells.map((cell) =>
      cell.projects.length ? `${COVERAGE_MARK[cell.coverage]} (${cell.projects.length})` : COVERAGE_MARK[cell.coverage],
    ),
  ]);
  const figures = comparison.keyFigures;
  const keyFigures = [
    [
      "population",
      ...figures.map((f) => (f.population === null || f.population === undefined ? "–" : String(f.population))),
    ],
    [
      "strategy",
      ...figures.map((f) =>
        f.strategies[0] ? `${f.strategies[0].title} (${f.strategies[0].adoptedOn ?? "not adopted"})` : "–",
      ),
    ],
    ["horizon", ...figures.map((f) => String(f.strategies[0]?.horizon ?? "–"))],
    ["fields of action", ...figures.map((f) => String(f.fieldOfActionCount))],
    ["projects", ...figures.map((f) => f.projectsByStatus.map((s) => `${s.status} ${s.count}`).join(", ") || "–")],
    ["budget (EUR)", ...figures.map((f) => f.budgetByYear.map((b) => `${b.year}: ${b.total}`).join(", ") || "–")],
  ];
  return [header, ...topics, ...keyFigures];
}

/** The rows as a fixed-width text table for the terminal; cells longer than 40 characters are cut. */
export function formatTable(rows: string[][]): string {
  const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
  const cells = rows.map((row) => row.map(cut));
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join(" | ")
      .trimEnd();
  return [line(cells[0]), widths.map((width) => "-".repeat(width)).join("-+-"), ...cells.slice(1).map(line)].join("\n");
}

/** One CSV line per topic and city, for German Excel (BOM, `;`, formulas defused). */
export function comparisonCsv(comparison: ComparisonResult): string {
  const lines = comparison.rows.flatMap((row) =>
    row.cells.map((cell, i) => [
      row.topic.key,
      row.topic.label,
      comparison.municipalities[i].slug,
      cell.coverage,
      cell.projects.map((p) => p.title).join(" | "),
    ]),
  );
  // A bare line break in a title must be quoted too, or Excel would end the row there.
  return stringify([["topic", "label", "municipality", "coverage", "projects"], ...lines], {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    escape_formulas: true,
    quoted_match: /[\r\n]/,
  });
}

/** The usage text, for --help (stdout) and wrong arguments (stderr). */
const USAGE = `usage: analyst [--endpoint URL] [--topics a,b] [--csv FILE] CITY...

Compares the cities topic by topic. The hub is HUB_URL (default ${DEFAULT_HUB_URL}); --endpoint
names its GraphQL endpoint directly.`;

/** Runs the example with command-line arguments; returns the exit code. */
export async function main(
  argv: string[],
  out: (text: string) => void = console.log,
  err: (text: string) => void = console.error,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        endpoint: { type: "string" },
        topics: { type: "string", default: "" },
        csv: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    out(USAGE);
    return 0;
  }
  if (!args.positionals.length) {
    err(USAGE);
    return 2;
  }
  const endpoint = args.values.endpoint ?? endpointOf(env.HUB_URL);
  if (typeof endpoint !== "string") {
    err(endpoint.problem);
    return 2;
  }
  try {
    const topics = args.values.topics
      .split(",")
      .map((topic) => topic.trim())
      .filter(Boolean);
    const comparison = await fetchComparison(endpoint, args.positionals, topics);
    out(formatTable(tableRows(comparison)));
    if (args.values.csv) {
      await writeFile(args.values.csv, comparisonCsv(comparison));
      out(`\nwrote ${args.values.csv}`);
    }
    return 0;
  } catch (error) {
    err(
      error instanceof HubError
        ? `The hub at ${endpoint} refused: ${error.message}`
        : error instanceof UnreachableError
          ? error.message
          : `Failed: ${(error as Error).message}`,
    );
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
