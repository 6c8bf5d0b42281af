import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_FIELDS_OF_ACTION, MaxItems } from "../common/list-bounds.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { FieldOfAction } from "./field-of-action.entity.js";
import { prefetchableChildren } from "../common/prefetch.js";

/** The loader of a strategy's fields of action, in their order. */
const fieldsOf = prefetchableChildren(Strategy, "fieldsOfAction", FieldOfAction, "strategy", { position: "asc" });

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
