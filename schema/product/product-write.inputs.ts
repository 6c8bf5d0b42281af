import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { TaggedCitedInput } from "../publishing/cited.inputs.js";
import { IsSlug, IsText, IsTitle } from "../publishing/validation.js";

/** Changes to a product: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a software product (admins only). Fields left out keep their value; null clears an optional field; lists replace.",
})
export class ProductInput extends TaggedCitedInput {
  @Field(() => String, { nullable: true, description: "Product name." })
  @IsTitle()
  name?: string | null;

  @Field(() => String, { nullable: true, description: "What it does, in German." })
  @IsText()
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Slug of the provider that makes it; null when not known." })
  @MaxLength(MAX_SLUG_LENGTH)
  vendor?: string | null;
}

/** A new product. */
@InputType({ description: "A new software product (admins only)." })
export class CreateProductInput extends ProductInput {
  @Field({ description: "Stable slug; cannot be changed later." })
  @IsSlug()
  @MaxLength(100, { message: "slug is at most 100 characters" })
  slug: string;

  @Field({ description: "Product name." })
  @IsTitle()
  declare name: string;

  @Field({ description: "What it does, in German." })
  @IsText()
  declare description: string;
}
