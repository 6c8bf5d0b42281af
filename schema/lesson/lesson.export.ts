import { enumColumns, tableExport } from "../common/export/table-export.js";
import { LESSON_KIND_LABELS } from "./lesson-kind.enum.js";
import { LessonLearned } from "./lesson-learned.entity.js";

/** `/export/lessons.csv` and `.json`: published lessons learned (of published projects, or of none). */
export const lessonExport = tableExport({
  name: "lessons",
  title: "Erfahrungen",
  description: "Eine Zeile je veröffentlichter Erfahrung (Lessons Learned) einer Kommune.",
  entity: LessonLearned,
  from: "public_lesson_learned r left join public_project p on p.id = r.project_id",
  city: { id: "r.municipality_id" },
  order: ["m.name", "r.title", "r.slug"],
  columns: [
    { header: "slug", sql: "r.slug", description: "Kurzname der Erfahrung im Hub", type: "code" },
    { header: "title", sql: "r.title", description: "Titel", type: "text" },
    ...enumColumns({ header: "kind", sql: "r.kind", description: "Art der Erfahrung" }, LESSON_KIND_LABELS),
    {
      header: "project_slug",
      sql: "p.slug",
      description: "Kurzname des Projekts, aus dem die Erfahrung stammt",
      type: "code",
    },
    { header: "project", sql: "p.title", description: "Titel dieses Projekts", type: "text" },
    { header: "body", sql: "r.body", description: "Text der Erfahrung", type: "text" },
  ],
});
