import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_FIELDS_OF_ACTION, MaxItems } from "../common/list-bounds.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { FieldOfAction } from "./field-of-action.entity.js";

/** Adds `fieldsOfAction` to a strategy: the field-of-action feature's edge. */
@Resolver(() => Strategy)
export class StrategyFieldsOfActionResolver {
  @FieldResolver(() => [FieldOfAction], { description: "Fields of action, in the strategy's order." })
  @MaxItems(MAX_FIELDS_OF_ACTION)
  fieldsOfAction(@Root() strategy: Strategy, @Ctx() { loaders }: HubContext): Promise<FieldOfAction[]> {
    return loaders.byParent(FieldOfAction, "strategy", { position: "asc" }).load(strategy.id);
  }
}
