import { type FilterQuery, LoadStrategy } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { groupBy, selectRows } from "../../schema/common/sql.js";
import type { State } from "../../schema/municipality/state.enum.js";
import type { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import type { ProjectFilter } from "../../schema/project/project.inputs.js";
import { projectWhere } from "../../schema/project/project.service.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import type { Source } from "../../schema/source/source.entity.js";
import type { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";
import { Strategy } from "../../schema/strategy/strategy.entity.js";
import type { StrategyFilter } from "../../schema/strategy/strategy.inputs.js";
import { strategyWhere } from "../../schema/strategy/strategy.service.js";
import type { ExportCursor } from "./export.cursor.js";
import type { ExportPage } from "./export.params.js";

const PUBLISHED = PublicationState.PUBLISHED;

/** A source as exports cite it. */
export interface SourceRecord {
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
}

/** A municipality as exports name it. */
export interface MunicipalityRecord {
  slug: string;
  name: string;
  state: State;
}

/** One exported project. */
export interface ProjectRecord {
  slug: string;
  title: string;
  summary: string;
  status: ProjectStatus;
  municipality: MunicipalityRecord;
  strategy: string | null;
  topics: string[];
  providers: { slug: string; name: string }[];
  products: { slug: string; name: string }[];
  startedOn: string | null;
  plannedEndOn: string | null;
  completedOn: string | null;
  sources: SourceRecord[];
}

/** One exported strategy. */
export interface StrategyRecord {
  slug: string;
  title: string;
  status: StrategyStatus;
  municipality: MunicipalityRecord;
  presentedOn: string | null;
  adoptedOn: string | null;
  horizon: number | null;
  fieldsOfAction: number;
  topics: string[];
  /** Sum of the published budget lines, exact decimal string; null without any. */
  budgetTotal: string | null;
  sources: SourceRecord[];
}

function sourceRecords(sources: Iterable<Source>): SourceRecord[] {
  return [...sources]
    .filter((source) => source.publicationState === PUBLISHED)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((source) => ({
      title: source.title,
      publisher: source.publisher,
      publishedOn: source.publishedOn,
      url: source.url,
    }));
}

/** One page of an export: the ids of its rows in export order, and where the next page starts (null on the last). */
export interface ExportPageIds {
  ids: number[];
  next: ExportCursor | null;
}

type Listed = typeof Project | typeof Strategy;

/** Rows after `after` in export order: municipality name, then title (both German collation), then slug. */
function keyset(after: ExportCursor | null): FilterQuery<Project | Strategy> {
  if (!after) return {};
  const { municipality, title, slug } = after;
  return {
    $or: [
      { municipality: { name: { $gt: municipality } } },
      { municipality: { name: municipality }, title: { $gt: title } },
      { municipality: { name: municipality }, title, slug: { $gt: slug } },
    ],
  } as FilterQuery<Project | Strategy>;
}

/**
 * Picks one page of published records in export order with one statement that
 * reads ids only (the database sorts; the hub holds at most `limit + 1` numbers,
 * as plain rows rather than entities), and one more for the sort key of the
 * page's last row when another page follows.
 */
async function pageIds(
  em: EntityManager,
  entity: Listed,
  where: FilterQuery<Project | Strategy>,
  page: ExportPage,
): Promise<ExportPageIds> {
  const qb = em
    .createQueryBuilder(entity as typeof Project, "e")
    .select("e.id")
    .where({ $and: [where, { publicationState: PUBLISHED }, keyset(page.after)] } as never)
    .orderBy([{ municipality: { name: "asc" } }, { title: "asc" }, { slug: "asc" }] as never)
    .limit(page.limit + 1);
  // Query builders skip the ORM's filters unless told; the filter conditions (municipalities, topics, providers) name no filtered entity.
  await qb.applyFilters();
  const rows = await qb.execute<{ id: number }[]>("all", false);
  const ids = rows.slice(0, page.limit).map((row) => row.id);
  if (rows.length <= page.limit) return { ids, next: null };
  const [last] = await selectRows<ExportCursor>(
    em,
    `select m.name as municipality, e.title, e.slug from ${entity === Project ? "project" : "strategy"} e join municipality m on m.id = e.municipality_id where e.id = ?`,
    [ids.at(-1)],
  );
  return { ids, next: last };
}

/** Orders loaded records as their ids are ordered in the page. */
function inPageOrder<T extends { id: number }>(records: readonly T[], ids: readonly number[]): T[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of the published projects that match a filter (the same as
 * `projects(filter:)`), in export order. Unknown slugs or keys in the filter are a
 * BAD_USER_INPUT GraphQLError.
 */
export async function projectPage(em: EntityManager, filter: ProjectFilter, page: ExportPage): Promise<ExportPageIds> {
  return pageIds(em, Project, (await projectWhere(em, filter)) as FilterQuery<Project | Strategy>, page);
}

/** A project row as the batch statement gives it. */
interface ProjectRow extends Omit<ProjectRecord, "municipality"> {
  id: number;
  municipality_slug: string;
  municipality_name: string;
  municipality_state: State;
}

/**
 * One row per published project, relations aggregated by the database, so that a
 * batch is one statement and no entities: hydrating 500 projects with six
 * relations through the ORM took about half a second of the hub's only thread.
 * Published strategies and sources only, as the public sees them; names in German
 * order (their columns' collation), keys in code-point order.
 */
const PROJECT_BATCH_SQL = `
  select p.id, p.slug, p.title, p.summary, p.status,
         p.started_on as "startedOn", p.planned_end_on as "plannedEndOn", p.completed_on as "completedOn",
         m.slug as municipality_slug, m.name as municipality_name, m.state as municipality_state,
         (select s.title from public_strategy s where s.id = p.strategy_id) as strategy,
         coalesce((select array_agg(t.key::text order by t.key collate "C") from project_topics pt join topic t on t.id = pt.topic_id
                    where pt.project_id = p.id), '{}') as topics,
         coalesce((select json_agg(json_build_object('slug', v.slug, 'name', v.name) order by v.name, v.slug) from project_providers pv
                     join provider v on v.id = pv.provider_id where pv.project_id = p.id), '[]') as providers,
         coalesce((select json_agg(json_build_object('slug', d.slug, 'name', d.name) order by d.name, d.slug) from project_products pd
                     join product d on d.id = pd.product_id where pd.project_id = p.id), '[]') as products,
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
    municipality: { slug: row.municipality_slug, name: row.municipality_name, state: row.municipality_state },
    strategy: row.strategy,
    topics: row.topics,
    providers: row.providers,
    products: row.products,
    startedOn: row.startedOn,
    plannedEndOn: row.plannedEndOn,
    completedOn: row.completedOn,
    sources: row.sources,
  }));
}

/** One page of the published strategies that match a filter (the same as `strategies(filter:)`), in export order. */
export async function strategyPage(
  em: EntityManager,
  filter: StrategyFilter,
  page: ExportPage,
): Promise<ExportPageIds> {
  return pageIds(em, Strategy, (await strategyWhere(em, filter)) as FilterQuery<Project | Strategy>, page);
}

/**
 * Per strategy of a batch (`?` four times: the batch's ids), its public fields of action,
 * their topics and its public budget total. Grouped once per figure rather than
 * counted per strategy: each per-strategy count through a view would check the
 * strategy's state again, once per strategy.
 */
const STRATEGY_FIGURES_SQL = `
  select s.id as strategy_id, coalesce(fa.fields, 0) as fields, coalesce(ta.topics, '{}') as topics, ba.budget
    from strategy s
    left join (select f.strategy_id, count(*)::int as fields from public_field_of_action f
                where f.strategy_id in (?) group by f.strategy_id) fa on fa.strategy_id = s.id
    left join (select f.strategy_id, array_agg(distinct t.key::text order by t.key::text) as topics
                 from public_field_of_action f
                 join field_of_action_topics ft on ft.field_of_action_id = f.id join topic t on t.id = ft.topic_id
                where f.strategy_id in (?) group by f.strategy_id) ta on ta.strategy_id = s.id
    left join (select b.strategy_id, sum(b.amount)::text as budget from public_budget_line b
                where b.strategy_id in (?) group by b.strategy_id) ba on ba.strategy_id = s.id
   where s.id in (?)`;

/** A row of `STRATEGY_FIGURES_SQL`. */
interface StrategyFigures {
  strategy_id: number;
  fields: number;
  topics: string[];
  budget: string | null;
}

/**
 * The export records of a batch of strategies, in the order of `ids`, with counts
 * of their published fields of action and their budget total, summed by the database.
 */
export async function strategyRecords(em: EntityManager, ids: readonly number[]): Promise<StrategyRecord[]> {
  const strategies = await em.find(Strategy, { id: { $in: [...ids] }, publicationState: PUBLISHED } as never, {
    populate: ["municipality", "sources"] as never,
    strategy: LoadStrategy.SELECT_IN,
  });
  const found = strategies.map((strategy) => strategy.id);
  const figures = found.length
    ? await selectRows<StrategyFigures>(em, STRATEGY_FIGURES_SQL, [found, found, found, found])
    : [];
  const byStrategy = groupBy(figures, (row) => row.strategy_id);
  return inPageOrder(strategies, ids).map((strategy): StrategyRecord => {
    const municipality = strategy.municipality.getEntity();
    const figure = byStrategy.get(strategy.id)?.[0];
    return {
      slug: strategy.slug,
      title: strategy.title,
      status: strategy.status,
      municipality: { slug: municipality.slug, name: municipality.name, state: municipality.state },
      presentedOn: strategy.presentedOn,
      adoptedOn: strategy.adoptedOn,
      horizon: strategy.horizon,
      fieldsOfAction: figure?.fields ?? 0,
      topics: figure?.topics ?? [],
      budgetTotal: figure?.budget ?? null,
      sources: sourceRecords(strategy.sources.getItems()),
    };
  });
}
