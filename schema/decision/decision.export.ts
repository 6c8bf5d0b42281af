import { enumColumns, tableExport } from "../common/export/table-export.js";
import { DECISION_OUTCOME_LABELS } from "./decision-outcome.enum.js";
import { Decision } from "./decision.entity.js";

/** `/export/decisions.csv` and `.json`: published council decisions of the municipalities. */
export const decisionExport = tableExport({
  name: "decisions",
  title: "Beschlüsse",
  description: "Eine Zeile je Beschluss oder Vorlage eines Rats oder Ausschusses einer Kommune.",
  entity: Decision,
  from: "public_decision r",
  city: { id: "r.municipality_id" },
  order: ["m.name", "r.key"],
  columns: [
    {
      header: "key",
      sql: "r.key",
      description: "Schlüssel des Beschlusses im Hub (je Kommune eindeutig)",
      type: "code",
    },
    { header: "reference", sql: "r.reference", description: "Drucksachen- oder Vorlagennummer", type: "text" },
    { header: "title", sql: "r.title", description: "Titel", type: "text" },
    { header: "date", sql: "r.date", description: "Datum der Sitzung", type: "date" },
    ...enumColumns({ header: "outcome", sql: "r.outcome", description: "Ergebnis" }, DECISION_OUTCOME_LABELS),
    { header: "description", sql: "r.description", description: "Beschreibung", type: "text" },
    { header: "body", sql: "r.body", description: "Gremium", type: "text" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
