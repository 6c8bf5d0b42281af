import { COLUMN_TYPE_LABELS, type ColumnType, type RecordExport } from "./record-export.js";

/** One column in the data dictionary. */
export interface DictionaryColumn {
  /** The CSV header (and, except for `projects` and `strategies`, the field of the JSON records). */
  name: string;
  /** What it means, in German. */
  description: string;
  type: ColumnType;
  /** The type in German. */
  typeLabel: string;
}

/** One export in the data dictionary. */
export interface DictionaryExport {
  name: string;
  title: string;
  description: string;
  csv: string;
  json: string;
  columns: DictionaryColumn[];
}

/** The data dictionary: every column of every record export, and the licence of the data. */
export interface DataDictionary {
  license: { name: string; url: string };
  exports: DictionaryExport[];
}

/** The data dictionary of `exports`, in their order, each column as the export declares it. */
export function dataDictionary(
  exports: readonly RecordExport[],
  license: { name: string; url: string },
): DataDictionary {
  return {
    license: { name: license.name, url: license.url },
    exports: exports.map((declared) => ({
      name: declared.name,
      title: declared.title,
      description: declared.description,
      csv: `/export/${declared.name}.csv`,
      json: `/export/${declared.name}.json`,
      columns: declared.columns({ page: () => null }).map((column) => ({
        name: column.header,
        description: column.description,
        type: column.type,
        typeLabel: COLUMN_TYPE_LABELS[column.type],
      })),
    })),
  };
}
