import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Engagement } from "./engagement.entity.js";

/** Reads both ends of an engagement. */
@Resolver(() => Engagement)
export class EngagementResolver {
  @FieldResolver(() => Municipality, { description: "The municipality served." })
  async municipality(@Root() engagement: Engagement, @Ctx() { loaders }: HubContext): Promise<Municipality> {
    return (await loaders.byId(Municipality).load(engagement.municipality.id))!;
  }

  @FieldResolver(() => Provider, { description: "The provider." })
  async provider(@Root() engagement: Engagement, @Ctx() { loaders }: HubContext): Promise<Provider> {
    return (await loaders.byId(Provider).load(engagement.provider.id))!;
  }
}
