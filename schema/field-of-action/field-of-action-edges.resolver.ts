import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_FIELDS_OF_ACTION, MaxItems } from "../common/list-bounds.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { FieldOfAction } from "./field-of-action.entity.js";
import { prefetchable } from "../common/prefetch.js";
import { perRequestAndColumns } from "../common/loaders.js";

/** The loader of the strategies' fields of action, in their order; with `columns`, read with only those. */
const fieldsOf = perRequestAndColumns((loaders, columns) =>
  loaders.byParent(FieldOfAction, "strategy", { position: "asc" }, undefined, 0, columns),
);
prefetchable(
  Strategy,
  "fieldsOfAction",
  FieldOfAction,
  ({ loaders }, strategies: readonly Strategy[], columns) =>
    loaders.loadAhead(
      fieldsOf(loaders, columns),
      strategies.map((strategy) => strategy.id),
    ),
  ({ loaders }, strategy, columns) => loaders.settledValue(fieldsOf(loaders, columns), strategy.id),
  { onlyColumnsAsked: true },
);

/** Adds `fieldsOfAction` to a strategy: the field-of-action feature's edge. */
@Resolver(() => Strategy)
export class StrategyFieldsOfActionResolver {
  @FieldResolver(() => [FieldOfAction], { description: "Fields of action, in the strategy's order." })
  @MaxItems(MAX_FIELDS_OF_ACTION)
  fieldsOfAction(
    @Root() strategy: Strategy,
    @Ctx() { loaders }: HubContext,
  ): FieldOfAction[] | Promise<FieldOfAction[]> {
    return loaders.settledOr(fieldsOf(loaders, null), strategy.id, strategy.id);
  }
}
