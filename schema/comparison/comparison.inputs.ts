import { ArrayMaxSize, ArrayMinSize, ArrayUnique, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";

/** The most indicators whose series one comparison shows. */
export const MAX_COMPARED_INDICATORS = 10;

/** The most municipalities one comparison may hold. */
export const MAX_COMPARED_MUNICIPALITIES = 20;

/** Arguments of `Query.compare`. */
@ArgsType()
export class CompareArgs {
  @Field(() => [String], {
    description: `Slugs of the municipalities to compare, 1 to ${MAX_COMPARED_MUNICIPALITIES}, in the order the cells should follow, e.g. \`["ratingen", "hildesheim"]\`.`,
  })
  @ArrayMinSize(1, { message: "name at least one municipality slug to compare" })
  @ArrayMaxSize(MAX_COMPARED_MUNICIPALITIES, {
    message: `at most ${MAX_COMPARED_MUNICIPALITIES} municipalities can be compared at once; split the list into several comparisons`,
  })
  @ArrayUnique({ message: "names a municipality more than once; name each municipality once" })
  @MaxLength(MAX_SLUG_LENGTH, {
    each: true,
    message: `slugs are at most ${MAX_SLUG_LENGTH} characters; use the slug field of a municipality this API returned`,
  })
  municipalities: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Topic keys to compare on, e.g. `["schools"]`, in the order of the rows; all topics any of the municipalities addresses when not given.',
  })
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `at most ${MAX_FILTER_VALUES} topics` })
  @ArrayUnique({ message: "names a topic more than once; name each topic once" })
  @MaxLength(MAX_SLUG_LENGTH, {
    each: true,
    message: `topic keys are at most ${MAX_SLUG_LENGTH} characters; query \`topics\` for valid keys`,
  })
  topics?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Indicator keys, up to ${MAX_COMPARED_INDICATORS}, e.g. \`["processes-identified"]\`, whose series \`keyFigures.indicatorSeries\` shows per municipality, in this order; none when not given.`,
  })
  @ArrayMaxSize(MAX_COMPARED_INDICATORS, { message: `at most ${MAX_COMPARED_INDICATORS} indicators` })
  @ArrayUnique({ message: "names an indicator more than once; name each indicator once" })
  @MaxLength(MAX_SLUG_LENGTH, {
    each: true,
    message: `indicator keys are at most ${MAX_SLUG_LENGTH} characters; query \`municipality { indicators { key } }\` for valid keys`,
  })
  indicators?: string[] | null;
}
