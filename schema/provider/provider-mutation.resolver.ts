import type { EntityManager } from "@mikro-orm/postgresql";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { applySources } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import { CreateProviderInput, ProviderInput } from "./provider-write.inputs.js";
import { Provider } from "./provider.entity.js";

/** How the write path handles providers. */
export const providerKind: RecordKind<Provider> = {
  entity: Provider,
  label: "provider",
  populate: ["sources"],
  owner: () => null,
  adminOnly: true,
};

async function applyProvider(tx: EntityManager, provider: Provider, input: ProviderInput): Promise<void> {
  assignFields(tx, provider, input, ["name", "legalName", "kind", "seat", "website", "description"]);
  if (input.statesServed !== undefined) provider.statesServed = [...new Set(input.statesServed ?? [])].sort();
  await applySources(tx, provider, input);
}

/** Creates and changes providers (admins only). */
@Resolver(() => Provider)
export class ProviderMutationResolver {
  @Mutation(() => Provider, { description: "Adds a provider (IT service provider, vendor, consultancy) to the hub (admins only)." })
  createProvider(@Arg("input", () => CreateProviderInput, { description: "The new record's fields." }) input: CreateProviderInput, @Ctx() ctx: HubContext): Promise<Provider> {
    return createRecord(ctx, providerKind, async (tx) => {
      await requireUnused(tx, Provider, { slug: input.slug }, "input.slug", input.slug);
      const provider = new Provider(input.slug, input.name, input.kind, input.description);
      await applyProvider(tx, provider, input);
      return provider;
    });
  }

  @Mutation(() => Provider, { description: "Changes a provider (admins only)." })
  updateProvider(
    @Arg("id", () => ID, { description: "ID of the provider." }) id: string,
    @Arg("input", () => ProviderInput, { description: "The fields to change; those left out keep their value." }) input: ProviderInput,
    @Ctx() ctx: HubContext,
  ): Promise<Provider> {
    return updateRecord(ctx, providerKind, id, null, (tx, provider) => applyProvider(tx, provider, input));
  }
}
