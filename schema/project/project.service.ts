import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { given, requireExisting } from "../common/filters.js";
import { type OrderFields, orderSpec } from "../common/order.js";
import type { OrderSpec } from "../common/pagination.js";
import { municipalityConditions } from "../municipality/municipality.service.js";
import { Provider } from "../provider/provider.entity.js";
import { topicConditions } from "../topic/topic.service.js";
import { type ProjectFilter, type ProjectOrder, ProjectOrderField } from "./project.inputs.js";
import type { Project } from "./project.entity.js";

const ORDER_FIELDS: OrderFields<ProjectOrderField> = {
  TITLE: { property: "title", kind: "string" },
  SLUG: { property: "slug", kind: "string" },
  STATUS: { property: "status", kind: "string" },
  CREATED_AT: { property: "createdAt", kind: "date" },
  UPDATED_AT: { property: "updatedAt", kind: "date" },
};

/** The sort of a project list. */
export function projectOrder(order: ProjectOrder | null | undefined): OrderSpec {
  return orderSpec(ORDER_FIELDS, order, ProjectOrderField.TITLE);
}

/**
 * Turns a project filter into a query condition, after checking that every slug
 * and topic key it names exists.
 */
export async function projectWhere(em: EntityManager, filter: ProjectFilter | null | undefined): Promise<FilterQuery<Project>> {
  const conditions = [...(await municipalityConditions(em, filter)), ...(await topicConditions(em, filter?.topics))];
  if (given(filter?.statuses)) conditions.push({ status: { $in: filter.statuses } });
  if (given(filter?.providers)) {
    await requireExisting(em, Provider, "slug", filter.providers, "filter.providers", "Query `providers` for valid slugs.");
    conditions.push({ providers: { $some: { slug: { $in: filter.providers } } } });
  }
  return { $and: conditions } as FilterQuery<Project>;
}
