import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { PagedListArgs } from "../common/list-bounds.js";
import { defineMunicipalKeyLoader } from "../common/municipal-key.js";
import { KeyArgs } from "../common/slug.args.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Decision } from "./decision.entity.js";

/** A municipality's decision by its key. */
const decisionByKey = defineMunicipalKeyLoader("Municipality.decision", Decision);

/** Adds `decisions` and `decision(key)` to a municipality: the decision feature's edges. */
@Resolver(() => Municipality)
export class MunicipalityDecisionsResolver {
  @FieldResolver(() => [Decision], { description: "Council decisions, oldest first." })
  decisions(
    @Root() municipality: Municipality,
    @Args() { first, offset }: PagedListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Decision[]> {
    return loaders.byParent(Decision, "municipality", { date: "asc nulls last" }, first, offset).load(municipality.id);
  }

  @FieldResolver(() => Decision, {
    nullable: true,
    description:
      "The council decision with this key, or null: a draft only for the municipality's editors, as in `decisions`.",
  })
  decision(
    @Root() municipality: Municipality,
    @Args() { key }: KeyArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Decision | null> {
    return decisionByKey(ctx, key).load(municipality.id);
  }
}
