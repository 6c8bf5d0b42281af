import type { Comparison } from "../../schema/comparison/comparison.types.js";
import type { CsvColumn } from "../../schema/common/export/record-export.js";

/** One cell of a comparison matrix as a CSV row: a topic (with its German label) and a municipality. */
export interface ComparisonCellRecord {
  topic: string;
  topicLabel: string;
  municipality: string;
  municipalityName: string;
  coverage: string;
  fieldsOfAction: number;
  projects: number;
}

/** The matrix of `compare`, cell by cell: the rows (topics) in their order, within a row the municipalities in theirs. */
export function comparisonCells(comparison: Comparison): ComparisonCellRecord[] {
  return comparison.rows.flatMap((row) =>
    row.cells.map((cell) => ({
      topic: row.topic.key,
      topicLabel: row.topic.labelDe,
      municipality: cell.municipality.slug,
      municipalityName: cell.municipality.name,
      coverage: cell.coverage,
      fieldsOfAction: cell.fieldsOfAction.length,
      projects: cell.projectIds.length,
    })),
  );
}

/** The columns of `/export/comparison.csv`: one row per cell, named like the other exports' columns. */
export const COMPARISON_COLUMNS: CsvColumn<ComparisonCellRecord>[] = [
  { header: "topic", description: "Thema (Schlüssel)", type: "code", value: (c) => c.topic },
  { header: "topic_label", description: "Thema", type: "text", value: (c) => c.topicLabel },
  { header: "municipality", description: "Kurzname der Kommune", type: "code", value: (c) => c.municipality },
  { header: "municipality_name", description: "Name der Kommune", type: "text", value: (c) => c.municipalityName },
  { header: "coverage", description: "Abdeckung des Themas (Code)", type: "code", value: (c) => c.coverage },
  {
    header: "fields_of_action",
    description: "Zahl der Handlungsfelder zum Thema",
    type: "integer",
    value: (c) => c.fieldsOfAction,
  },
  { header: "projects", description: "Zahl der Projekte zum Thema", type: "integer", value: (c) => c.projects },
];
