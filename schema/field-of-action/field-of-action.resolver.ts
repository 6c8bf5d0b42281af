import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { FieldOfAction } from "./field-of-action.entity.js";

/** Reads a field of action's strategy; the project feature adds `projects`. */
@Resolver(() => FieldOfAction)
export class FieldOfActionResolver {
  @FieldResolver(() => Strategy, { description: "Strategy the field belongs to." })
  async strategy(@Root() field: FieldOfAction, @Ctx() { loaders }: HubContext): Promise<Strategy> {
    return (await loaders.byId(Strategy).load(field.strategy.id))!;
  }
}
