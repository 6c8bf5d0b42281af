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

const GERMAN = new Intl.Collator("de");
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
    .map((source) => ({ title: source.title, publisher: source.publisher, publishedOn: source.publishedOn, url: source.url }));
}

const byName = (a: { name: string }, b: { name: string }) => GERMAN.compare(a.name, b.name);

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
 * reads ids only (the database sorts; the hub holds at most `limit + 1` numbers),
 * and one more for the sort key of the page's last row when another page follows.
 */
async function pageIds(em: EntityManager, entity: Listed, where: FilterQuery<Project | Strategy>, page: ExportPage): Promise<ExportPageIds> {
  const rows = (await em.find(entity as typeof Project, { $and: [where, { publicationState: PUBLISHED }, keyset(page.after)] } as never, {
    fields: ["id"] as never,
    orderBy: [{ municipality: { name: "asc" } }, { title: "asc" }, { slug: "asc" }] as never,
    limit: page.limit + 1,
    disableIdentityMap: true,
  })) as { id: number }[];
  const ids = rows.slice(0, page.limit).map((row) => row.id);
  if (rows.length <= page.limit) return { ids, next: null };
  const last = (await em.findOneOrFail(entity as typeof Project, { id: ids.at(-1) } as never, {
    fields: ["title", "slug", "municipality.name"] as never,
    populate: ["municipality"] as never,
    disableIdentityMap: true,
  })) as Project | Strategy;
  return { ids, next: { municipality: last.municipality.getEntity().name, title: last.title, slug: last.slug } };
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

/**
 * The export records of a batch of projects, in the order of `ids`, with what an
 * analyst needs in one row. Relations are read with one statement each (not one
 * join of all of them, whose rows multiply), on `em`, which the caller discards
 * after the batch.
 */
export async function projectRecords(em: EntityManager, ids: readonly number[]): Promise<ProjectRecord[]> {
  const projects = await em.find(Project, { id: { $in: [...ids] }, publicationState: PUBLISHED } as never, {
    populate: ["municipality", "strategy", "topics", "providers", "products", "sources"] as never,
    strategy: LoadStrategy.SELECT_IN,
  });
  return inPageOrder(projects, ids).map((project): ProjectRecord => {
    const municipality = project.municipality.getEntity();
    // Whether or not the populate loaded a strategy the public may not see, only a published one is named.
    const strategy = project.strategy?.isInitialized() ? project.strategy.unwrap() : null;
    return {
      slug: project.slug,
      title: project.title,
      summary: project.summary,
      status: project.status,
      municipality: { slug: municipality.slug, name: municipality.name, state: municipality.state },
      strategy: strategy && strategy.publicationState === PUBLISHED ? strategy.title : null,
      topics: project.topics.getItems().map((topic) => topic.key).sort(),
      providers: project.providers.getItems().sort(byName).map(({ slug, name }) => ({ slug, name })),
      products: project.products.getItems().sort(byName).map(({ slug, name }) => ({ slug, name })),
      startedOn: project.startedOn,
      plannedEndOn: project.plannedEndOn,
      completedOn: project.completedOn,
      sources: sourceRecords(project.sources.getItems()),
    };
  });
}

/** One page of the published strategies that match a filter (the same as `strategies(filter:)`), in export order. */
export async function strategyPage(em: EntityManager, filter: StrategyFilter, page: ExportPage): Promise<ExportPageIds> {
  return pageIds(em, Strategy, (await strategyWhere(em, filter)) as FilterQuery<Project | Strategy>, page);
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
    ? await selectRows<{ strategy_id: number; fields: number; topics: string[]; budget: string | null }>(
        em,
        `select s.id as strategy_id,
                (select count(*)::int from field_of_action f where f.strategy_id = s.id and f.publication_state = 'PUBLISHED') as fields,
                coalesce((select array_agg(distinct t.key::text order by t.key::text) from field_of_action f
                            join field_of_action_topics ft on ft.field_of_action_id = f.id join topic t on t.id = ft.topic_id
                           where f.strategy_id = s.id and f.publication_state = 'PUBLISHED'), '{}') as topics,
                (select sum(b.amount)::text from budget_line b where b.strategy_id = s.id and b.publication_state = 'PUBLISHED') as budget
           from strategy s where s.id in (?)`,
        [found],
      )
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
