import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs, PagedListArgs } from "../common/list-bounds.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Engagement } from "./engagement.entity.js";

/** Adds `engagements` to a municipality: the engagement feature's edge. */
@Resolver(() => Municipality)
export class MunicipalityEngagementsResolver {
  @FieldResolver(() => [Engagement], { description: "Providers working for the municipality, with their roles." })
  engagements(
    @Root() municipality: Municipality,
    @Args() { first, offset }: PagedListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Engagement[]> {
    return loaders
      .byParent(Engagement, "municipality", { since: "asc nulls last" }, first, offset)
      .load(municipality.id);
  }
}

/** Adds `engagements` to a provider: the engagement feature's edge. */
@Resolver(() => Provider)
export class ProviderEngagementsResolver {
  @FieldResolver(() => [Engagement], { description: "The provider's engagements with municipalities." })
  engagements(
    @Root() provider: Provider,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Engagement[]> {
    return loaders.byParent(Engagement, "provider", { since: "asc nulls last" }, first).load(provider.id);
  }
}
