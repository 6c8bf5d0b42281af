import type { EntityManager } from "@mikro-orm/postgresql";
import { BudgetTotal } from "../budget/budget-total.type.js";
import { unknownValues } from "../common/filters.js";
import { PlainReader, relatedKey } from "../common/plain-rows.js";
import { groupBy, selectRows } from "../common/sql.js";
import type { EngagementRole } from "../engagement/engagement-role.enum.js";
import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { Indicator } from "../indicator/indicator.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { ProjectStatusCount } from "../project/project-status-count.type.js";
import type { ProjectStatus } from "../project/project-status.enum.js";
import { PUBLIC_ONLY } from "../publishing/visibility.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { Topic } from "../topic/topic.entity.js";
import { Comparison, ComparisonCell, ComparisonRow, ProviderRoles } from "./comparison.types.js";
import { coverageOf } from "./coverage.enum.js";

const GERMAN = new Intl.Collator("de");

/** Finds the municipalities by slug, in the given order; unknown slugs are a BAD_USER_INPUT error naming them. */
async function municipalitiesInOrder(em: EntityManager, slugs: readonly string[]): Promise<Municipality[]> {
  const found = await new PlainReader(em).findByKeys(Municipality, "slug", slugs);
  const bySlug = new Map(found.map((municipality) => [municipality.slug, municipality]));
  const unknown = slugs.filter((slug) => !bySlug.has(slug));
  if (unknown.length) throw unknownValues(unknown, "municipalities", "Query `municipalities` for valid slugs.");
  return slugs.map((slug) => bySlug.get(slug)!);
}

/**
 * Builds the topic × municipality matrix of `Query.compare` from published
 * records only, whoever asks: at most five statements however many cities and records
 * (two, the arguments' checks, `withRows` false: for a query that asks no `rows`).
 */
export async function compareMunicipalities(
  em: EntityManager,
  slugs: readonly string[],
  topicKeys: readonly string[] | null | undefined,
  withRows = true,
): Promise<Comparison> {
  const municipalities = await municipalitiesInOrder(em, slugs);
  let requested: Topic[] | null = null;
  if (topicKeys?.length) {
    const found = await new PlainReader(em).findByKeys(Topic, "key", topicKeys);
    const byKey = new Map(found.map((topic) => [topic.key, topic]));
    const unknown = topicKeys.filter((key) => !byKey.has(key));
    if (unknown.length) throw unknownValues(unknown, "topics", "Query `topics` for valid keys.");
    requested = topicKeys.map((key) => byKey.get(key)!);
  }
  if (!withRows) return new Comparison(municipalities, []);
  const cityIds = municipalities.map((m) => m.id);
  const topicFilter = requested ? "and t.topic_id in (?)" : "";
  const topicParams = requested ? [requested.map((t) => t.id)] : [];

  const fieldRows = await selectRows<{ id: number; municipality_id: number; topic_id: number }>(
    em,
    `select f.id, s.municipality_id, t.topic_id
       from public_field_of_action f
       join strategy s on s.id = f.strategy_id
       join field_of_action_topics t on t.field_of_action_id = f.id
      where s.municipality_id in (?) ${topicFilter}`,
    [cityIds, ...topicParams],
  );
  // Id, title and status suffice to fill and order the cells; the cells' resolver loads the projects a query shows.
  const projectRows = await selectRows<{
    id: number;
    municipality_id: number;
    topic_id: number;
    status: ProjectStatus;
    title: string;
  }>(
    em,
    `select p.id, p.municipality_id, t.topic_id, p.status, p.title
       from public_project p
       join project_topics t on t.project_id = p.id
      where p.municipality_id in (?) ${topicFilter}`,
    [cityIds, ...topicParams],
  );

  const topics =
    requested ??
    (await (async () => {
      const ids = [...new Set([...fieldRows, ...projectRows].map((row) => row.topic_id))];
      return new PlainReader(em).findByKeys(Topic, "id", ids, { key: "asc" });
    })());

  const fieldIds = [...new Set(fieldRows.map((row) => row.id))];
  const fields = await new PlainReader(em).findByKeys(FieldOfAction, "id", fieldIds, {
    strategy: "asc",
    position: "asc",
  });
  const fieldById = new Map(fields.map((field) => [field.id, field]));
  const fieldPosition = new Map(fields.map((field, index) => [field.id, index]));

  const key = (topicId: number, municipalityId: number) => `${topicId}:${municipalityId}`;
  const fieldsByCell = groupBy(fieldRows, (row) => key(row.topic_id, row.municipality_id));
  const projectsByCell = groupBy(projectRows, (row) => key(row.topic_id, row.municipality_id));

  const rows = topics.map((topic) => {
    const cells = municipalities.map((municipality) => {
      const cellFields = (fieldsByCell.get(key(topic.id, municipality.id)) ?? [])
        .map((row) => row.id)
        .sort((a, b) => fieldPosition.get(a)! - fieldPosition.get(b)!)
        .map((id) => fieldById.get(id))
        .filter((field): field is FieldOfAction => field !== undefined);
      const cellProjectRows = projectsByCell.get(key(topic.id, municipality.id)) ?? [];
      const cellProjectIds = [...cellProjectRows]
        .sort((a, b) => GERMAN.compare(a.title, b.title) || a.id - b.id)
        .map((row) => row.id);
      const coverage = coverageOf(
        cellFields.length > 0,
        cellProjectRows.map((row) => row.status),
      );
      return new ComparisonCell(municipality, coverage, cellFields, cellProjectIds);
    });
    return new ComparisonRow(topic, cells);
  });
  return new Comparison(municipalities, rows);
}

/** Published strategies per municipality, newest adoption first. */
export async function strategiesOf(
  em: EntityManager,
  municipalityIds: readonly number[],
): Promise<Map<number, Strategy[]>> {
  const strategies = await new PlainReader(em).findByKeys(
    Strategy,
    "municipality",
    municipalityIds,
    { adoptedOn: "desc nulls last", title: "asc", id: "asc" },
    PUBLIC_ONLY,
  );
  return groupBy(strategies, (strategy) => relatedKey(strategy, "municipality") as number);
}

/** Number of published fields of action (of published strategies) per municipality. */
export async function fieldOfActionCounts(
  em: EntityManager,
  municipalityIds: readonly number[],
): Promise<Map<number, number>> {
  const rows = await selectRows<{ municipality_id: number; count: string }>(
    em,
    `select s.municipality_id, count(*) as count
       from public_field_of_action f join strategy s on s.id = f.strategy_id
      where s.municipality_id in (?)
      group by s.municipality_id`,
    [[...municipalityIds]],
  );
  return new Map(rows.map((row) => [row.municipality_id, Number(row.count)]));
}

/** Published projects by status per municipality, statuses in code-point order. */
export async function projectStatusCounts(
  em: EntityManager,
  municipalityIds: readonly number[],
): Promise<Map<number, ProjectStatusCount[]>> {
  const rows = await selectRows<{ municipality_id: number; status: ProjectStatus; count: string }>(
    em,
    `select municipality_id, status, count(*) as count from public_project
      where municipality_id in (?)
      group by municipality_id, status order by municipality_id, status collate "C"`,
    [[...municipalityIds]],
  );
  const grouped = groupBy(rows, (row) => row.municipality_id);
  return new Map(
    [...grouped].map(([id, group]) => [id, group.map((row) => new ProjectStatusCount(row.status, Number(row.count)))]),
  );
}

/** Published budget per year and municipality (lines of published strategies), summed by the database. */
export async function budgetByYear(
  em: EntityManager,
  municipalityIds: readonly number[],
): Promise<Map<number, BudgetTotal[]>> {
  const rows = await selectRows<{ municipality_id: number; year: number; total: string }>(
    em,
    `select s.municipality_id, b.year, sum(b.amount)::text as total
       from public_budget_line b join strategy s on s.id = b.strategy_id
      where s.municipality_id in (?)
      group by s.municipality_id, b.year order by s.municipality_id, b.year`,
    [[...municipalityIds]],
  );
  const grouped = groupBy(rows, (row) => row.municipality_id);
  return new Map(
    [...grouped].map(([id, group]) => [id, group.map((row) => new BudgetTotal(row.year, null, row.total))]),
  );
}

/** Providers with their roles per municipality, from published engagements. */
export async function providerRoles(
  em: EntityManager,
  municipalityIds: readonly number[],
): Promise<Map<number, ProviderRoles[]>> {
  const rows = await selectRows<{ municipality_id: number; provider_id: number; roles: EngagementRole[] }>(
    em,
    `select e.municipality_id, e.provider_id, array_agg(distinct e.role::text order by e.role::text) as roles
       from public_engagement e join provider p on p.id = e.provider_id
      where e.municipality_id in (?)
      group by e.municipality_id, e.provider_id, p.name order by e.municipality_id, p.name, e.provider_id`,
    [[...municipalityIds]],
  );
  const grouped = groupBy(rows, (row) => row.municipality_id);
  return new Map(
    [...grouped].map(([id, group]) => [id, group.map((row) => new ProviderRoles(row.provider_id, row.roles))]),
  );
}

/** Published indicators per municipality (whose strategy, if any, is published too), by date and name. */
export async function indicatorsOf(
  em: EntityManager,
  municipalityIds: readonly number[],
): Promise<Map<number, Indicator[]>> {
  const indicators = await new PlainReader(em).findByKeys(
    Indicator,
    "municipality",
    municipalityIds,
    { asOf: "asc nulls last", name: "asc", id: "asc" },
    PUBLIC_ONLY,
  );
  return groupBy(indicators, (indicator) => relatedKey(indicator, "municipality") as number);
}
