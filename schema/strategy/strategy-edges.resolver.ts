import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { itemSelection, prefetchableChildren, prefetchSelection } from "../common/prefetch.js";
import { MAX_STRATEGIES, MaxItems } from "../common/list-bounds.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Strategy } from "./strategy.entity.js";

/** The loader of a municipality's strategies, newest adoption first. */
const strategiesOf = prefetchableChildren(Municipality, "strategies", Strategy, "municipality", {
  adoptedOn: "desc nulls last",
  title: "asc",
});

/** Adds `strategies` to a municipality: the strategy feature's edge. */
@Resolver(() => Municipality)
export class MunicipalityStrategiesResolver {
  @FieldResolver(() => [Strategy], { description: "The municipality's strategies, newest adoption first." })
  @MaxItems(MAX_STRATEGIES)
  async strategies(
    @Root() municipality: Municipality,
    @Ctx() context: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Strategy[]> {
    const strategies = await strategiesOf(context.loaders).load(municipality.id);
    // Their fields of action and those fields' topics, for all municipalities' strategies at once.
    await prefetchSelection(context, info, Strategy, strategies, itemSelection(info));
    return strategies;
  }
}
