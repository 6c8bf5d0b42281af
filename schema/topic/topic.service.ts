import type { AnyEntity, EntityName } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { existingIds, given, linkedToAny } from "../common/filters.js";
import { Topic } from "./topic.entity.js";

/**
 * The condition "tagged with any of these topics" on the `topics` collection of `entity`, or none when no keys are
 * given; unknown keys are a BAD_USER_INPUT error. The keys are read as ids first, so that the condition is a subquery
 * over the pivot table with constant ids (`linkedToAny`).
 */
export async function topicConditions(
  em: EntityManager,
  entity: EntityName<AnyEntity>,
  keys: readonly string[] | null | undefined,
  argumentPath = "filter.topics",
): Promise<object[]> {
  if (!given(keys)) return [];
  const ids = await existingIds(em, Topic, "key", keys, argumentPath, "Query `topics` for valid keys.");
  return [linkedToAny(em, entity, "topics", ids)];
}
