import { ArrayMaxSize, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { BY_CREATION, defineOrdering, type OrderingArgument } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";

/** The longest text `sources(query:)` searches for. */
export const MAX_SOURCE_QUERY_LENGTH = 200;

/** How lists of sources can be sorted. */
export const sourceOrdering = defineOrdering(
  "Source",
  "sources",
  {
    TITLE: { property: "title", kind: "string", description: "By title." },
    KEY: { property: "key", kind: "string", description: "By key." },
    CREATED_AT: BY_CREATION,
  },
  "TITLE",
);

/** Arguments of the sources connection: what an editor types to find a publication to cite. */
@ArgsType()
export class SourcesArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Text the source's title, publisher or key contains (case-insensitive, taken literally); all sources if not given.",
  })
  @MaxLength(MAX_SOURCE_QUERY_LENGTH, { message: `query is at most ${MAX_SOURCE_QUERY_LENGTH} characters` })
  query?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Keys of the sources to return, e.g. `["kgst-bericht-2023"]` (unknown keys are left out); all sources if not given.',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  keys?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Slug of a municipality: only the sources its editors maintain (sources the hub's operators keep have none).",
  })
  @MaxLength(MAX_SLUG_LENGTH, { message: `municipality is a slug of at most ${MAX_SLUG_LENGTH} characters` })
  municipality?: string | null;

  @Field(() => sourceOrdering.Input, { nullable: true, description: "Sort order; by title if not given." })
  orderBy?: OrderingArgument<typeof sourceOrdering> | null;
}
