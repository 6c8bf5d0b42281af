import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_STRATEGIES, MaxItems } from "../common/list-bounds.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Strategy } from "./strategy.entity.js";

/** Adds `strategies` to a municipality: the strategy feature's edge. */
@Resolver(() => Municipality)
export class MunicipalityStrategiesResolver {
  @FieldResolver(() => [Strategy], { description: "The municipality's strategies, newest adoption first." })
  @MaxItems(MAX_STRATEGIES)
  strategies(@Root() municipality: Municipality, @Ctx() { loaders }: HubContext): Promise<Strategy[]> {
    return loaders
      .byParent(Strategy, "municipality", { adoptedOn: "desc nulls last", title: "asc" })
      .load(municipality.id);
  }
}
