import type { EntityClass, EntityMetadata } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { STATE_NAMES } from "../../municipality/state.enum.js";
import { selectRows } from "../sql.js";
import { inPageOrder } from "./paging.js";
import { hasLinks, linkedSelect } from "./plain-export.js";
import {
  citeSources,
  type ColumnType,
  type CsvColumn,
  type ExportPaging,
  germanDecimal,
  type RecordExport,
  SOURCES_DESCRIPTION,
  type SourceRecord,
  updatedAtCsvColumn,
} from "./record-export.js";

/**
 * A column of a table export: its header (snake_case; also its field in the JSON records), the SQL
 * that fills it over the export's `from` (and `m`, the row's municipality, when it has one), what it
 * means (German, for the data dictionary) and what it holds. Adding a column to an export is adding one of these.
 */
export interface TableColumn {
  header: string;
  sql: string;
  description: string;
  type: ColumnType;
}

/** What a table export declares; see `tableExport`. */
export interface TableExportOptions {
  /** The path segment, e.g. `cost-items`: `/export/cost-items.csv`. */
  name: string;
  /** German name and what one row is, for the data dictionary. */
  title: string;
  description: string;
  /** The record type: its many-to-many `topics` and `sources`, when it has them, become columns. */
  entity: EntityClass<object>;
  /** The FROM clause: the published rows (a `public_<table>` view, or the table of an always public type) as `r`, and what the columns join. */
  from: string;
  /** SQL for the id of the municipality a row belongs to: joins it as `m` and adds the city columns (AGS first). */
  city?: { id: string; optional?: boolean };
  /** The export order: SQL expressions that are never null; `r.id` breaks ties. */
  order: readonly string[];
  columns: readonly TableColumn[];
}

/** A row as the batch statement gives it: one field per column. */
export type TableRecord = Record<string, unknown>;

/** A text as an SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** SQL that maps a code to its label (null for an unknown code). */
function labelSql(sql: string, labels: Readonly<Record<string, string>>): string {
  const cases = Object.entries(labels).map(([code, label]) => `when ${literal(code)} then ${literal(label)}`);
  return `(case ${sql} ${cases.join(" ")} end)`;
}

/**
 * An enum column and, beside it, `<header>_label` with its German name from `labels` (the table the website uses).
 * `list` for an array of codes: both become lists, in the same order.
 */
export function enumColumns(
  column: { header: string; sql: string; description: string; list?: boolean },
  labels: Readonly<Record<string, string>>,
): TableColumn[] {
  const { header, sql, description, list = false } = column;
  const label = list
    ? `array(select ${labelSql("c.code", labels)} from unnest(${sql}) with ordinality c(code, n) order by c.n)`
    : labelSql(sql, labels);
  return [
    { header, sql: list ? `${sql}::text[]` : sql, description: `${description} (Code)`, type: list ? "list" : "code" },
    {
      header: `${header}_label`,
      sql: label,
      description: `${description}: deutsche Bezeichnung zum Code in \`${header}\``,
      type: list ? "list" : "text",
    },
  ];
}

/** The columns of a row that belongs to a city: its official key (AGS) first, then name, slug and state. */
export function cityColumns(m = "m"): TableColumn[] {
  return [
    {
      header: "official_key",
      sql: `${m}.official_key`,
      description: "Amtlicher Gemeindeschlüssel (AGS) der Kommune: acht Ziffern, die ersten zwei nennen das Land",
      type: "code",
    },
    { header: "municipality", sql: `${m}.name`, description: "Name der Kommune", type: "text" },
    {
      header: "municipality_slug",
      sql: `${m}.slug`,
      description: "Kurzname der Kommune im Hub (Adresse /kommunen/<Kurzname>)",
      type: "code",
    },
    ...enumColumns({ header: "state", sql: `${m}.state`, description: "Land der Kommune" }, STATE_NAMES),
  ];
}

/** SQL for a point in time as ISO 8601 text in UTC, as JSON writes it (`2026-12-06T00:35:46.000Z`). */
export function isoTimestamp(sql: string): string {
  return `to_char(${sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** `updated_at`: every export's last column. */
function updatedAtColumn(): TableColumn {
  const { header, description, type } = updatedAtCsvColumn(() => "");
  return { header, description, type, sql: isoTimestamp("r.updated_at") };
}

const TOPICS_COLUMN: TableColumn = {
  header: "topics",
  sql: "",
  description: "Themen des Datensatzes: Schlüssel der Themenliste des Hubs (z. B. `schools`), getrennt durch `, `",
  type: "list",
};
const SOURCES_COLUMN: TableColumn = {
  header: "sources",
  sql: "",
  description: SOURCES_DESCRIPTION,
  type: "text",
};

/** A cell of the CSV: amounts and numbers with a decimal comma, lists joined by `, `, cited sources in one cell. */
function csvCell(value: unknown, column: TableColumn): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.header === "sources") return citeSources(value as SourceRecord[]);
  if (column.type === "list") return (value as unknown[]).join(", ");
  if (column.type === "amount") return germanDecimal(String(value));
  if (column.type === "number") return String(value).replace(".", ",");
  return typeof value === "number" ? value : String(value);
}

/** Paging by `keys` (SQL expressions, never null, the last unique) over the FROM clause `from`: one statement per page. */
function keyPaging(from: string, keys: readonly string[]): ExportPaging {
  return {
    keyLength: keys.length,
    async ids(em, after, limit) {
      const condition = after ? `where (${keys.join(", ")}) > (${keys.map(() => "?").join(", ")})` : "";
      const rows = await selectRows<Record<string, string | number>>(
        em,
        `select ${keys.map((key, i) => `${key} as k${i}`).join(", ")} from ${from} ${condition}
          order by ${keys.join(", ")} limit ?`,
        [...(after ?? []), limit + 1],
      );
      const ids = rows.slice(0, limit).map((row) => row[`k${keys.length - 1}`] as number);
      const last = rows.length > limit ? rows[limit - 1] : null;
      return { ids, next: last ? keys.map((_, i) => last[`k${i}`]) : null };
    },
  };
}

/**
 * Declares the export of a record type as one SQL statement per batch (no entities): `/export/<name>.csv`
 * and `.json` list its published rows (`from`) in `order`, paged by that key (`limit` and `after`), each
 * row with the city columns when it belongs to one (`cityColumns`: the AGS first), the declared columns,
 * its topics and published sources when the type has them, and `updated_at`. The JSON records have the
 * CSV's headers as fields (amounts as exact decimal strings, lists as arrays).
 */
export function tableExport(options: TableExportOptions): RecordExport<TableRecord> {
  const { name, title, description, entity, from, city, order } = options;
  const links = (["topics", "sources"] as const).filter((property) => hasLinks(entity as never, property));
  const columns: TableColumn[] = [
    ...(city ? cityColumns() : []),
    ...options.columns,
    ...links.map((property) => (property === "topics" ? TOPICS_COLUMN : SOURCES_COLUMN)),
    updatedAtColumn(),
  ];
  const wrong = columns.find((column) => !/^[a-z][a-z0-9_]*$/.test(column.header));
  if (wrong) throw new Error(`export ${name}: column header ${JSON.stringify(wrong.header)} is not snake_case`);
  const join = city ? ` ${city.optional ? "left join" : "join"} municipality m on m.id = ${city.id}` : "";
  const keys = [...order, "r.id"];
  const batchSql = (meta: EntityMetadata) => {
    const selects = columns.map((column) =>
      column.sql ? `${column.sql} as "${column.header}"` : linkedSelect(meta, column.header as "topics" | "sources"),
    );
    return `select r.id as "__id", ${selects.join(",\n       ")}\n  from ${from}${join} where r.id in (?)`;
  };
  const csv = columns.map((column): CsvColumn<TableRecord> => ({
    header: column.header,
    description: column.description,
    type: column.type,
    value: (record) => csvCell(record[column.header], column),
  }));
  return {
    name,
    filename: `ikz-${name}.csv`,
    title,
    description,
    paging: keyPaging(`${from}${join}`, keys),
    async load(em: EntityManager, ids: readonly number[]) {
      if (!ids.length) return [];
      const meta = em.getMetadata().get(entity.name);
      const rows = await selectRows<TableRecord & { __id: number }>(em, batchSql(meta), [[...ids]]);
      return inPageOrder(
        rows.map((row) => ({ ...row, id: row.__id })),
        ids,
      );
    },
    columns: () => csv,
    json: (record) =>
      Object.fromEntries(
        columns.map((column) => [
          column.header,
          column.type === "number" && record[column.header] !== null
            ? Number(record[column.header])
            : record[column.header],
        ]),
      ),
  };
}
