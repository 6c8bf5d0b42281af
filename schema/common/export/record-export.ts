import type { EntityClass, FilterQuery, Ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Municipality } from "../../municipality/municipality.entity.js";
import { type State, STATE_NAMES } from "../../municipality/state.enum.js";
import type { Publishable } from "../../publishing/publishable.js";
import type { ExportQuery } from "./params.js";

/**
 * What a column holds, as the data dictionary names it: text, a whole or decimal number, an exact
 * amount (German decimal comma in CSV), a date (`YYYY-MM-DD`, or shorter where only the year or
 * month is known), a point in time (ISO 8601, UTC), a code (an enum value, stable across languages),
 * a list (`, `-separated in CSV, an array in JSON), or an address (URL).
 */
export type ColumnType = "text" | "integer" | "number" | "amount" | "date" | "timestamp" | "code" | "list" | "url";

/** German names of the column types, for the data dictionary. */
export const COLUMN_TYPE_LABELS: Readonly<Record<ColumnType, string>> = {
  text: "Text",
  integer: "Ganzzahl",
  number: "Zahl",
  amount: "Betrag (Dezimalzahl)",
  date: "Datum",
  timestamp: "Zeitpunkt (ISO 8601, UTC)",
  code: "Code",
  list: "Liste",
  url: "Adresse (URL)",
};

/**
 * One column of a CSV export: its header, what it means (German, for the data dictionary: required,
 * so that no column goes out undescribed), what it holds, and how a record fills it.
 */
export interface CsvColumn<T> {
  header: string;
  /** What the column means, in German: the data dictionary (`/export/dictionary.json`, `/api/datenlexikon`) shows it. */
  description: string;
  type: ColumnType;
  value(record: T): string | number | null;
}

/** A record type an export can list: published records of a municipality, in the order of municipality name, title and slug. */
export type ExportedEntity = Publishable & { slug: string; title: string; municipality: Ref<Municipality> };

/** What an export's columns and JSON records may use besides the record itself. */
export interface ExportContext {
  /** The absolute address of a record's page on the hub's website (see `RecordExport.page`); null without one. */
  page(slug: string): string | null;
}

/** How an export reads its filter from the query and turns it into a condition on its records. */
export interface ExportFilter<F> {
  /** The filter the query parameters state; throws `ExportParamError` for a parameter it does not know (`limit` and `after` aside). */
  read(query: ExportQuery): F;
  /** The records the filter selects; unknown slugs or keys are a BAD_USER_INPUT GraphQLError (named as `filter.<parameter>`). */
  where(em: EntityManager, filter: F): Promise<FilterQuery<ExportedEntity>>;
}

/**
 * One record export a feature declares (`Feature.exports`): the hub serves it as
 * `/export/<name>.csv` and `/export/<name>.json` (`{ "<name>": [...], count, next }`),
 * published records only, in pages of `entity` ordered by municipality name, title and slug,
 * read in batches by `load`. `R` is the record as exported, `F` its filter.
 */
export interface RecordExport<R = unknown, F = unknown> {
  /** The path segment (`projects`), the key of the JSON array, and what its page cursors name. */
  name: string;
  /** The CSV download's file name, e.g. `ikz-projects.csv`. */
  filename: string;
  /** The export's German name in the data dictionary, e.g. `Projekte`. */
  title: string;
  /** What one row is, in German, for the data dictionary. */
  description: string;
  /** The record type paged through (by municipality name, title and slug) unless `paging` is given. */
  entity?: EntityClass<ExportedEntity>;
  /** Its own paging, for record types without a municipality, title or slug (see `tableExport`). */
  paging?: ExportPaging;
  /** The export's filter; without one it takes `limit` and `after` only. */
  filter?: ExportFilter<F>;
  /** The path of a record's page on the website (`/projekte/<slug>`), when it has one: the context's `page` uses it. */
  page?(slug: string): string;
  /** The records of a batch of ids, in the order of `ids` (published ones only; the caller's manager sees the public). */
  load(em: EntityManager, ids: readonly number[]): Promise<R[]>;
  /** The CSV columns, in order. */
  columns(context: ExportContext): readonly CsvColumn<R>[];
  /** A record in the JSON answer; the record itself when not given. */
  json?(record: R, context: ExportContext): unknown;
}

/**
 * How an export pages that orders its rows itself: by a key of `keyLength` values (texts or whole numbers),
 * the last one unique; a page starts after the key of the previous page's last row.
 */
export interface ExportPaging {
  keyLength: number;
  /** At most `limit` ids of published records after `after` (from the start without), in export order, and the key of the last when more follow. */
  ids(
    em: EntityManager,
    after: readonly (string | number)[] | null,
    limit: number,
  ): Promise<{ ids: number[]; next: (string | number)[] | null }>;
}

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
  /** The official municipality key (AGS). */
  officialKey?: string;
}

/** Sources in one CSV cell: title, publisher and date, then the address in angle brackets. */
export function citeSources(sources: readonly SourceRecord[]): string {
  return sources
    .map(
      (source) =>
        [source.title, source.publisher, source.publishedOn].filter(Boolean).join(", ") +
        (source.url ? ` <${source.url}>` : ""),
    )
    .join(" | ");
}

/** An exact decimal string (`"124500.00"`) written the German way (`"124500,00"`), as Excel in German reads numbers. */
export function germanDecimal(amount: string | null): string | null {
  return amount === null ? null : amount.replace(".", ",");
}

/** The `updated_at` column of an export: when the record last changed in the hub (ISO 8601, UTC). */
export function updatedAtCsvColumn<T>(value: (record: T) => string): CsvColumn<T> {
  return {
    header: "updated_at",
    description: "Zeitpunkt der letzten Änderung des Datensatzes im Hub (UTC)",
    type: "timestamp",
    value,
  };
}

/** What the `sources` column of every export means. */
export const SOURCES_DESCRIPTION =
  "Veröffentlichte Quellen: Titel, Herausgeber, Datum und Adresse in spitzen Klammern, getrennt durch ` | `";

/** The columns added to the first exports (projects, strategies) for their city: its official key (AGS) and the state's German name. */
export function addedCityColumns<T>(city: (record: T) => MunicipalityRecord): CsvColumn<T>[] {
  return [
    {
      header: "official_key",
      description: "Amtlicher Gemeindeschlüssel (AGS) der Kommune",
      type: "code",
      value: (record) => city(record).officialKey ?? null,
    },
    {
      header: "state_label",
      description: "Land der Kommune",
      type: "text",
      value: (record) => STATE_NAMES[city(record).state],
    },
  ];
}
