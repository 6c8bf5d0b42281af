import { stringify } from "csv-stringify/sync";

/** One column of a CSV export: its header and how a record fills it. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => string | number | null;
}

/**
 * Writes records as CSV that German Excel opens correctly: UTF-8 with a byte
 * order mark, `;` between fields, CRLF line ends, quotes where a field needs
 * them, and every text cell that starts like a formula (`=`, `+`, `-`, `@`,
 * tab, CR) prefixed with `'` so that spreadsheets show it instead of running it.
 */
export function toCsv<T>(records: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return stringify(
    [columns.map((column) => column.header), ...records.map((record) => columns.map((column) => column.value(record) ?? ""))],
    { bom: true, delimiter: ";", record_delimiter: "windows", escape_formulas: true },
  );
}

/** An exact decimal string (`"124500.00"`) written the German way (`"124500,00"`), as Excel in German reads numbers. */
export function germanDecimal(amount: string | null): string | null {
  return amount === null ? null : amount.replace(".", ",");
}
