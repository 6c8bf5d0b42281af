import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { BySlugArgs } from "../publishing/record-address.args.js";
import { CreateProviderInput, ProviderInput } from "./provider-write.inputs.js";
import { Provider } from "./provider.entity.js";
import { createProviderRecord, updateProviderRecord } from "./provider.write.js";

/** Creates and changes providers (admins only). */
@Resolver(() => Provider)
export class ProviderMutationResolver {
  @Mutation(() => Provider, {
    description: "Adds a provider (IT service provider, vendor, consultancy) to the hub (admins only).",
  })
  createProvider(
    @Arg("input", () => CreateProviderInput, { description: "The new record's fields." }) input: CreateProviderInput,
    @Ctx() ctx: HubContext,
  ): Promise<Provider> {
    return createProviderRecord(ctx, input);
  }

  @Mutation(() => Provider, { description: "Changes a provider (admins only)." })
  updateProvider(
    @Args(() => BySlugArgs) target: BySlugArgs,
    @Arg("input", () => ProviderInput, { description: "The fields to change; those left out keep their value." })
    input: ProviderInput,
    @Ctx() ctx: HubContext,
  ): Promise<Provider> {
    return updateProviderRecord(ctx, target, input);
  }
}
