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

/**
 * The published projects that match a filter (the same as `projects(filter:)`),
 * by municipality and title, with what an analyst needs in one row. Unknown slugs
 * or keys in the filter are a BAD_USER_INPUT GraphQLError.
 */
export async function exportProjects(em: EntityManager, filter: ProjectFilter): Promise<ProjectRecord[]> {
  const where = await projectWhere(em, filter);
  const projects = await em.find(Project, { $and: [where, { publicationState: PUBLISHED }] } as never, {
    populate: ["municipality", "strategy", "topics", "providers", "products", "sources"] as never,
  });
  return projects
    .map((project): ProjectRecord => {
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
    })
    .sort((a, b) => GERMAN.compare(a.municipality.name, b.municipality.name) || GERMAN.compare(a.title, b.title) || (a.slug < b.slug ? -1 : 1));
}

/**
 * The published strategies that match a filter (the same as `strategies(filter:)`),
 * with counts of their published fields of action and their budget total, summed
 * by the database.
 */
export async function exportStrategies(em: EntityManager, filter: StrategyFilter): Promise<StrategyRecord[]> {
  const where = await strategyWhere(em, filter);
  const strategies = await em.find(Strategy, { $and: [where, { publicationState: PUBLISHED }] } as never, {
    populate: ["municipality", "sources"] as never,
  });
  const ids = strategies.map((strategy) => strategy.id);
  const figures = ids.length
    ? await selectRows<{ strategy_id: number; fields: number; topics: string[]; budget: string | null }>(
        em,
        `select s.id as strategy_id,
                (select count(*)::int from field_of_action f where f.strategy_id = s.id and f.publication_state = 'PUBLISHED') as fields,
                coalesce((select array_agg(distinct t.key::text order by t.key::text) from field_of_action f
                            join field_of_action_topics ft on ft.field_of_action_id = f.id join topic t on t.id = ft.topic_id
                           where f.strategy_id = s.id and f.publication_state = 'PUBLISHED'), '{}') as topics,
                (select sum(b.amount)::text from budget_line b where b.strategy_id = s.id and b.publication_state = 'PUBLISHED') as budget
           from strategy s where s.id in (?)`,
        [ids],
      )
    : [];
  const byStrategy = groupBy(figures, (row) => row.strategy_id);
  return strategies
    .map((strategy): StrategyRecord => {
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
    })
    .sort((a, b) => GERMAN.compare(a.municipality.name, b.municipality.name) || GERMAN.compare(a.title, b.title) || (a.slug < b.slug ? -1 : 1));
}
