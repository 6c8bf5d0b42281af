import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { selectsField } from "../common/selection.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { SearchArgs } from "./search.inputs.js";
import { searchCatalogOf } from "./search-catalog.js";
import { runSearch } from "./search.service.js";
import { SearchHit, SearchResults } from "./search.types.js";

/** Search across all municipalities, and the municipality of each hit. */
@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchResults, {
    description:
      "Full-text search across all municipalities: German stemming, umlaut folding, typo tolerance, synonyms; filterable, with facets and marked snippets. An empty query browses by filter.",
  })
  search(
    @Args() args: SearchArgs,
    @Ctx() context: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchResults> {
    return runSearch(context, args, searchCatalogOf(info.schema), selectsField(info, "facets"));
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: "Municipality the record belongs to; null for providers.",
  })
  municipality(@Root() hit: SearchHit, @Ctx() { loaders }: HubContext): Promise<Municipality | null> | null {
    return hit.municipalityId === null ? null : loaders.byId(Municipality).load(hit.municipalityId);
  }
}
