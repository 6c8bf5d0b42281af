import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_FIELDS_OF_ACTION, MaxItems } from "../common/list-bounds.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { FieldOfAction } from "./field-of-action.entity.js";
import { prefetchable } from "../common/prefetch.js";
import { perRequest } from "../common/loaders.js";

/** The loader of the strategies' fields of action, in their order. */
const fieldsOf = perRequest((loaders) => loaders.byParent(FieldOfAction, "strategy", { position: "asc" }));
prefetchable(
  Strategy,
  "fieldsOfAction",
  FieldOfAction,
  ({ loaders }, strategies: readonly Strategy[]) =>
    loaders.loadAhead(
      fieldsOf(loaders),
      strategies.map((strategy) => strategy.id),
    ),
  ({ loaders }, strategy) => loaders.settledValue(fieldsOf(loaders), strategy.id),
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
    return loaders.settledOr(fieldsOf(loaders), strategy.id, strategy.id);
  }
}
