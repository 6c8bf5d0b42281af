import { ArrayMaxSize, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, Int } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { MAX_PAGE_SIZE } from "../common/pagination.js";
import { State } from "../municipality/state.enum.js";
import { MAX_QUERY_LENGTH as MAX_SEARCH_QUERY_LENGTH } from "./search-engine.port.js";
import { SearchResultType } from "./search.types.js";

/** Narrows a search; every given criterion must hold, within one any value may match. */
@InputType({
  description: "Narrows a search. Every given criterion must hold; within one criterion any value may match.",
})
export class SearchFilter {
  @Field(() => [SearchResultType], {
    nullable: true,
    description: "Kinds of record, e.g. `[PROJECT, LESSON_LEARNED]`.",
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  types?: SearchResultType[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Municipality slugs, e.g. `["herten"]`. Providers have no municipality and drop out.',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  municipalities?: string[] | null;

  @Field(() => [State], { nullable: true, description: "States of the records' municipalities, e.g. `[NW]`." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  states?: State[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Topic keys, e.g. `["childcare"]`; query `topics` for the list.',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  topics?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Statuses of projects (`ProjectStatus`) and strategies (`StrategyStatus`), e.g. `["IN_PROGRESS"]`.',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(40, { each: true })
  statuses?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Provider slugs, e.g. `["krzn"]`: the providers and the projects and strategies they work on.',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  providers?: string[] | null;
}

/** Arguments of `search`. */
@ArgsType()
export class SearchArgs {
  @Field({
    description: `What to look for, as people type it (at most ${MAX_SEARCH_QUERY_LENGTH} characters; the first 10 words count). Empty browses by filter.`,
  })
  @MaxLength(MAX_SEARCH_QUERY_LENGTH, {
    message: `query is longer than ${MAX_SEARCH_QUERY_LENGTH} characters; shorten it to the words that matter`,
  })
  query: string;

  @Field(() => SearchFilter, { nullable: true, description: "Narrows the results." })
  @ValidateNested()
  filter?: SearchFilter | null;

  @Field(() => Int, { defaultValue: 20, description: `How many hits to return, 0 to ${MAX_PAGE_SIZE}.` })
  @Min(0, { message: "first must not be negative" })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}; page with "after" to read more` })
  first: number = 20;

  @Field(() => String, {
    nullable: true,
    description: "Return hits after this cursor (`pageInfo.endCursor` of the previous page).",
  })
  @MaxLength(200, { message: "after is not a cursor this API returned" })
  after?: string | null;
}
