import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { MAX_CONSULTANTS, MAX_STRATEGY_DECISIONS, MaxItems } from "../common/list-bounds.js";
import { SlugArgs } from "../common/slug.args.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { Decision } from "../decision/decision.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Strategy } from "./strategy.entity.js";
import { StrategiesArgs, strategyOrdering } from "./strategy.inputs.js";
import { strategyWhere } from "./strategy.service.js";

/** A page of strategies. */
@ObjectType({ description: "A page of strategies." })
export class StrategyConnection extends ConnectionType("Strategy", Strategy) {}

/** Reads strategies with their municipality, decisions and consultants; fields of action, budget, indicators and projects add theirs. */
@Resolver(() => Strategy)
export class StrategyResolver {
  @Query(() => StrategyConnection, { description: "Strategies of all municipalities, filtered, sorted and paginated." })
  async strategies(@Args() args: StrategiesArgs, @Ctx() { em }: HubContext): Promise<StrategyConnection> {
    return toConnection(
      await fetchPage(em, Strategy, await strategyWhere(em, args.filter), strategyOrdering.spec(args.orderBy), args),
    );
  }

  @Query(() => Strategy, { nullable: true, description: "The strategy with this slug, or null." })
  strategy(@Args() { slug }: SlugArgs, @Ctx() { loaders }: HubContext) {
    return loaders.plain.findOne(Strategy, "slug", slug);
  }

  @FieldResolver(() => Municipality, { description: "Municipality whose strategy it is." })
  async municipality(@Root() strategy: Strategy, @Ctx() { loaders }: HubContext): Promise<Municipality> {
    return (await loaders.byId(Municipality).load(strategy.municipality.id))!;
  }

  @FieldResolver(() => [Decision], { description: "Council decisions that carried the strategy, oldest first." })
  @MaxItems(MAX_STRATEGY_DECISIONS)
  async decisions(@Root() strategy: Strategy, @Ctx() { loaders }: HubContext): Promise<Decision[]> {
    const decisions = await loaders.related<Strategy, Decision>(Strategy, "decisions", "key").load(strategy);
    return [...decisions].sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
  }

  @FieldResolver(() => [Provider], { description: "Consultants who helped draw the strategy up." })
  @MaxItems(MAX_CONSULTANTS)
  consultants(@Root() strategy: Strategy, @Ctx() { loaders }: HubContext): Promise<Provider[]> {
    return loaders.related<Strategy, Provider>(Strategy, "consultants", "name").load(strategy);
  }
}
