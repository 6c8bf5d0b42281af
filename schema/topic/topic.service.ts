import type { EntityManager } from "@mikro-orm/postgresql";
import { given, requireExisting } from "../common/filters.js";
import { Topic } from "./topic.entity.js";

/**
 * The condition "tagged with any of these topics" on a record's `topics`
 * collection, or none when no keys are given; unknown keys are a BAD_USER_INPUT error.
 */
export async function topicConditions(
  em: EntityManager,
  keys: readonly string[] | null | undefined,
  argumentPath = "filter.topics",
): Promise<object[]> {
  if (!given(keys)) return [];
  await requireExisting(em, Topic, "key", keys, argumentPath, "Query `topics` for valid keys.");
  return [{ topics: { $some: { key: { $in: keys } } } }];
}
