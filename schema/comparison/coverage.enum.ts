import { registerEnumType } from "type-graphql";
import { ProjectStatus } from "../project/project-status.enum.js";

/** How far a municipality has got with a topic, from nothing to completed work. */
export enum Coverage {
  NONE = "NONE",
  STRATEGY_ONLY = "STRATEGY_ONLY",
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
}

registerEnumType(Coverage, {
  name: "Coverage",
  description:
    "How far a municipality has got with a topic, derived from its published fields of action and the statuses of its published projects.",
  valuesConfig: {
    NONE: { description: "Neither a field of action nor a project on the topic." },
    STRATEGY_ONLY: {
      description:
        "On paper only: a field of action, or projects that are ideas, were stopped, or whose status the sources do not state.",
    },
    PLANNED: { description: "At least one project is planned; none is under way or done." },
    IN_PROGRESS: { description: "At least one project is in progress; none is completed." },
    COMPLETED: { description: "At least one project is completed." },
  },
});

/**
 * The coverage of one municipality on one topic: the most advanced project
 * status wins; ideas, stopped projects and projects of unstated status, like
 * a field of action, count as "on paper".
 */
export function coverageOf(hasFieldOfAction: boolean, statuses: readonly ProjectStatus[]): Coverage {
  if (statuses.includes(ProjectStatus.COMPLETED)) return Coverage.COMPLETED;
  if (statuses.includes(ProjectStatus.IN_PROGRESS)) return Coverage.IN_PROGRESS;
  if (statuses.includes(ProjectStatus.PLANNED)) return Coverage.PLANNED;
  if (hasFieldOfAction || statuses.length > 0) return Coverage.STRATEGY_ONLY;
  return Coverage.NONE;
}
