import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/core";
import { today } from "../publishing/validation.js";
import { ProjectStatusChange } from "./project-status-change.entity.js";
import type { Project } from "./project.entity.js";

/** The last step of a project's status history, or null when it has none. */
function lastStatusChange(tx: EntityManager, project: Project): Promise<ProjectStatusChange | null> {
  return tx.findOne(ProjectStatusChange, { project: project.id }, { orderBy: { id: "desc" } });
}

/**
 * Appends a step to a public project's status history when its status differs from the last step's: since the
 * project's `statusAsOf` when the editor gave it a new one, else today. Called by every write that leaves the project
 * public, so that the history follows what the public saw and a draft's changes show only once published.
 */
export async function recordStatusChange(tx: EntityManager, project: Project): Promise<void> {
  const last = await lastStatusChange(tx, project);
  if (last?.status === project.status) return;
  const datedAnew = project.statusAsOf !== null && project.statusAsOf !== last?.since;
  tx.persist(new ProjectStatusChange(ref(project), project.status, datedAnew ? project.statusAsOf : today()));
}
