import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { given } from "../common/filters.js";
import { municipalityConditions } from "../municipality/municipality.service.js";
import { topicConditions } from "../topic/topic.service.js";
import { LessonLearned } from "./lesson-learned.entity.js";
import type { LessonFilter } from "./lesson.inputs.js";

/** Turns a lesson filter into a query condition, after checking the slugs and keys it names. */
export async function lessonWhere(
  em: EntityManager,
  filter: LessonFilter | null | undefined,
): Promise<FilterQuery<LessonLearned>> {
  const conditions = [
    ...(await municipalityConditions(em, filter)),
    ...(await topicConditions(em, LessonLearned, filter?.topics)),
  ];
  if (given(filter?.kinds)) conditions.push({ kind: { $in: filter.kinds } });
  return { $and: conditions } as FilterQuery<LessonLearned>;
}
