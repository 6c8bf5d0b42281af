import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { IsSlug, IsText, IsTitle, IsWebAddress } from "../publishing/validation.js";

/** Changes to a source: fields left out keep their value, null clears an optional one. */
@InputType({ description: "Changes to a source. Fields left out keep their value; null clears an optional field." })
export class SourceInput {
  @Field(() => String, { nullable: true, description: "Title of the publication." })
  @IsTitle(1000)
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Who published it, e.g. `Stadt Herten` or a newspaper." })
  @IsTitle()
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Author, where named." })
  @IsTitle()
  author?: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Publication date, to the precision known." })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Address of the publication (http or https)." })
  @IsWebAddress()
  url?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. on what the source leaves unclear." })
  @IsText()
  note?: string | null;
}

/** A new source, created as a draft. */
@InputType({ description: "A new source. It starts as a draft: publish it with `publishSource`." })
export class CreateSourceInput extends SourceInput {
  @Field(() => String, {
    nullable: true,
    description:
      "Slug of the municipality whose editors maintain the source; an editor's own when left out. Admins may leave it out for a hub-wide source.",
  })
  @MaxLength(MAX_SLUG_LENGTH)
  municipality?: string | null;

  @Field({
    description:
      "Stable key that records cite it by, e.g. `herten-ratsvorlage-2023-141`; cannot be changed later. An editor token's keys begin with its municipality's slug and a hyphen.",
  })
  @IsSlug()
  key: string;

  @Field({ description: "Title of the publication." })
  @IsTitle(1000)
  declare title: string;
}
