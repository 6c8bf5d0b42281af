import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs } from "../common/list-bounds.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Decision } from "./decision.entity.js";

/** Adds `decisions` to a municipality: the decision feature's edge. */
@Resolver(() => Municipality)
export class MunicipalityDecisionsResolver {
  @FieldResolver(() => [Decision], { description: "Council decisions, oldest first." })
  decisions(
    @Root() municipality: Municipality,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Decision[]> {
    return loaders.byParent(Decision, "municipality", { date: "asc nulls last" }, first).load(municipality.id);
  }
}
