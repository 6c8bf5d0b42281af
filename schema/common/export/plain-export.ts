import {
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  MetadataStorage,
  ReferenceKind,
} from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { selectRows } from "../sql.js";
import { inPageOrder } from "./paging.js";
import {
  citeSources,
  type ColumnType,
  type CsvColumn,
  type ExportedEntity,
  type MunicipalityRecord,
  type RecordExport,
  type SourceRecord,
} from "./record-export.js";

/**
 * A column of a plain record export: its CSV header, which is also its field in the JSON records
 * (lower case, digits and `_`), and the SQL expression that fills it, over `r` (the record's row in
 * its `public_<table>` view) and `m` (its municipality), e.g. `r.summary`.
 */
export interface PlainColumn {
  header: string;
  sql: string;
  /** What the column means, in German, for the data dictionary. */
  description: string;
  type: ColumnType;
}

/** A record of a plain export: these fields, then one per declared column, then `topics` and `sources` where it has them. */
export interface PlainRecord {
  slug: string;
  title: string;
  municipality: MunicipalityRecord;
  topics?: string[];
  sources?: SourceRecord[];
  [column: string]: unknown;
}

/** What a plain record export declares; see `plainRecordExport`. */
export interface PlainExportOptions {
  /** The path segment, e.g. `cooperations`. */
  name: string;
  /** The record type; its table's `public_<table>` view is read. */
  entity: EntityClass<ExportedEntity>;
  /** The columns after slug, title, municipality and state. */
  columns: readonly PlainColumn[];
  /** German name and what one row is, for the data dictionary. */
  title: string;
  description: string;
  /** The CSV file name; `ikz-<name>.csv` when not given. */
  filename?: string;
}

/** The many-to-many properties a plain export carries along. */
export type LinkProperty = "topics" | "sources";

/** Whether the record type has the many-to-many `property` (`topics`, `sources`), as its decorators declare it. */
export function hasLinks(entity: EntityClass<object>, property: LinkProperty): boolean {
  const { properties } = MetadataStorage.getMetadataFromDecorator(entity) as unknown as EntityMetadata;
  return (properties as Record<string, EntityProperty | undefined>)[property]?.kind === ReferenceKind.MANY_TO_MANY;
}

/** The select list of a many-to-many `property`: its link table's columns, as the ORM named them. */
export function linkedSelect(meta: EntityMetadata, property: LinkProperty): string {
  const { pivotTable, joinColumns, inverseJoinColumns } = meta.properties[property as never] as EntityProperty;
  const links = `from ${pivotTable} x join ${property === "topics" ? "topic" : "public_source"} v on v.id = x.${inverseJoinColumns[0]}
                where x.${joinColumns[0]} = r.id`;
  return property === "topics"
    ? `coalesce((select array_agg(v.key::text order by v.key collate "C") ${links}), '{}') as topics`
    : `coalesce((select json_agg(json_build_object('title', v.title, 'publisher', v.publisher, 'publishedOn', v.published_on,
         'url', v.url) order by v.key collate "C") ${links}), '[]') as sources`;
}

/** The batch statement: one row per published record of `ids`, with its topics and published sources if it has them. */
function batchSql(meta: EntityMetadata, columns: readonly PlainColumn[], links: readonly LinkProperty[]): string {
  const selects = [
    "r.id, r.slug, r.title, json_build_object('slug', m.slug, 'name', m.name, 'state', m.state) as municipality",
    ...columns.map((column) => `${column.sql} as "${column.header}"`),
    ...links.map((property) => linkedSelect(meta, property)),
  ];
  return `select ${selects.join(",\n       ")}
  from public_${meta.tableName} r join municipality m on m.id = r.municipality_id where r.id in (?)`;
}

/** A database value as a CSV cell: lists joined by `, `, anything else but text and numbers as JSON. */
function cell(value: unknown): string | number | null {
  if (value === null || value === undefined || typeof value === "string" || typeof value === "number")
    return value ?? null;
  if (Array.isArray(value)) return value.join(", ");
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/** The CSV columns: slug, title, municipality, state, the declared ones, then topics and sources where the records have them. */
function plainColumns(columns: readonly PlainColumn[], links: readonly LinkProperty[]): CsvColumn<PlainRecord>[] {
  return [
    { header: "slug", description: "Kurzname des Datensatzes im Hub", type: "code", value: (r) => r.slug },
    { header: "title", description: "Titel", type: "text", value: (r) => r.title },
    { header: "municipality", description: "Name der Kommune", type: "text", value: (r) => r.municipality.name },
    { header: "state", description: "Land der Kommune (Code)", type: "code", value: (r) => r.municipality.state },
    ...columns.map(({ header, description, type }): CsvColumn<PlainRecord> => ({
      header,
      description,
      type,
      value: (r) => cell(r[header]),
    })),
    ...links.map((property): CsvColumn<PlainRecord> =>
      property === "topics"
        ? { header: "topics", description: "Themen (Schlüssel)", type: "list", value: (r) => r.topics!.join(", ") }
        : {
            header: "sources",
            description: "Veröffentlichte Quellen",
            type: "text",
            value: (r) => citeSources(r.sources!),
          },
    ),
  ];
}

/**
 * Declares the export of a plain record type in a few lines: `/export/<name>.csv` and `.json` list its
 * published records (no filter: `limit` and `after` only), each batch read by one statement over its
 * `public_<table>` view joined to the municipality. A record has its slug, title and municipality (in
 * the CSV: its name and state), the declared columns, and, when the type is tagged or cited (has a
 * many-to-many `topics` or `sources`), its topic keys and its published sources.
 */
export function plainRecordExport(options: PlainExportOptions): RecordExport<PlainRecord> {
  const { name, title, description, entity, columns, filename = `ikz-${name}.csv` } = options;
  const wrong = columns.find((column) => !/^[a-z][a-z0-9_]*$/.test(column.header));
  if (wrong) throw new Error(`export ${name}: column header ${JSON.stringify(wrong.header)} is not snake_case`);
  const links = (["topics", "sources"] as const).filter((property) => hasLinks(entity, property));
  const csv = plainColumns(columns, links);
  return {
    name,
    filename,
    title,
    description,
    entity,
    async load(em: EntityManager, ids: readonly number[]) {
      if (!ids.length) return [];
      const sql = batchSql(em.getMetadata().get(entity.name), columns, links);
      const rows = await selectRows<PlainRecord & { id: number }>(em, sql, [[...ids]]);
      return inPageOrder(rows, ids).map(({ id: _id, ...record }) => record as PlainRecord);
    },
    columns: () => csv,
  };
}
