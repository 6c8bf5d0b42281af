import { LoadStrategy } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { inPageOrder } from "../common/export/paging.js";
import { enumListParam, type ExportQuery, listParam, onlyKnownParams, PAGE_PARAMS } from "../common/export/params.js";
import {
  addedCityColumns,
  citeSources,
  type CsvColumn,
  germanDecimal,
  type MunicipalityRecord,
  type RecordExport,
  type SourceRecord,
  SOURCES_DESCRIPTION,
  updatedAtCsvColumn,
} from "../common/export/record-export.js";
import { groupBy, selectRows } from "../common/sql.js";
import { State } from "../municipality/state.enum.js";
import { VISIBILITY_FILTER } from "../publishing/visibility.js";
import { PublicationState } from "../publishing/publication-state.enum.js";
import type { Source } from "../source/source.entity.js";
import { STRATEGY_STATUS_LABELS, StrategyStatus } from "./strategy-status.enum.js";
import { Strategy } from "./strategy.entity.js";
import type { StrategyFilter } from "./strategy.inputs.js";
import { strategyWhere } from "./strategy.service.js";

const PUBLISHED = PublicationState.PUBLISHED;

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
  /** When the strategy last changed in the hub (ISO 8601, UTC). */
  updatedAt: string;
}

const STRATEGY_PARAMS = ["municipalities", "states", "topics", "statuses", ...PAGE_PARAMS];

/** The strategy filter of `/export/strategies.*`: the same criteria as `strategies(filter:)`. */
export function strategyFilterOf(query: ExportQuery): StrategyFilter {
  onlyKnownParams(query, STRATEGY_PARAMS);
  return {
    municipalities: listParam(query, "municipalities"),
    states: enumListParam(query, "states", State),
    topics: listParam(query, "topics"),
    statuses: enumListParam(query, "statuses", StrategyStatus),
  };
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
  const strategies = await em.find(Strategy, { id: { $in: [...ids] } } as never, {
    populate: ["municipality", "sources"] as never,
    strategy: LoadStrategy.SELECT_IN,
    // Published strategies and sources, whoever asks: the visibility filter states what the public reads.
    filters: { [VISIBILITY_FILTER]: { scope: "public" } },
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
      municipality: {
        slug: municipality.slug,
        name: municipality.name,
        state: municipality.state,
        officialKey: municipality.officialKey,
      },
      presentedOn: strategy.presentedOn,
      adoptedOn: strategy.adoptedOn,
      horizon: strategy.horizon,
      fieldsOfAction: figure?.fields ?? 0,
      topics: figure?.topics ?? [],
      budgetTotal: figure?.budget ?? null,
      sources: sourceRecords(strategy.sources.getItems()),
      updatedAt: strategy.updatedAt.toISOString(),
    };
  });
}

/** The CSV columns: the first twelve as since the first export, the later ones appended. */
const STRATEGY_COLUMNS: CsvColumn<StrategyRecord>[] = [
  { header: "slug", description: "Kurzname der Strategie im Hub", type: "code", value: (s) => s.slug },
  { header: "title", description: "Titel der Strategie", type: "text", value: (s) => s.title },
  { header: "municipality", description: "Name der Kommune", type: "text", value: (s) => s.municipality.name },
  { header: "state", description: "Land der Kommune (Code)", type: "code", value: (s) => s.municipality.state },
  { header: "status", description: "Stand der Strategie (Code)", type: "code", value: (s) => s.status },
  { header: "presented_on", description: "Vorgestellt am", type: "date", value: (s) => s.presentedOn },
  { header: "adopted_on", description: "Beschlossen am (oder in Kraft seit)", type: "date", value: (s) => s.adoptedOn },
  { header: "horizon", description: "Zieljahr der Strategie", type: "integer", value: (s) => s.horizon },
  {
    header: "fields_of_action",
    description: "Zahl der veröffentlichten Handlungsfelder",
    type: "integer",
    value: (s) => s.fieldsOfAction,
  },
  {
    header: "topics",
    description: "Themen der Handlungsfelder (Schlüssel der Themenliste)",
    type: "list",
    value: (s) => s.topics.join(", "),
  },
  {
    header: "budget_total_eur",
    description: "Summe der veröffentlichten Haushaltsposten in Euro",
    type: "amount",
    value: (s) => germanDecimal(s.budgetTotal),
  },
  {
    header: "sources",
    description: SOURCES_DESCRIPTION,
    type: "text",
    value: (s) => citeSources(s.sources),
  },
  ...addedCityColumns((s: StrategyRecord) => s.municipality),
  {
    header: "status_label",
    description: "Stand der Strategie",
    type: "text",
    value: (s) => STRATEGY_STATUS_LABELS[s.status],
  },
  updatedAtCsvColumn((s) => s.updatedAt),
];

/** `/export/strategies.csv` and `/export/strategies.json`: published strategies with the filters of `strategies(filter:)`. */
export const strategyExport: RecordExport<StrategyRecord, StrategyFilter> = {
  name: "strategies",
  filename: "ikz-strategies.csv",
  title: "Strategien",
  description: "Eine Zeile je veröffentlichter Digitalisierungsstrategie einer Kommune.",
  entity: Strategy,
  filter: { read: strategyFilterOf, where: strategyWhere },
  load: strategyRecords,
  columns: () => STRATEGY_COLUMNS,
  json: (strategy) => ({ ...strategy, statusLabel: STRATEGY_STATUS_LABELS[strategy.status] }),
};
