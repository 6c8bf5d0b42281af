import { enumColumns, isoTimestamp, tableExport } from "../common/export/table-export.js";
import { ProjectStatusChange } from "./project-status-change.entity.js";
import { PROJECT_STATUS_LABELS } from "./project-status.enum.js";

/**
 * `/export/project-status-history.csv` and `.json`: the public status history of every published project, oldest
 * entry first per project. The history has no `updated_at` of its own: an entry is written once, when recorded.
 */
export const projectStatusHistoryExport = tableExport({
  name: "project-status-history",
  title: "Statusverlauf der Projekte",
  description:
    "Eine Zeile je Statuseintrag eines veröffentlichten Projekts: welcher Stand ab wann galt, laut welcher Quelle.",
  entity: ProjectStatusChange,
  from: "(select c.*, c.recorded_at as updated_at from project_status_change c) r join public_project p on p.id = r.project_id",
  city: { id: "p.municipality_id" },
  order: ["p.slug", "coalesce(r.since, '')", "r.recorded_at"],
  columns: [
    {
      header: "project_slug",
      sql: "p.slug",
      description: "Kurzname des Projekts (Adresse /projekte/<Kurzname>)",
      type: "code",
    },
    { header: "project", sql: "p.title", description: "Titel des Projekts", type: "text" },
    ...enumColumns(
      { header: "status", sql: "r.status", description: "Stand des Projekts ab `since`" },
      PROJECT_STATUS_LABELS,
    ),
    {
      header: "since",
      sql: "r.since",
      description: "Seit wann der Stand galt, laut Quelle (JJJJ, JJJJ-MM oder JJJJ-MM-TT; leer: nicht angegeben)",
      type: "date",
    },
    {
      header: "source_key",
      sql: "(select v.key from public_source v where v.id = r.source_id)",
      description: "Schlüssel der veröffentlichten Quelle des Eintrags (Export sources); leer ohne Quelle",
      type: "code",
    },
    {
      header: "recorded_at",
      sql: isoTimestamp("r.recorded_at"),
      description: "Wann der Eintrag im Hub erfasst wurde (ISO 8601, UTC)",
      type: "timestamp",
    },
  ],
});
