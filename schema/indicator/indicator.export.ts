import { tableExport } from "../common/export/table-export.js";
import { Indicator } from "./indicator.entity.js";

/** `/export/indicators.csv` and `.json`: published indicators (of published strategies, or of none). */
export const indicatorExport = tableExport({
  name: "indicators",
  title: "Kennzahlen",
  description: "Eine Zeile je veröffentlichter Kennzahl einer Kommune.",
  entity: Indicator,
  from: "public_indicator r left join public_strategy s on s.id = r.strategy_id",
  city: { id: "r.municipality_id" },
  order: ["m.name", "r.name", "r.key"],
  columns: [
    { header: "key", sql: "r.key", description: "Schlüssel der Kennzahl (je Kommune eindeutig)", type: "code" },
    { header: "name", sql: "r.name", description: "Name der Kennzahl", type: "text" },
    { header: "value", sql: "r.value", description: "Wert", type: "number" },
    { header: "unit", sql: "r.unit", description: "Einheit des Werts", type: "text" },
    { header: "as_of", sql: "r.as_of", description: "Stichtag des Werts", type: "date" },
    {
      header: "strategy_slug",
      sql: "s.slug",
      description: "Kurzname der Strategie, zu der die Kennzahl gehört",
      type: "code",
    },
    { header: "strategy", sql: "s.title", description: "Titel dieser Strategie", type: "text" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
