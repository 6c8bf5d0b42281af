import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { KeyArgs } from "../common/slug.args.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Source } from "./source.entity.js";
import { sourceOrdering, SourcesArgs } from "./source.inputs.js";
import { sourceWhere } from "./source.service.js";

/** A page of sources. */
@ObjectType({ description: "A page of sources." })
export class SourceConnection extends ConnectionType("Source", Source) {}

/** Finds sources, e.g. the publication an editor wants to cite. */
@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, {
    description:
      "Sources (publications the hub's facts are taken from), found by text and municipality, sorted and paginated. " +
      "Anonymous callers see published sources; editors also their own municipality's drafts.",
  })
  async sources(@Args() args: SourcesArgs, @Ctx() { em }: HubContext): Promise<SourceConnection> {
    return toConnection(
      await fetchPage(em, Source, await sourceWhere(em, args), sourceOrdering.spec(args.orderBy), args),
    );
  }

  @Query(() => Source, {
    nullable: true,
    description:
      "The source with this key, or null. Anonymous callers see published sources; editors also their own municipality's drafts.",
  })
  source(@Args() { key }: KeyArgs, @Ctx() { loaders }: HubContext) {
    return loaders.plain.findOne(Source, "key", key);
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: "Municipality whose editors maintain the source; null for sources the hub's operators keep.",
  })
  async municipality(@Root() source: Source, @Ctx() { loaders }: HubContext): Promise<Municipality | null> {
    return source.municipality ? ((await loaders.byId(Municipality).load(source.municipality.id)) ?? null) : null;
  }
}
