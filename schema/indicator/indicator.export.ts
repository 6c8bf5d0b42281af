import { enumColumns, tableExport } from "../common/export/table-export.js";
import { BETTER_WHEN_LABELS } from "./better-when.enum.js";
import { IndicatorValue } from "./indicator-value.entity.js";
import { Indicator } from "./indicator.entity.js";

/** `/export/indicators.csv` and `.json`: published indicators (of published strategies, or of none), with their latest value. */
export const indicatorExport = tableExport({
  name: "indicators",
  title: "Kennzahlen",
  description: "Eine Zeile je veröffentlichter Kennzahl einer Kommune, mit ihrem jüngsten Wert.",
  entity: Indicator,
  from: "public_indicator r left join public_strategy s on s.id = r.strategy_id",
  city: { id: "r.municipality_id" },
  order: ["m.name", "r.name", "r.key"],
  columns: [
    { header: "key", sql: "r.key", description: "Schlüssel der Kennzahl (je Kommune eindeutig)", type: "code" },
    { header: "name", sql: "r.name", description: "Name der Kennzahl", type: "text" },
    {
      header: "value",
      sql: "r.value",
      description: "Jüngster Wert (alle Werte: Export indicator-values)",
      type: "number",
    },
    { header: "unit", sql: "r.unit", description: "Einheit des Werts", type: "text" },
    { header: "as_of", sql: "r.as_of", description: "Stichtag des jüngsten Werts", type: "date" },
    ...enumColumns(
      { header: "better_when", sql: "r.better_when", description: "Welche Richtung der Kennzahl die bessere ist" },
      BETTER_WHEN_LABELS,
    ),
    { header: "definition", sql: "r.definition", description: "Was die Kennzahl misst, laut Quelle", type: "text" },
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

/** `/export/indicator-values.csv` and `.json`: every dated value of the published indicators, a series per indicator. */
export const indicatorValueExport = tableExport({
  name: "indicator-values",
  title: "Kennzahlen: Werte im Zeitverlauf",
  description: "Eine Zeile je Wert einer veröffentlichten Kennzahl, mit seinem Stichtag; je Kennzahl eine Zeitreihe.",
  entity: IndicatorValue,
  from: "public_indicator_value r join public_indicator i on i.id = r.indicator_id",
  city: { id: "i.municipality_id" },
  order: ["m.name", "i.key", "coalesce(r.as_of, '')"],
  columns: [
    {
      header: "indicator_key",
      sql: "i.key",
      description: "Schlüssel der Kennzahl (je Kommune eindeutig)",
      type: "code",
    },
    { header: "indicator", sql: "i.name", description: "Name der Kennzahl", type: "text" },
    { header: "value", sql: "r.value", description: "Wert", type: "number" },
    { header: "unit", sql: "i.unit", description: "Einheit des Werts", type: "text" },
    {
      header: "as_of",
      sql: "r.as_of",
      description: "Stichtag des Werts (leer: ohne Stichtag übernommen)",
      type: "date",
    },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung zum Wert", type: "text" },
  ],
});
