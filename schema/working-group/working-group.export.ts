import { tableExport } from "../common/export/table-export.js";
import { WorkingGroup } from "./working-group.entity.js";

/** The member municipalities of a working group (`?` their column), ordered by official key. */
const members = (column: string) =>
  `array(select x.${column}::text from working_group_members wm join municipality x on x.id = wm.municipality_id
          where wm.working_group_id = r.id order by x.official_key)`;

/** `/export/working-groups.csv` and `.json`: inter-municipal working groups and their member municipalities. */
export const workingGroupExport = tableExport({
  name: "working-groups",
  title: "Arbeitsgemeinschaften",
  description:
    "Eine Zeile je interkommunaler Arbeitsgemeinschaft; die Mitglieder als Listen (AGS und Namen in derselben Reihenfolge).",
  entity: WorkingGroup,
  from: "working_group r",
  order: ["r.name", "r.slug"],
  columns: [
    { header: "slug", sql: "r.slug", description: "Kurzname der Arbeitsgemeinschaft im Hub", type: "code" },
    { header: "name", sql: "r.name", description: "Name", type: "text" },
    {
      header: "member_official_keys",
      sql: members("official_key"),
      description: "Amtliche Gemeindeschlüssel (AGS) der Mitgliedskommunen",
      type: "list",
    },
    { header: "members", sql: members("name"), description: "Namen der Mitgliedskommunen", type: "list" },
    {
      header: "other_members",
      sql: "r.other_members",
      description: "Weitere Mitglieder (keine Kommunen des Hubs)",
      type: "text",
    },
    { header: "cadence", sql: "r.cadence", description: "Wie oft sie sich trifft", type: "text" },
    { header: "description", sql: "r.description", description: "Beschreibung", type: "text" },
  ],
});
