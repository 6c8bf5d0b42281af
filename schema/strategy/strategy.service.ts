import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { given } from "../common/filters.js";
import type { BudgetLine } from "../budget/budget-line.entity.js";
import type { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { municipalityConditions } from "../municipality/municipality.service.js";
import { authorize } from "../publishing/publishing.service.js";
import { findNamed } from "../publishing/references.js";
import type { Viewer } from "../token/viewer.js";
import { topicConditions } from "../topic/topic.service.js";
import { Strategy } from "./strategy.entity.js";
import type { StrategyFilter } from "./strategy.inputs.js";

/**
 * Turns a strategy filter into a query condition. A strategy is on a topic when
 * one of its fields of action is tagged with it.
 */
export async function strategyWhere(
  em: EntityManager,
  filter: StrategyFilter | null | undefined,
): Promise<FilterQuery<Strategy>> {
  const conditions = await municipalityConditions(em, filter);
  if (given(filter?.statuses)) conditions.push({ status: { $in: filter.statuses } });
  // Named by string: fields of action build on strategies, so a class reference here would be an import cycle.
  const topics = await topicConditions(em, "FieldOfAction", filter?.topics);
  if (topics.length) {
    const onTopic = em
      .createQueryBuilder<FieldOfAction, "f">("FieldOfAction", "f")
      .select("f.strategy")
      .where({ $and: topics });
    // Query builders skip the ORM's filters unless told: a draft field of action must not put its strategy on a topic.
    await onTopic.applyFilters();
    conditions.push({ id: { $in: onTopic.getKnexQuery() } });
  }
  return { $and: conditions } as FilterQuery<Strategy>;
}

/** Finds the strategy a new child record names, refusing one of another municipality than the editor's. */
export async function resolveOwnStrategy(
  tx: EntityManager,
  viewer: Viewer,
  slug: string,
  field: string,
  label: string,
): Promise<Strategy> {
  const strategy = await findNamed(
    tx,
    Strategy,
    "slug",
    slug,
    field,
    "Use the slug of one of your municipality's strategies.",
  );
  authorize(viewer, { label }, strategy.municipality.id);
  return strategy;
}

/** The position after the last child of a strategy (fields of action, budget lines are numbered within it). */
export async function nextPosition(
  tx: EntityManager,
  entity: typeof FieldOfAction | typeof BudgetLine,
  strategy: Strategy,
): Promise<number> {
  const [last] = await tx.find(
    entity as typeof FieldOfAction,
    { strategy },
    { orderBy: { position: "desc" }, limit: 1, fields: ["position"], filters: false },
  );
  return (last?.position ?? 0) + 1;
}
