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
import { State } from "../municipality/state.enum.js";
import { STRATEGY_STATUS_LABELS, StrategyStatus } from "./strategy-status.enum.js";
import { Strategy } from "./strategy.entity.js";
import type { StrategyFilter } from "./strategy.inputs.js";
import { strategyWhere } from "./strategy.service.js";
import { selectRows } from "../common/sql.js";
import { isoTimestamp } from "../common/export/table-export.js";

/** One exported strategy. */
export interface StrategyRecord {
  slug: string;
  title: string;
  status: StrategyStatus;
  /** The date the status is valid for according to its source ("Stand laut Quelle"). */
  statusAsOf: string | null;
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

/**
 * One row per published strategy of a batch (`?` four times: the batch's ids), with its city, its public fields of
 * action, their topics, its public budget total and its published sources: one statement, no entities. The figures
 * are grouped once per figure rather than counted per strategy: each per-strategy count through a view would check
 * the strategy's state again, once per strategy.
 * `status_as_of` is read from the table: the view `public_…` names the columns its table had when it was made.
 */
const STRATEGY_BATCH_SQL = `
  select s.id, s.slug, s.title, s.status, (select x.status_as_of from strategy x where x.id = s.id) as "statusAsOf", s.presented_on as "presentedOn", s.adopted_on as "adoptedOn", s.horizon,
         json_build_object('slug', m.slug, 'name', m.name, 'state', m.state, 'officialKey', m.official_key) as municipality,
         coalesce(fa.fields, 0) as "fieldsOfAction", coalesce(ta.topics, '{}') as topics, ba.budget as "budgetTotal",
         coalesce((select json_agg(json_build_object('title', v.title, 'publisher', v.publisher, 'publishedOn', v.published_on,
                                   'url', v.url) order by v.key collate "C")
                     from strategy_sources ss join public_source v on v.id = ss.source_id
                    where ss.strategy_id = s.id), '[]') as sources,
         ${isoTimestamp("s.updated_at")} as "updatedAt"
    from public_strategy s join municipality m on m.id = s.municipality_id
    left join (select f.strategy_id, count(*)::int as fields from public_field_of_action f
                where f.strategy_id in (?) group by f.strategy_id) fa on fa.strategy_id = s.id
    left join (select f.strategy_id, array_agg(distinct t.key::text order by t.key::text) as topics
                 from public_field_of_action f
                 join field_of_action_topics ft on ft.field_of_action_id = f.id join topic t on t.id = ft.topic_id
                where f.strategy_id in (?) group by f.strategy_id) ta on ta.strategy_id = s.id
    left join (select b.strategy_id, sum(b.amount)::text as budget from public_budget_line b
                where b.strategy_id in (?) group by b.strategy_id) ba on ba.strategy_id = s.id
   where s.id in (?)`;

/**
 * The export records of a batch of strategies, in the order of `ids`, with counts of their published fields of
 * action and their budget total, summed by the database: one statement.
 */
export async function strategyRecords(em: EntityManager, ids: readonly number[]): Promise<StrategyRecord[]> {
  if (!ids.length) return [];
  const batch = [...ids];
  const rows = await selectRows<StrategyRecord & { id: number }>(em, STRATEGY_BATCH_SQL, [batch, batch, batch, batch]);
  return inPageOrder(rows, ids).map(({ id: _id, ...record }) => record);
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
  {
    header: "status_as_of",
    description: "Stand laut Quelle: das Datum, für das die Quelle den Stand nennt (JJJJ, JJJJ-MM oder JJJJ-MM-TT)",
    type: "date",
    value: (s) => s.statusAsOf,
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
