import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { given } from "../common/filters.js";
import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { municipalityConditions } from "../municipality/municipality.service.js";
import { topicConditions } from "../topic/topic.service.js";
import type { Strategy } from "./strategy.entity.js";
import type { StrategyFilter } from "./strategy.inputs.js";

/**
 * Turns a strategy filter into a query condition. A strategy is on a topic when
 * one of its fields of action is tagged with it.
 */
export async function strategyWhere(em: EntityManager, filter: StrategyFilter | null | undefined): Promise<FilterQuery<Strategy>> {
  const conditions = await municipalityConditions(em, filter);
  if (given(filter?.statuses)) conditions.push({ status: { $in: filter.statuses } });
  const topics = await topicConditions(em, filter?.topics);
  if (topics.length) {
    const onTopic = em.createQueryBuilder(FieldOfAction, "f").select("f.strategy").where({ $and: topics });
    conditions.push({ id: { $in: onTopic.getKnexQuery() } });
  }
  return { $and: conditions } as FilterQuery<Strategy>;
}
