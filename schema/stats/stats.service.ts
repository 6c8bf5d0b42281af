import type { EntityManager } from "@mikro-orm/postgresql";
import type { BudgetCategory } from "../budget/budget-category.enum.js";
import { BudgetTotal } from "../budget/budget-total.type.js";
import { given } from "../common/filters.js";
import { selectRows } from "../common/sql.js";
import type { EngagementRole } from "../engagement/engagement-role.enum.js";
import type { State } from "../municipality/state.enum.js";
import { ProjectStatusCount } from "../project/project-status-count.type.js";
import type { ProjectStatus } from "../project/project-status.enum.js";
import { Project } from "../project/project.entity.js";
import type { ProviderKind } from "../provider/provider-kind.enum.js";
import { VISIBILITY_FILTER } from "../publishing/visibility.js";
import { AdoptionYearCount, ProviderCoverage, ProviderShare, type Stats, TopicStateCount } from "./stats.types.js";

/** A SQL fragment with its `?` bindings. */
interface Fragment {
  sql: string;
  bindings: unknown[];
}

/**
 * `select id[, <properties>] from project where <filter> and public` (the visibility filter's public condition), as a
 * subquery. The count by status reads the status from it rather than joining `project` again by id, which made
 * PostgreSQL join all 480,000 public projects to themselves at national scale (1.4 s, now 0.17 s; issue 18).
 */
async function publishedProjectIds(em: EntityManager, stats: Stats, properties: "status"[] = []): Promise<Fragment> {
  const qb = em
    .createQueryBuilder(Project, "p")
    .select(["p.id", ...properties.map((property) => `p.${property}`)])
    .where(stats.projectWhere as never);
  await qb.applyFilters({ [VISIBILITY_FILTER]: { scope: "public" } });
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  return { sql, bindings: [...bindings] };
}

/** `select id from municipality where <municipalities and states of the filter>`, as a subquery. */
function municipalityScope(stats: Stats): Fragment {
  const conditions = ["true"];
  const bindings: unknown[] = [];
  if (given(stats.filter?.municipalities)) {
    conditions.push("slug in (?)");
    bindings.push(stats.filter.municipalities);
  }
  if (given(stats.filter?.states)) {
    conditions.push("state in (?)");
    bindings.push(stats.filter.states);
  }
  return { sql: `select id, state, population from municipality where ${conditions.join(" and ")}`, bindings };
}

/** A condition on strategy `s`: it has a published field of action on one of the filter's topics (none without a topic filter). */
function strategyTopicCondition(stats: Stats): Fragment {
  if (!given(stats.filter?.topics)) return { sql: "", bindings: [] };
  return {
    sql: `and exists (select 1 from public_field_of_action f
                        join field_of_action_topics ft on ft.field_of_action_id = f.id join topic t on t.id = ft.topic_id
                       where f.strategy_id = s.id and t.key in (?))`,
    bindings: [stats.filter.topics],
  };
}

/** The project filter's criteria, by name. */
type Criterion = "municipalities" | "states" | "topics" | "statuses" | "providers";

/**
 * The criteria the filter gives (non-empty), when all of them are among `supported`; else null. A summary table
 * (migration StatsSummaries) answers a figure only for filters made of the criteria it is keyed by.
 */
function summaryCriteria(stats: Stats, supported: readonly Criterion[]): Set<Criterion> | null {
  const criteria: Criterion[] = ["municipalities", "states", "topics", "statuses", "providers"];
  const present = criteria.filter((criterion) => given(stats.filter?.[criterion]));
  return present.every((criterion) => supported.includes(criterion)) ? new Set(present) : null;
}

/** `and <column> in (?)` for each given criterion, with its bindings. */
function summaryConditions(stats: Stats, columns: Partial<Record<Criterion, string>>): Fragment {
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  for (const [criterion, column] of Object.entries(columns) as [Criterion, string][]) {
    if (!given(stats.filter?.[criterion])) continue;
    conditions.push(`and ${column} in (?)`);
    bindings.push(stats.filter[criterion]);
  }
  return { sql: conditions.join(" "), bindings };
}

/**
 * Published projects by state and status (from the summary kept by triggers), when the filter names no more than
 * states and statuses; else null.
 */
async function summaryByStateAndStatus(
  em: EntityManager,
  stats: Stats,
): Promise<{ state: State; status: ProjectStatus; count: number }[] | null> {
  if (!summaryCriteria(stats, ["states", "statuses"])) return null;
  const where = summaryConditions(stats, { states: "state", statuses: "status" });
  return selectRows(em, `select state, status, count from stats_project_state_status where true ${where.sql}`, [
    ...where.bindings,
  ]);
}

/** Number of published projects that match the filter. */
export async function projectCount(em: EntityManager, stats: Stats): Promise<number> {
  const summary = await summaryByStateAndStatus(em, stats);
  if (summary) return summary.reduce((sum, row) => sum + row.count, 0);
  const ids = await publishedProjectIds(em, stats);
  const [row] = await selectRows<{ count: number }>(
    em,
    `select count(*)::int as count from (${ids.sql}) as matching`,
    ids.bindings,
  );
  return row.count;
}

/**
 * Published projects by topic and state; with a topic filter, only the filter's topics. Read from the summary kept
 * by triggers when the filter names no more than states and topics (a project counts once under each of its
 * topics either way); else aggregated over the matching projects' topics.
 */
export async function projectsByTopicAndState(em: EntityManager, stats: Stats): Promise<TopicStateCount[]> {
  const rows = summaryCriteria(stats, ["states", "topics"])
    ? await topicStateSummary(em, stats)
    : await topicStateAggregate(em, stats);
  return rows.map((row) => new TopicStateCount(row.topic_id, row.state, row.count));
}

/** Published projects that match the filter by topic and state, aggregated over their topics. */
async function topicStateAggregate(em: EntityManager, stats: Stats) {
  const ids = await publishedProjectIds(em, stats);
  const onlyTopics = given(stats.filter?.topics);
  return selectRows<{ topic_id: number; state: State; count: number }>(
    em,
    `select t.id as topic_id, m.state, count(*)::int as count
       from project p
       join project_topics pt on pt.project_id = p.id
       join topic t on t.id = pt.topic_id
       join municipality m on m.id = p.municipality_id
      where p.id in (${ids.sql}) ${onlyTopics ? "and t.key in (?)" : ""}
      group by t.id, t.key, m.state
      order by t.key, m.state collate "C"`,
    [...ids.bindings, ...(onlyTopics ? [stats.filter!.topics] : [])],
  );
}

/** The summary's published projects by topic and state, narrowed by the filter's states and topics. */
function topicStateSummary(em: EntityManager, stats: Stats) {
  const where = summaryConditions(stats, { states: "s.state", topics: "t.key" });
  return selectRows<{ topic_id: number; state: State; count: number }>(
    em,
    `select s.topic_id, s.state, s.count from stats_project_topic_state s join topic t on t.id = s.topic_id
      where true ${where.sql} order by t.key, s.state collate "C"`,
    where.bindings,
  );
}

/** Published projects by status. */
export async function projectsByStatus(em: EntityManager, stats: Stats): Promise<ProjectStatusCount[]> {
  const summary = await summaryByStateAndStatus(em, stats);
  if (summary) {
    const byStatus = new Map<ProjectStatus, number>();
    for (const row of summary) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
    return [...byStatus]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([status, count]) => new ProjectStatusCount(status, count));
  }
  const ids = await publishedProjectIds(em, stats, ["status"]);
  const rows = await selectRows<{ status: ProjectStatus; count: number }>(
    em,
    `select p.status, count(*)::int as count from (${ids.sql}) as p group by p.status order by p.status collate "C"`,
    ids.bindings,
  );
  return rows.map((row) => new ProjectStatusCount(row.status, row.count));
}

/** Which providers and engagements a provider figure counts (`ProviderFigureArgs`). */
export interface ProviderFigureFilter {
  providerKinds?: readonly ProviderKind[] | null;
  roles?: readonly EngagementRole[] | null;
}

/** `select distinct provider_id, municipality_id from <published engagements of the filter's providers, kinds and roles>`. */
function servedPairs(stats: Stats, { providerKinds, roles }: ProviderFigureFilter): Fragment {
  const conditions = ["true"];
  const bindings: unknown[] = [];
  for (const [condition, values] of [
    ["v.slug in (?)", stats.filter?.providers],
    ["v.kind in (?)", providerKinds],
    ["e.role in (?)", roles],
  ] as const) {
    if (!given(values)) continue;
    conditions.push(condition);
    bindings.push(values);
  }
  return {
    sql: `select distinct e.provider_id, e.municipality_id
            from public_engagement e join provider v on v.id = e.provider_id
           where ${conditions.join(" and ")}`,
    bindings,
  };
}

/**
 * Each provider's coverage of the hub's municipalities per state (published engagements), by state, then most
 * served first. The population-weighted share is given only where every municipality of the denominator has a
 * population: a share over the known ones only would be a guess.
 */
export async function providerCoverage(
  em: EntityManager,
  stats: Stats,
  filter: ProviderFigureFilter,
): Promise<ProviderCoverage[]> {
  const scope = municipalityScope(stats);
  const served = servedPairs(stats, filter);
  const rows = await selectRows<{
    provider_id: number;
    state: State;
    served: number;
    municipalities: number;
    share: number;
    without_population: number;
    served_population: number | null;
    population: number | null;
    population_share: number | null;
  }>(
    em,
    `with scope as (${scope.sql}),
          totals as (select state, count(*)::int as municipalities, count(*) - count(population) as without_population,
                            sum(population)::int as population
                       from scope group by state),
          served as (
            select s.provider_id, m.state, count(*)::int as served, sum(m.population)::int as served_population
              from (${served.sql}) as s join scope m on m.id = s.municipality_id
             group by s.provider_id, m.state)
     select c.provider_id, c.state, c.served, t.municipalities,
            round(c.served::numeric / t.municipalities, 4)::float8 as share,
            t.without_population::int, c.served_population, t.population,
            round(c.served_population::numeric / nullif(t.population, 0), 4)::float8 as population_share
       from served c join totals t on t.state = c.state join provider v on v.id = c.provider_id
      order by c.state collate "C", c.served desc, v.name, c.provider_id`,
    [...scope.bindings, ...served.bindings],
  );
  return rows.map((row) => new ProviderCoverage({ ...coverageCounts(row), ...populationCoverage(row) }));
}

/** The counts of a coverage row. */
function coverageCounts(row: {
  provider_id: number;
  state: State;
  served: number;
  municipalities: number;
  share: number;
}) {
  return {
    providerId: row.provider_id,
    state: row.state,
    servedMunicipalities: row.served,
    hubMunicipalities: row.municipalities,
    coverageShare: row.share,
  };
}

/** The population-weighted figures of a coverage row, or nulls and the reason when a population is missing. */
function populationCoverage(row: {
  municipalities: number;
  without_population: number;
  served_population: number | null;
  population: number | null;
  population_share: number | null;
}) {
  if (row.without_population > 0 || row.population_share === null) {
    return {
      servedPopulation: null,
      hubPopulation: null,
      populationCoverageShare: null,
      populationCoverageNote:
        row.without_population > 0
          ? `${row.without_population} of the ${row.municipalities} municipalities in the denominator have no population in the hub.`
          : "The municipalities in the denominator have no population in total.",
    };
  }
  return {
    servedPopulation: row.served_population,
    hubPopulation: row.population,
    populationCoverageShare: row.population_share,
    populationCoverageNote: null,
  };
}

/** Providers by client municipalities per state: the counts of `providerCoverage` under their old names. */
export async function providersByClients(
  em: EntityManager,
  stats: Stats,
  filter: ProviderFigureFilter,
): Promise<ProviderShare[]> {
  return (await providerCoverage(em, stats, filter)).map((coverage) => new ProviderShare(coverage));
}

/** Published strategies by year of adoption, oldest first, those without a year last. */
export async function strategiesByAdoptionYear(em: EntityManager, stats: Stats): Promise<AdoptionYearCount[]> {
  const scope = municipalityScope(stats);
  const topics = strategyTopicCondition(stats);
  const rows = await selectRows<{ year: number | null; count: number }>(
    em,
    `select substring(s.adopted_on from 1 for 4)::int as year, count(*)::int as count
       from public_strategy s
      where s.municipality_id in (select id from (${scope.sql}) as scope) ${topics.sql}
      group by 1 order by 1 nulls last`,
    [...scope.bindings, ...topics.bindings],
  );
  return rows.map((row) => new AdoptionYearCount(row.year, row.count));
}

/** Published budget lines of published strategies, summed by year and category. */
export async function budgetByYearAndCategory(em: EntityManager, stats: Stats): Promise<BudgetTotal[]> {
  const scope = municipalityScope(stats);
  const topics = strategyTopicCondition(stats);
  const rows = await selectRows<{ year: number; category: BudgetCategory; total: string }>(
    em,
    `select b.year, b.category, sum(b.amount)::text as total
       from public_budget_line b join strategy s on s.id = b.strategy_id
      where s.municipality_id in (select id from (${scope.sql}) as scope) ${topics.sql}
      group by b.year, b.category order by b.year, b.category collate "C"`,
    [...scope.bindings, ...topics.bindings],
  );
  return rows.map((row) => new BudgetTotal(row.year, row.category, row.total));
}
