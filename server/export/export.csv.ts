import { type Options, type Stringifier, stringify as stringifyStream } from "csv-stringify";
import { stringify } from "csv-stringify/sync";
import { stripBidiControls } from "../../schema/common/bidi.js";
import type { CsvColumn } from "../../schema/common/export/record-export.js";

// What makes a spreadsheet read a cell as a formula, and what is plainly a (German) number and stays one.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

/**
 * Prefixes a text cell that starts like a formula with `'`, so that spreadsheets show it instead of running it;
 * drops bidirectional control characters (U+202E …) first, which would reorder what the cell shows.
 */
function defused(value: string | number | null): string | number {
  if (typeof value !== "string") return value ?? "";
  const text = stripBidiControls(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * CSV that German Excel opens correctly: UTF-8 with a byte order mark, `;`
 * between fields, CRLF line ends, quotes where a field needs them (line breaks of
 * any kind included, so a multi-line text stays in its cell).
 */
const GERMAN_EXCEL: Options = {
  bom: true,
  delimiter: ";",
  record_delimiter: "windows",
  // csv-stringify leaves a bare \n unquoted when records end with CRLF; Excel would end the row there.
  quoted_match: /[\r\n]/,
};

/** The header row of a CSV file. */
export function csvHeader<T>(columns: readonly CsvColumn<T>[]): string[] {
  return columns.map((column) => column.header);
}

/** One record as a CSV row: every text cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`; plain numbers such as `-500,00` stay numbers. */
export function csvRow<T>(record: T, columns: readonly CsvColumn<T>[]): (string | number)[] {
  return columns.map((column) => defused(column.value(record)));
}

/** A stream that takes rows (arrays of cells, the header first) and gives German-Excel CSV text, as `toCsv` writes it. */
export function csvStream(): Stringifier {
  return stringifyStream(GERMAN_EXCEL);
}

/** Writes records as German-Excel CSV in one string (see `csvRow` for what happens to the cells). */
export function toCsv<T>(records: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return stringify([csvHeader(columns), ...records.map((record) => csvRow(record, columns))], GERMAN_EXCEL);
}
