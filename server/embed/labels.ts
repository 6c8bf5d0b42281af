import { PROJECT_STATUS_LABELS, ProjectStatus } from "../../schema/project/project-status.enum.js";

/** Languages a project card can be shown in (`?lang=`). */
export type CardLanguage = "de" | "en";

/** Everything a card says besides the project's own data, per language (card-markup.md). */
export interface CardLabels {
  status: Readonly<Record<ProjectStatus, string>>;
  /** Before the date the source gives the status for. */
  statusAsOf: string;
  /** Before the day the project last changed in the hub. */
  updated: string;
  topics: string;
  with: string;
  more: string;
  notPublished: string;
  unavailable: string;
  frameTitle: string;
}

/** The card's words in German and English. */
export const CARD_LABELS: Readonly<Record<CardLanguage, CardLabels>> = {
  de: {
    status: PROJECT_STATUS_LABELS,
    statusAsOf: "Stand laut Quelle:",
    updated: "Zuletzt geändert:",
    topics: "Themen",
    with: "Mit:",
    more: "Mehr im IKZ-Hub",
    notPublished: "Dieses Projekt ist im IKZ-Hub nicht (mehr) veröffentlicht.",
    unavailable: "Die Projektkarte kann gerade nicht geladen werden.",
    frameTitle: "Projektkarte",
  },
  en: {
    status: {
      IDEA: "Idea",
      PLANNED: "Planned",
      IN_PROGRESS: "In progress",
      COMPLETED: "Completed",
      STOPPED: "Stopped",
      NOT_STATED: "Status not stated",
    },
    statusAsOf: "Status as of (per source):",
    updated: "Last changed:",
    topics: "Topics",
    with: "With:",
    more: "More on the IKZ hub",
    notPublished: "This project is not (or no longer) published on the IKZ hub.",
    unavailable: "The project card cannot be loaded right now.",
    frameTitle: "Project card",
  },
};
