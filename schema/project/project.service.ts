import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { existingIds, given, linkedToAny } from "../common/filters.js";
import { municipalityConditions } from "../municipality/municipality.service.js";
import { Provider } from "../provider/provider.entity.js";
import { topicConditions } from "../topic/topic.service.js";
import type { ProjectFilter } from "./project.inputs.js";
import { Project } from "./project.entity.js";

/**
 * Turns a project filter into a query condition, after checking that every slug
 * and topic key it names exists.
 */
export async function projectWhere(
  em: EntityManager,
  filter: ProjectFilter | null | undefined,
): Promise<FilterQuery<Project>> {
  const conditions = [
    ...(await municipalityConditions(em, filter)),
    ...(await topicConditions(em, Project, filter?.topics)),
  ];
  if (given(filter?.statuses)) conditions.push({ status: { $in: filter.statuses } });
  if (given(filter?.providers)) {
    const ids = await existingIds(
      em,
      Provider,
      "slug",
      filter.providers,
      "filter.providers",
      "Query `providers` for valid slugs.",
    );
    conditions.push(linkedToAny(em, Project, "providers", ids));
  }
  return { $and: conditions } as FilterQuery<Project>;
}
