import { tableExport } from "../common/export/table-export.js";
import { FieldOfAction } from "./field-of-action.entity.js";

/** `/export/fields-of-action.csv` and `.json`: the published fields of action of published strategies. */
export const fieldOfActionExport = tableExport({
  name: "fields-of-action",
  title: "Handlungsfelder",
  description: "Eine Zeile je veröffentlichtem Handlungsfeld einer veröffentlichten Strategie.",
  entity: FieldOfAction,
  from: "public_field_of_action r join public_strategy s on s.id = r.strategy_id",
  city: { id: "s.municipality_id" },
  order: ["m.name", "s.title", "r.position"],
  columns: [
    { header: "strategy_slug", sql: "s.slug", description: "Kurzname der Strategie im Hub", type: "code" },
    { header: "strategy", sql: "s.title", description: "Titel der Strategie", type: "text" },
    {
      header: "position",
      sql: "r.position",
      description: "Position des Handlungsfelds in der Strategie",
      type: "integer",
    },
    { header: "title", sql: "r.title", description: "Titel des Handlungsfelds", type: "text" },
    { header: "description", sql: "r.description", description: "Beschreibung", type: "text" },
  ],
});
