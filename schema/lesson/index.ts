import type { Feature } from "../features.types.js";
import { MunicipalityLessonsResolver, ProjectLessonsResolver } from "./lesson-edges.resolver.js";
import { LessonLearned } from "./lesson-learned.entity.js";
import { LessonMutationResolver } from "./lesson-mutation.resolver.js";
import { LessonResolver } from "./lesson.resolver.js";
import { lessonKind } from "./lesson.write.js";
import { lessonSearch } from "./lesson.search.js";
import { lessonExport } from "./lesson.export.js";

/** Lessons learned. */
export const lessonFeature: Feature = {
  name: "lesson",
  nodes: [LessonLearned],
  resolvers: [LessonResolver, LessonMutationResolver, MunicipalityLessonsResolver, ProjectLessonsResolver],
  publishable: [lessonKind],
  cited: [LessonLearned],
  tagged: [LessonLearned],
  searchable: [lessonSearch],
  exports: [lessonExport],
};
