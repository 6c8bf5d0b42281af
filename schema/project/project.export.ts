import type { EntityManager } from "@mikro-orm/postgresql";
import { inPageOrder } from "../common/export/paging.js";
import { enumListParam, type ExportQuery, listParam, onlyKnownParams, PAGE_PARAMS } from "../common/export/params.js";
import {
  addedCityColumns,
  citeSources,
  type CsvColumn,
  type ExportContext,
  type MunicipalityRecord,
  type RecordExport,
  type SourceRecord,
  SOURCES_DESCRIPTION,
  updatedAtCsvColumn,
} from "../common/export/record-export.js";
import { isoTimestamp } from "../common/export/table-export.js";
import { selectRows } from "../common/sql.js";
import { State } from "../municipality/state.enum.js";
import { PROJECT_STATUS_LABELS, ProjectStatus } from "./project-status.enum.js";
import { Project } from "./project.entity.js";
import type { ProjectFilter } from "./project.inputs.js";
import { projectWhere } from "./project.service.js";

/** One exported project. */
export interface ProjectRecord {
  slug: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  /** The date the status is valid for according to its source ("Stand laut Quelle"). */
  statusAsOf: string | null;
  municipality: MunicipalityRecord;
  strategy: string | null;
  topics: string[];
  providers: { slug: string; name: string }[];
  products: { slug: string; name: string }[];
  replacedProducts: { slug: string; name: string }[];
  startedOn: string | null;
  plannedEndOn: string | null;
  completedOn: string | null;
  sources: SourceRecord[];
  /** When the project last changed in the hub (ISO 8601, UTC). */
  updatedAt: string;
}

const PROJECT_PARAMS = ["municipalities", "states", "topics", "statuses", "providers", ...PAGE_PARAMS];

/** The project filter of `/export/projects.*`: the same criteria as `projects(filter:)`. */
export function projectFilterOf(query: ExportQuery): ProjectFilter {
  onlyKnownParams(query, PROJECT_PARAMS);
  return {
    municipalities: listParam(query, "municipalities"),
    states: enumListParam(query, "states", State),
    topics: listParam(query, "topics"),
    statuses: enumListParam(query, "statuses", ProjectStatus),
    providers: listParam(query, "providers"),
  };
}

/** A project row as the batch statement gives it. */
interface ProjectRow extends Omit<ProjectRecord, "municipality"> {
  id: number;
  municipality_slug: string;
  municipality_name: string;
  municipality_state: State;
  municipality_official_key: string;
}

/** The products of a project through `pivot` (used or replaced), as JSON, by name. */
const productList = (pivot: string) =>
  `coalesce((select json_agg(json_build_object('slug', d.slug, 'name', d.name) order by d.name, d.slug) from ${pivot} pd
                     join product d on d.id = pd.product_id where pd.project_id = p.id), '[]')`;

/**
 * One row per published project, relations aggregated by the database, so that a
 * batch is one statement and no entities: hydrating 500 projects with six
 * relations through the ORM took about half a second of the hub's only thread.
 * Published strategies and sources only, as the public sees them; names in German
 * order (their columns' collation), keys in code-point order.
 * `status_as_of` is read from the table: the view `public_…` names the columns its table had when it was made.
 */
const PROJECT_BATCH_SQL = `
  select p.id, p.slug, p.title, p.summary, p.status,
         (select x.status_as_of from project x where x.id = p.id) as "statusAsOf",
         p.started_on as "startedOn", p.planned_end_on as "plannedEndOn", p.completed_on as "completedOn",
         m.slug as municipality_slug, m.name as municipality_name, m.state as municipality_state,
         m.official_key as municipality_official_key, ${isoTimestamp("p.updated_at")} as "updatedAt",
         (select s.title from public_strategy s where s.id = p.strategy_id) as strategy,
         coalesce((select array_agg(t.key::text order by t.key collate "C") from project_topics pt join topic t on t.id = pt.topic_id
                    where pt.project_id = p.id), '{}') as topics,
         coalesce((select json_agg(json_build_object('slug', v.slug, 'name', v.name) order by v.name, v.slug) from project_providers pv
                     join provider v on v.id = pv.provider_id where pv.project_id = p.id), '[]') as providers,
         ${productList("project_products")} as products,
         ${productList("project_replaced_products")} as "replacedProducts",
         coalesce((select json_agg(json_build_object('title', s.title, 'publisher', s.publisher, 'publishedOn', s.published_on, 'url', s.url)
                                   order by s.key collate "C")
                     from project_sources ps join public_source s on s.id = ps.source_id
                    where ps.project_id = p.id), '[]') as sources
    from public_project p join municipality m on m.id = p.municipality_id
   where p.id in (?)`;

/** The export records of a batch of projects, in the order of `ids`, with what an analyst needs in one row: one statement. */
export async function projectRecords(em: EntityManager, ids: readonly number[]): Promise<ProjectRecord[]> {
  if (!ids.length) return [];
  const rows = await selectRows<ProjectRow>(em, PROJECT_BATCH_SQL, [[...ids]]);
  return inPageOrder(rows, ids).map((row): ProjectRecord => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    status: row.status,
    statusAsOf: row.statusAsOf,
    municipality: {
      slug: row.municipality_slug,
      name: row.municipality_name,
      state: row.municipality_state,
      officialKey: row.municipality_official_key,
    },
    strategy: row.strategy,
    topics: row.topics,
    providers: row.providers,
    products: row.products,
    replacedProducts: row.replacedProducts,
    startedOn: row.startedOn,
    plannedEndOn: row.plannedEndOn,
    completedOn: row.completedOn,
    sources: row.sources,
    updatedAt: row.updatedAt,
  }));
}

/** The CSV columns: the first sixteen as since the first export, the later ones appended. */
function projectColumns({ page }: ExportContext): CsvColumn<ProjectRecord>[] {
  const names = (list: { name: string }[]) => list.map((item) => item.name).join(", ");
  return [
    { header: "slug", description: "Kurzname des Projekts im Hub", type: "code", value: (p) => p.slug },
    { header: "title", description: "Titel des Projekts", type: "text", value: (p) => p.title },
    { header: "municipality", description: "Name der Kommune", type: "text", value: (p) => p.municipality.name },
    { header: "state", description: "Land der Kommune (Code)", type: "code", value: (p) => p.municipality.state },
    { header: "status", description: "Stand des Projekts (Code)", type: "code", value: (p) => p.status },
    {
      header: "strategy",
      description: "Titel der Strategie, zu der das Projekt gehört",
      type: "text",
      value: (p) => p.strategy,
    },
    {
      header: "topics",
      description: "Themen (Schlüssel der Themenliste)",
      type: "list",
      value: (p) => p.topics.join(", "),
    },
    { header: "providers", description: "Beteiligte Anbieter (Namen)", type: "list", value: (p) => names(p.providers) },
    { header: "products", description: "Eingesetzte Produkte (Namen)", type: "list", value: (p) => names(p.products) },
    {
      header: "replaced_products",
      description: "Produkte, die das Projekt ablöst (Namen)",
      type: "list",
      value: (p) => names(p.replacedProducts),
    },
    { header: "started_on", description: "Beginn", type: "date", value: (p) => p.startedOn },
    { header: "planned_end_on", description: "Geplantes Ende", type: "date", value: (p) => p.plannedEndOn },
    { header: "completed_on", description: "Abschluss", type: "date", value: (p) => p.completedOn },
    { header: "summary", description: "Zusammenfassung", type: "text", value: (p) => p.summary },
    { header: "page", description: "Seite des Projekts im Hub", type: "url", value: (p) => page(p.slug) },
    {
      header: "sources",
      description: SOURCES_DESCRIPTION,
      type: "text",
      value: (p) => citeSources(p.sources),
    },
    ...addedCityColumns((p: ProjectRecord) => p.municipality),
    {
      header: "status_label",
      description: "Stand des Projekts",
      type: "text",
      value: (p) => PROJECT_STATUS_LABELS[p.status],
    },
    {
      header: "status_as_of",
      description: "Stand laut Quelle: das Datum, für das die Quelle den Stand nennt (JJJJ, JJJJ-MM oder JJJJ-MM-TT)",
      type: "date",
      value: (p) => p.statusAsOf,
    },
    updatedAtCsvColumn((p) => p.updatedAt),
  ];
}

/** `/export/projects.csv` and `/export/projects.json`: published projects with the filters of `projects(filter:)`. */
export const projectExport: RecordExport<ProjectRecord, ProjectFilter> = {
  name: "projects",
  filename: "ikz-projects.csv",
  title: "Projekte",
  description: "Eine Zeile je veröffentlichtem Projekt einer Kommune.",
  entity: Project,
  filter: { read: projectFilterOf, where: projectWhere },
  page: (slug) => `/projekte/${encodeURIComponent(slug)}`,
  load: projectRecords,
  columns: projectColumns,
  json: (project, { page }) => ({
    ...project,
    statusLabel: PROJECT_STATUS_LABELS[project.status],
    page: page(project.slug),
  }),
};
