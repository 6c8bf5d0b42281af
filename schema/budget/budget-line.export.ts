import { enumColumns, tableExport } from "../common/export/table-export.js";
import { BUDGET_CATEGORY_LABELS } from "./budget-category.enum.js";
import { BudgetLine } from "./budget-line.entity.js";

/** `/export/budget-lines.csv` and `.json`: the published budget lines of published strategies. */
export const budgetLineExport = tableExport({
  name: "budget-lines",
  title: "Haushaltsposten",
  description: "Eine Zeile je veröffentlichtem Haushaltsposten einer veröffentlichten Strategie.",
  entity: BudgetLine,
  from: "public_budget_line r join public_strategy s on s.id = r.strategy_id",
  city: { id: "s.municipality_id" },
  order: ["m.name", "s.title", "r.year", "r.position"],
  columns: [
    { header: "strategy_slug", sql: "s.slug", description: "Kurzname der Strategie im Hub", type: "code" },
    { header: "strategy", sql: "s.title", description: "Titel der Strategie", type: "text" },
    { header: "year", sql: "r.year", description: "Haushaltsjahr", type: "integer" },
    { header: "position", sql: "r.position", description: "Position des Postens in der Strategie", type: "integer" },
    { header: "amount", sql: "r.amount::text", description: "Betrag in Euro", type: "amount" },
    ...enumColumns({ header: "category", sql: "r.category", description: "Art der Ausgabe" }, BUDGET_CATEGORY_LABELS),
    { header: "description", sql: "r.description", description: "Beschreibung des Postens", type: "text" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
