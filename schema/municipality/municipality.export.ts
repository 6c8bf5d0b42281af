import { tableExport } from "../common/export/table-export.js";
import { Municipality } from "./municipality.entity.js";

/** `/export/municipalities.csv` and `.json`: every municipality of the hub, its official key (AGS) first. */
export const municipalityExport = tableExport({
  name: "municipalities",
  title: "Kommunen",
  description: "Eine Zeile je Kommune im Hub.",
  entity: Municipality,
  from: "municipality r",
  city: { id: "r.id" },
  order: ["m.name"],
  columns: [
    {
      header: "government_region",
      sql: "r.government_region",
      description: "Regierungsbezirk, wo das Land welche hat",
      type: "text",
    },
    { header: "district", sql: "r.district", description: "Kreis", type: "text" },
    { header: "population", sql: "r.population", description: "Einwohnerzahl", type: "integer" },
    { header: "population_as_of", sql: "r.population_as_of", description: "Stichtag der Einwohnerzahl", type: "date" },
    { header: "website", sql: "r.website", description: "Website der Kommune", type: "url" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
