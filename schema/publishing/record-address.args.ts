import { MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";

const SLUG_MESSAGE = `$property is at most ${MAX_SLUG_LENGTH} characters; use the value a record of this API gave`;

/** Names the record a mutation changes by its global ID: for records without a slug or key of their own. */
@ArgsType()
export class ByIdArgs {
  @Field(() => ID, { description: "ID of the record, as its `id` field gives it." })
  @MaxLength(200)
  id: string;
}

/** Names the record a mutation changes by its global ID or its slug: exactly one of them. */
@ArgsType()
export class BySlugArgs {
  @Field(() => ID, { nullable: true, description: "ID of the record, as its `id` field gives it; or give `slug`." })
  @MaxLength(200)
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Slug of the record (unique across the hub), e.g. `herten-kita-online`; or give `id`.",
  })
  @MaxLength(MAX_SLUG_LENGTH, { message: SLUG_MESSAGE })
  slug?: string | null;
}

/** Names the record a mutation changes by its global ID or its key: exactly one of them. */
@ArgsType()
export class ByKeyArgs {
  @Field(() => ID, { nullable: true, description: "ID of the record, as its `id` field gives it; or give `key`." })
  @MaxLength(200)
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Key of the record (unique across the hub), e.g. `e-file`; or give `id`.",
  })
  @MaxLength(MAX_SLUG_LENGTH, { message: SLUG_MESSAGE })
  key?: string | null;
}

/**
 * Names the record a mutation changes by its global ID or by its key within a municipality (council decisions):
 * exactly one of `id` and `key`.
 */
@ArgsType()
export class ByMunicipalKeyArgs {
  @Field(() => ID, { nullable: true, description: "ID of the record, as its `id` field gives it; or give `key`." })
  @MaxLength(200)
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Key of the record (unique within its municipality), e.g. `18-203-rat-2018-11-28`; or give `id`.",
  })
  @MaxLength(MAX_SLUG_LENGTH, { message: SLUG_MESSAGE })
  key?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Slug of the municipality whose `key` it is; an editor token may leave it out for its own municipality, an admin token names it.",
  })
  @MaxLength(MAX_SLUG_LENGTH, { message: SLUG_MESSAGE })
  municipality?: string | null;
}

/** How a write names its record: a global ID (as before), or the arguments of one of the classes above. */
export type RecordAddress =
  string | { id?: string | null; slug?: string | null; key?: string | null; municipality?: string | null };

/** The arguments class that names records of a kind: by slug, by key (hub-wide or within a municipality), or by ID only. */
export function addressArgsOf(naturalKey: "slug" | "key" | undefined, keyScope?: "municipality") {
  if (naturalKey === "slug") return BySlugArgs;
  if (naturalKey === "key") return keyScope === "municipality" ? ByMunicipalKeyArgs : ByKeyArgs;
  return ByIdArgs;
}
