import { enumColumns, tableExport } from "../common/export/table-export.js";
import { ENGAGEMENT_ROLE_LABELS } from "./engagement-role.enum.js";
import { Engagement } from "./engagement.entity.js";

/** `/export/engagements.csv` and `.json`: published engagements, a provider working for a municipality. */
export const engagementExport = tableExport({
  name: "engagements",
  title: "Beauftragungen",
  description: "Eine Zeile je veröffentlichter Beauftragung: ein Anbieter arbeitet in einer Rolle für eine Kommune.",
  entity: Engagement,
  from: "public_engagement r join provider v on v.id = r.provider_id",
  city: { id: "r.municipality_id" },
  order: ["m.name", "v.name"],
  columns: [
    { header: "provider_slug", sql: "v.slug", description: "Kurzname des Anbieters im Hub", type: "code" },
    { header: "provider", sql: "v.name", description: "Name des Anbieters", type: "text" },
    ...enumColumns({ header: "role", sql: "r.role", description: "Rolle des Anbieters" }, ENGAGEMENT_ROLE_LABELS),
    { header: "since", sql: "r.since", description: "Beginn der Zusammenarbeit", type: "date" },
    { header: "description", sql: "r.description", description: "Beschreibung", type: "text" },
    { header: "note", sql: "r.note", description: "Redaktionelle Anmerkung", type: "text" },
  ],
});
