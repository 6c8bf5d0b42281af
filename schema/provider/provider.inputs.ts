import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { BY_CREATION, BY_SLUG, defineOrdering, type OrderingArgument } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { State } from "../municipality/state.enum.js";
import { ProviderKind } from "./provider-kind.enum.js";

/** Narrows a provider list. */
@InputType({
  description: "Narrows a provider list. Every given criterion must hold; within one criterion any value may match.",
})
export class ProviderFilter {
  @Field(() => [ProviderKind], { nullable: true, description: "Kinds of provider." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: ProviderKind[] | null;

  @Field(() => [State], { nullable: true, description: "States the provider serves." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  states?: State[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Slugs of the providers, e.g. `["krzn"]` (unknown slugs are left out).',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  slugs?: string[] | null;
}

/** The longest text `providers(query:)` and `products(query:)` search for. */
export const MAX_NAME_QUERY_LENGTH = 200;

/** How providers lists can be sorted. */
export const providerOrdering = defineOrdering(
  "Provider",
  "providers",
  {
    NAME: { property: "name", kind: "string", description: "By name." },
    SLUG: BY_SLUG,
    CREATED_AT: BY_CREATION,
  },
  "NAME",
);

/** Arguments of the provider connection. */
@ArgsType()
export class ProvidersArgs extends ConnectionArgs {
  @Field(() => ProviderFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: ProviderFilter | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Text the provider's name, legal name or slug contains (case-insensitive, taken literally); all providers if not given.",
  })
  @MaxLength(MAX_NAME_QUERY_LENGTH, { message: `query is at most ${MAX_NAME_QUERY_LENGTH} characters` })
  query?: string | null;

  @Field(() => providerOrdering.Input, { nullable: true, description: "Sort order; by name if not given." })
  orderBy?: OrderingArgument<typeof providerOrdering> | null;
}
