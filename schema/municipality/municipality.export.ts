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
    {
      header: "population_source",
      sql: "(select v.key from public_source v where v.id = r.population_source_id)",
      description: "Schlüssel der veröffentlichten Quelle der Einwohnerzahl (Export sources); leer ohne belegte Zahl",
      type: "code",
    },
    { header: "website", sql: "r.website", description: "Website der Kommune", type: "url" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
