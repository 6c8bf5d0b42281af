import { ArrayMaxSize, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { BY_CREATION, BY_SLUG, defineOrdering, type OrderingArgument } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { MAX_NAME_QUERY_LENGTH } from "../provider/provider.inputs.js";

/** How lists of products can be sorted. */
export const productOrdering = defineOrdering(
  "Product",
  "products",
  {
    NAME: { property: "name", kind: "string", description: "By name." },
    SLUG: BY_SLUG,
    CREATED_AT: BY_CREATION,
  },
  "NAME",
);

/** Arguments of the products connection: what an editor types to find the software a project uses. */
@ArgsType()
export class ProductsArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Text the product's name or slug contains (case-insensitive, taken literally); all products if not given.",
  })
  @MaxLength(MAX_NAME_QUERY_LENGTH, { message: `query is at most ${MAX_NAME_QUERY_LENGTH} characters` })
  query?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Slugs of the products, e.g. `["jugis"]` (unknown slugs are left out); all products if not given.',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  slugs?: string[] | null;

  @Field(() => productOrdering.Input, { nullable: true, description: "Sort order; by name if not given." })
  orderBy?: OrderingArgument<typeof productOrdering> | null;
}
