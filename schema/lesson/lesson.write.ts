import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { badUserInput } from "../common/errors.js";
import { report } from "../common/problems.js";
import { Project } from "../project/project.entity.js";
import { applyTopicsAndSources, citesPublishedSource } from "../publishing/cited.inputs.js";
import {
  createRecord,
  requireOwnNaming,
  resolveOwnMunicipality,
  updateRecord,
} from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, lookUpNamed, requireUnused } from "../publishing/references.js";
import { LessonLearned } from "./lesson-learned.entity.js";
import type { CreateLessonInput, LessonInput } from "./lesson-write.inputs.js";

/** How the write path handles lessons learned. */
export const lessonKind: RecordKind<LessonLearned> = {
  entity: LessonLearned,
  label: "lesson",
  naturalKey: "slug",
  populate: ["municipality", "project", "topics", "sources"],
  owner: (lesson) => lesson.municipality.id,
  parentOf: (lesson) => lesson.project?.unwrap() ?? null,
  publishProblems: (lesson) => [
    ...(lesson.topics.count() ? [] : [["topics", "it has no topic"] as [string, string]]),
    ...(citesPublishedSource(lesson) ? [] : [["sources", "it cites no published source"] as [string, string]]),
  ],
};

async function applyLesson(tx: EntityManager, lesson: LessonLearned, input: LessonInput): Promise<void> {
  assignFields(tx, lesson, input, ["title", "body", "kind"]);
  if (input.project !== undefined) {
    const project =
      input.project === null
        ? null
        : await lookUpNamed(
            tx,
            Project,
            "slug",
            input.project,
            "input.project",
            "Use the slug of one of the municipality's projects.",
          );
    if (project && project.municipality.id !== lesson.municipality.id) {
      report(
        tx,
        badUserInput(
          "input.project belongs to another municipality; a lesson can only belong to its own municipality's project.",
          ["input.project"],
        ),
      );
    }
    lesson.project = project ? ref(project) : null;
  }
  await applyTopicsAndSources(tx, lesson, input);
}

/** Creates a lesson learned of a municipality, as a draft. */
export function createLessonLearnedRecord(ctx: HubContext, input: CreateLessonInput): Promise<LessonLearned> {
  return createRecord(ctx, lessonKind, async (tx, viewer) => {
    const municipality = await resolveOwnMunicipality(tx, viewer, input.municipality, "input.municipality", "lesson");
    await requireOwnNaming(tx, viewer, municipality, input.slug, "input.slug");
    await requireUnused(tx, LessonLearned, { slug: input.slug }, "input.slug", input.slug);
    const lesson = new LessonLearned(input.slug, input.title, input.body, input.kind, ref(municipality));
    await applyLesson(tx, lesson, input);
    return lesson;
  });
}

/** Changes a lesson learned, if it still has the version you last saw (CONFLICT otherwise). */
export function updateLessonLearnedRecord(
  ctx: HubContext,
  target: RecordAddress,
  version: number,
  input: LessonInput,
): Promise<LessonLearned> {
  return updateRecord(ctx, lessonKind, target, version, (tx, lesson) => applyLesson(tx, lesson, input));
}
