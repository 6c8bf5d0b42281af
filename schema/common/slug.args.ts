import { Matches, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";

/** The longest slug the hub issues or accepts. */
export const MAX_SLUG_LENGTH = 120;

/** Lowercase words joined by hyphens, as the hub's slugs and keys are. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const WELL_FORMED = {
  message: "$property must be lowercase letters and digits joined by single hyphens, as this API gives it",
};

/** The `slug` argument of the single-record root fields, e.g. `project(slug:)`. */
@ArgsType()
export class SlugArgs {
  @Field({ description: "Stable slug of the record, as its `slug` field gives it, e.g. `herten-kita-online`." })
  @MaxLength(MAX_SLUG_LENGTH, {
    message: `slug is at most ${MAX_SLUG_LENGTH} characters; use the slug field of a record this API returned`,
  })
  slug: string;
}

/** The `slug` argument of root fields that also refuse a malformed slug, e.g. `lesson(slug:)`. */
@ArgsType()
export class WellFormedSlugArgs {
  @Field({ description: "Stable slug of the record, as its `slug` field gives it, e.g. `herten-kita-online`." })
  @MaxLength(MAX_SLUG_LENGTH, {
    message: `slug is at most ${MAX_SLUG_LENGTH} characters; use the slug field of a record this API returned`,
  })
  @Matches(SLUG_PATTERN, WELL_FORMED)
  slug: string;
}

/** The `key` argument of the single-record root fields of kinds named by key, e.g. `source(key:)`. */
@ArgsType()
export class KeyArgs {
  @Field({ description: "Stable key of the record, as its `key` field gives it, e.g. `kgst-bericht-2023`." })
  @MaxLength(MAX_SLUG_LENGTH, {
    message: `key is at most ${MAX_SLUG_LENGTH} characters; use the key field of a record this API returned`,
  })
  @Matches(SLUG_PATTERN, WELL_FORMED)
  key: string;
}
