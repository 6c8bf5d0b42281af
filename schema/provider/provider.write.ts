import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../common/context.js";
import { applySources } from "../publishing/cited.inputs.js";
import { createRecord, updateRecord } from "../publishing/publishing.service.js";
import type { RecordAddress } from "../publishing/record-address.args.js";
import type { RecordKind } from "../publishing/record-kind.js";
import { assignFields, requireUnused } from "../publishing/references.js";
import type { CreateProviderInput, ProviderInput } from "./provider-write.inputs.js";
import { Provider } from "./provider.entity.js";

/** How the write path handles providers. */
export const providerKind: RecordKind<Provider> = {
  entity: Provider,
  label: "provider",
  naturalKey: "slug",
  populate: ["sources"],
  owner: () => null,
  adminOnly: true,
};

async function applyProvider(tx: EntityManager, provider: Provider, input: ProviderInput): Promise<void> {
  assignFields(tx, provider, input, ["name", "legalName", "kind", "seat", "website", "description"]);
  if (input.statesServed !== undefined) provider.statesServed = [...new Set(input.statesServed ?? [])].sort();
  await applySources(tx, provider, input);
}

/** Adds a provider (IT service provider, vendor, consultancy) to the hub (admins only). */
export function createProviderRecord(ctx: HubContext, input: CreateProviderInput): Promise<Provider> {
  return createRecord(ctx, providerKind, async (tx) => {
    await requireUnused(tx, Provider, { slug: input.slug }, "input.slug", input.slug);
    const provider = new Provider(input.slug, input.name, input.kind, input.description);
    await applyProvider(tx, provider, input);
    return provider;
  });
}

/** Changes a provider (admins only). */
export function updateProviderRecord(ctx: HubContext, target: RecordAddress, input: ProviderInput): Promise<Provider> {
  return updateRecord(ctx, providerKind, target, null, (tx, provider) => applyProvider(tx, provider, input));
}
