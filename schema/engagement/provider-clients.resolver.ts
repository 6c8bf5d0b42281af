import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { defineLoader } from "../common/loaders.js";
import { ListArgs, PER_RECORD_AGGREGATE_WORK, Work } from "../common/list-bounds.js";
import { MAX_PAGE_SIZE } from "../common/pagination.js";
import { groupBy, selectRows } from "../common/sql.js";
import type { EngagementRole } from "./engagement-role.enum.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { ProviderClient } from "./provider-client.type.js";
import { Provider } from "../provider/provider.entity.js";

/** Each provider's first clients by name, with their roles: one statement for all providers of a request. */
export const clientsLoader = defineLoader<number, ProviderClient[]>("Provider.clients", async ({ em }, ids) => {
  const rows = await selectRows<{
    provider_id: number;
    municipality_id: number;
    roles: EngagementRole[];
    since: string | null;
  }>(
    em,
    // The first MAX_PAGE_SIZE clients per provider, picked by the database: a provider can serve every city.
    `select * from (
           select e.provider_id, e.municipality_id, array_agg(distinct e.role::text order by e.role::text) as roles, min(e.since) as since,
                  row_number() over (partition by e.provider_id order by m.name, e.municipality_id) as rn
             from public_engagement e join municipality m on m.id = e.municipality_id
            where e.provider_id in (?)
            group by e.provider_id, e.municipality_id, m.name) as ranked
            where rn <= ? order by provider_id, rn`,
    [[...ids], MAX_PAGE_SIZE],
  );
  const grouped = groupBy(rows, (row) => row.provider_id);
  return ids.map((id) =>
    (grouped.get(id) ?? []).map((row) => new ProviderClient(row.municipality_id, row.roles, row.since)),
  );
});

/** Serves `Provider.clients`: one statement for all providers of a request. */
@Resolver(() => Provider)
export class ProviderClientsResolver {
  // Its share of the aggregate over every engagement of the provider, whatever `first` says.
  @Work(PER_RECORD_AGGREGATE_WORK)
  @FieldResolver(() => [ProviderClient], {
    description: "Municipalities the provider works for, by name, with its roles there (published engagements only).",
  })
  async clients(
    @Root() provider: Provider,
    @Args() { first }: ListArgs,
    @Ctx() ctx: HubContext,
  ): Promise<ProviderClient[]> {
    const loader = clientsLoader(ctx);
    // One statement for every `first` asked (aliases included): the longest list, cut here.
    return (await loader.load(provider.id)).slice(0, first);
  }
}

/** Resolves the municipality of a provider's client entry. */
@Resolver(() => ProviderClient)
export class ProviderClientResolver {
  @FieldResolver(() => Municipality, { description: "The client municipality." })
  async municipality(@Root() client: ProviderClient, @Ctx() { loaders }: HubContext): Promise<Municipality> {
    return (await loaders.byId(Municipality).load(client.municipalityId))!;
  }
}
