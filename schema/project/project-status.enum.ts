import { registerEnumType } from "type-graphql";

/** Where a project stands. */
export enum ProjectStatus {
  IDEA = "IDEA",
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  STOPPED = "STOPPED",
  NOT_STATED = "NOT_STATED",
}

registerEnumType(ProjectStatus, {
  name: "ProjectStatus",
  description: "Progress of a project.",
  valuesConfig: {
    IDEA: { description: "Named as a possible project; no decision to carry it out yet." },
    PLANNED: { description: "Decided or scheduled, not started." },
    IN_PROGRESS: { description: "Being carried out." },
    COMPLETED: { description: "Finished." },
    STOPPED: { description: "Abandoned or put on hold." },
    NOT_STATED: {
      description: "The sources do not say how far the project has got; recorded instead of a guessed status.",
    },
  },
});

/** German names of the project statuses: the website, project cards and exports (`*_label` columns) show them. */
export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  IDEA: "Idee",
  PLANNED: "Geplant",
  IN_PROGRESS: "In Umsetzung",
  COMPLETED: "Abgeschlossen",
  STOPPED: "Gestoppt",
  NOT_STATED: "Stand nicht angegeben",
};
