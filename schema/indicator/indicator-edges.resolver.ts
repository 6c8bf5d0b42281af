import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs, PagedListArgs } from "../common/list-bounds.js";
import { defineMunicipalKeyLoader } from "../common/municipal-key.js";
import { KeyArgs } from "../common/slug.args.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { Indicator } from "./indicator.entity.js";

/** A municipality's indicator by its key. */
const indicatorByKey = defineMunicipalKeyLoader("Municipality.indicator", Indicator);

/** Adds `indicators` and `indicator(key)` to a municipality: the indicator feature's edges. */
@Resolver(() => Municipality)
export class MunicipalityIndicatorsResolver {
  @FieldResolver(() => Indicator, {
    nullable: true,
    description:
      "The indicator with this key, e.g. `processes-digitised`, or null: a draft only for the municipality's editors, as in `indicators`.",
  })
  indicator(
    @Root() municipality: Municipality,
    @Args() { key }: KeyArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Indicator | null> {
    return indicatorByKey(ctx, key).load(municipality.id);
  }

  @FieldResolver(() => [Indicator], { description: "Measured figures of the municipality's digitalisation." })
  indicators(
    @Root() municipality: Municipality,
    @Args() { first, offset }: PagedListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Indicator[]> {
    return loaders.byParent(Indicator, "municipality", { asOf: "asc nulls last" }, first, offset).load(municipality.id);
  }
}

/** Adds `indicators` to a strategy: the indicator feature's edge. */
@Resolver(() => Strategy)
export class StrategyIndicatorsResolver {
  @FieldResolver(() => [Indicator], { description: "Indicators that measure the strategy's progress." })
  indicators(
    @Root() strategy: Strategy,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Indicator[]> {
    return loaders.byParent(Indicator, "strategy", { asOf: "asc nulls last", name: "asc" }, first).load(strategy.id);
  }
}
