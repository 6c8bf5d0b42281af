import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { TaggedCitedInput } from "../publishing/cited.inputs.js";
import { IsSlug, IsText, IsTitle } from "../publishing/validation.js";
import { LessonKind } from "./lesson-kind.enum.js";

/** Changes to a lesson: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a lesson learned. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class LessonInput extends TaggedCitedInput {
  @Field(() => String, { nullable: true, description: "The lesson in one line, in German." })
  @IsTitle()
  title?: string | null;

  @Field(() => String, { nullable: true, description: "The lesson in full, in German, in your own words." })
  @IsText()
  body?: string | null;

  @Field(() => LessonKind, { nullable: true, description: "Kind of lesson." })
  kind?: LessonKind | null;

  @Field(() => String, {
    nullable: true,
    description: "Slug of the project (of the same municipality) it was learned in; null for none.",
  })
  @MaxLength(MAX_SLUG_LENGTH)
  project?: string | null;
}

/** A new lesson of a municipality, created as a draft. */
@InputType({ description: "A new lesson learned. It starts as a draft: publish it with `publishLessonLearned`." })
export class CreateLessonInput extends LessonInput {
  @Field({ description: "Slug of the municipality that learned it; an editor token may name only its own." })
  @MaxLength(MAX_SLUG_LENGTH)
  municipality: string;

  @Field({
    description:
      "Stable slug, e.g. `herten-menschen-mitnehmen`; cannot be changed later. An editor token's slugs begin with its municipality's slug and a hyphen.",
  })
  @IsSlug()
  slug: string;

  @Field({ description: "The lesson in one line, in German." })
  @IsTitle()
  declare title: string;

  @Field({ description: "The lesson in full, in German, in your own words." })
  @IsText()
  declare body: string;

  @Field(() => LessonKind, { description: "Kind of lesson." })
  declare kind: LessonKind;
}
