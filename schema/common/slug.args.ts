import { MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";

/** The longest slug the hub issues or accepts. */
export const MAX_SLUG_LENGTH = 120;

/** The `slug` argument of the single-record root fields, e.g. `project(slug:)`. */
@ArgsType()
export class SlugArgs {
  @Field({ description: "Stable slug of the record, as its `slug` field gives it, e.g. `herten-kita-online`." })
  @MaxLength(MAX_SLUG_LENGTH, {
    message: `slug is at most ${MAX_SLUG_LENGTH} characters; use the slug field of a record this API returned`,
  })
  slug: string;
}
