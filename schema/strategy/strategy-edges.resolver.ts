import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { perRequestAndColumns } from "../common/loaders.js";
import { itemSelection, prefetchable, prefetchSelection } from "../common/prefetch.js";
import { MAX_STRATEGIES, MaxItems } from "../common/list-bounds.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Strategy } from "./strategy.entity.js";

/** The loader of the municipalities' strategies, newest adoption first; with `columns`, read with only those. */
const strategiesOf = perRequestAndColumns((loaders, columns) =>
  loaders.byParent(Strategy, "municipality", { adoptedOn: "desc nulls last", title: "asc" }, undefined, 0, columns),
);
prefetchable(
  Municipality,
  "strategies",
  Strategy,
  ({ loaders }, municipalities: readonly Municipality[], columns) =>
    loaders.loadAhead(
      strategiesOf(loaders, columns),
      municipalities.map((municipality) => municipality.id),
    ),
  ({ loaders }, municipality, columns) => loaders.settledValue(strategiesOf(loaders, columns), municipality.id),
  { onlyColumnsAsked: true },
);

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
    const strategies = await strategiesOf(context.loaders, null).load(municipality.id);
    // Their fields of action and those fields' topics, for all municipalities' strategies at once.
    await prefetchSelection(context, info, Strategy, strategies, itemSelection(info));
    return strategies;
  }
}
