import { enumColumns, tableExport } from "../common/export/table-export.js";
import { COST_KIND_LABELS } from "./cost-kind.enum.js";
import { COST_PERIOD_LABELS } from "./cost-period.enum.js";
import { CostItem } from "./cost-item.entity.js";

/** `/export/cost-items.csv` and `.json`: the cost items of published projects. */
export const costItemExport = tableExport({
  name: "cost-items",
  title: "Kostenposten",
  description: "Eine Zeile je Kostenposten eines veröffentlichten Projekts.",
  entity: CostItem,
  from: "public_cost_item r join public_project p on p.id = r.project_id",
  city: { id: "p.municipality_id" },
  order: ["m.name", "p.title", "r.position"],
  columns: [
    { header: "project_slug", sql: "p.slug", description: "Kurzname des Projekts im Hub", type: "code" },
    { header: "project", sql: "p.title", description: "Titel des Projekts", type: "text" },
    { header: "position", sql: "r.position", description: "Position des Postens im Projekt", type: "integer" },
    { header: "amount", sql: "r.amount::text", description: "Betrag", type: "amount" },
    { header: "currency", sql: "r.currency", description: "Währung (ISO 4217)", type: "code" },
    ...enumColumns({ header: "kind", sql: "r.kind", description: "Art des Betrags" }, COST_KIND_LABELS),
    ...enumColumns({ header: "period", sql: "r.period", description: "Zeitraum des Betrags" }, COST_PERIOD_LABELS),
    { header: "description", sql: "r.description", description: "Beschreibung des Postens", type: "text" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
