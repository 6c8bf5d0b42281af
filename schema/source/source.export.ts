import { tableExport } from "../common/export/table-export.js";
import { Source } from "./source.entity.js";

/** `/export/sources.csv` and `.json`: the published sources the hub's facts are taken from. */
export const sourceExport = tableExport({
  name: "sources",
  title: "Quellen",
  description: "Eine Zeile je veröffentlichter Quelle; Kommune und AGS nur, wo die Quelle einer Kommune gehört.",
  entity: Source,
  from: "public_source r",
  city: { id: "r.municipality_id", optional: true },
  order: ["r.key"],
  columns: [
    { header: "key", sql: "r.key", description: "Schlüssel der Quelle im Hub", type: "code" },
    { header: "title", sql: "r.title", description: "Titel", type: "text" },
    { header: "publisher", sql: "r.publisher", description: "Herausgeber", type: "text" },
    { header: "author", sql: "r.author", description: "Autorin oder Autor", type: "text" },
    { header: "published_on", sql: "r.published_on", description: "Erschienen am", type: "date" },
    { header: "url", sql: "r.url", description: "Adresse", type: "url" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
