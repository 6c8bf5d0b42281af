import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { given } from "../common/filters.js";
import { requireMunicipalities } from "../municipality/municipality.service.js";
import { topicConditions } from "../topic/topic.service.js";
import { WorkingGroup } from "./working-group.entity.js";
import type { WorkingGroupFilter } from "./working-group.inputs.js";

/** Turns a working-group filter into a query condition: groups with any of the given members or topics. */
export async function workingGroupWhere(
  em: EntityManager,
  filter: WorkingGroupFilter | null | undefined,
): Promise<FilterQuery<WorkingGroup>> {
  const conditions = await topicConditions(em, WorkingGroup, filter?.topics);
  if (given(filter?.municipalities)) {
    await requireMunicipalities(em, filter.municipalities);
    conditions.push({ members: { $some: { slug: { $in: filter.municipalities } } } });
  }
  return { $and: conditions } as FilterQuery<WorkingGroup>;
}
