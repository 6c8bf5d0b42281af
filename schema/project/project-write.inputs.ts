import { ArrayMaxSize, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { DecimalScalar, PartialDateScalar } from "../common/scalars.js";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { MAX_COST_ITEMS, MAX_PROJECT_PARTNERS, MAX_PROJECT_PROVIDERS } from "../common/list-bounds.js";
import { CitedInput, TaggedCitedInput } from "../publishing/cited.inputs.js";
import { IsNotFuture, IsReferenceList, IsSlug, IsText, IsTitle, MAX_TEXT_LENGTH } from "../publishing/validation.js";
import { CostKind } from "./cost-kind.enum.js";
import { CostPeriod } from "./cost-period.enum.js";
import { ProjectStatus } from "./project-status.enum.js";

/** One cost of a project in a write: a new one, or (with `id`) one the project has. */
@InputType({
  description:
    "One cost of a project: with `id`, a cost item the project has, changed to these fields; without, a new one.",
})
export class CostItemInput extends CitedInput {
  @Field(() => ID, {
    nullable: true,
    description: "ID of a cost item the project has, to change it; leave out for a new one.",
  })
  @MaxLength(200)
  id?: string | null;

  @Field(() => DecimalScalar, {
    description: 'Amount, exact to the cent, e.g. `"124500.00"`; negative only for a `DIFFERENCE` (a saving).',
  })
  amount: string;

  @Field(() => String, { nullable: true, description: "ISO 4217 currency code; `EUR` when left out." })
  @Matches(/^[A-Z]{3}$/, { message: "$property must be an ISO 4217 code of three capital letters, e.g. `EUR`" })
  currency?: string | null;

  @Field(() => CostKind, { nullable: true, description: "A cost of the project (the default) or a figure to compare." })
  kind?: CostKind | null;

  @Field(() => CostPeriod, { description: "Period the amount covers." })
  period: CostPeriod;

  @Field({ description: "What the cost is for, in German." })
  @IsTitle(MAX_TEXT_LENGTH)
  description: string;

  @Field(() => String, {
    nullable: true,
    description: "Editorial remark, e.g. where a figure in the source does not add up; left out, it keeps its value.",
  })
  @IsText()
  note?: string | null;
}

/** Changes to a project: fields left out keep their value, null clears an optional one, lists replace. */
@InputType({
  description:
    "Changes to a project. Fields left out keep their value; null clears an optional field; lists replace the current list.",
})
export class ProjectInput extends TaggedCitedInput {
  @Field(() => String, { nullable: true, description: "Title in German." })
  @IsTitle()
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Summary in German, in your own words." })
  @IsText()
  summary?: string | null;

  @Field(() => ProjectStatus, { nullable: true, description: "Progress of the project." })
  status?: ProjectStatus | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      "The date the status is valid for according to its source (`2018`, `2018-11` or `2018-11-22`), not in the future. A status change without one clears it; publishing a status change records it as the date of the change in `statusHistory`.",
  })
  @IsNotFuture()
  statusAsOf?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "When work started: `2021`, `2021-08` or `2021-08-26`.",
  })
  startedOn?: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When it is planned to end." })
  plannedEndOn?: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When it was completed." })
  completedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Editorial remark, e.g. where sources are ambiguous." })
  @IsText()
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Slug of the strategy (of the same municipality) the project belongs to; null for none.",
  })
  @MaxLength(MAX_SLUG_LENGTH)
  strategy?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "ID of the field of action (of that strategy) the project serves; null for none.",
  })
  @MaxLength(200)
  fieldOfAction?: string | null;

  @Field(() => [String], { nullable: true, description: "Slugs of the providers involved; replaces the list." })
  @IsReferenceList(MAX_PROJECT_PROVIDERS)
  providers?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Slugs of the software products used; replaces the list." })
  @IsReferenceList(MAX_PROJECT_PROVIDERS)
  products?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "Slugs of the software products the project replaces (not uses); replaces the list.",
  })
  @IsReferenceList(MAX_PROJECT_PROVIDERS)
  replacedProducts?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Slugs of partner municipalities; replaces the list." })
  @IsReferenceList(MAX_PROJECT_PARTNERS)
  partners?: string[] | null;

  @Field(() => [CostItemInput], {
    nullable: true,
    description: `The costs, in the order the source lists them, at most ${MAX_COST_ITEMS}; replaces the list: an entry with \`id\` changes that cost item, one without adds one, cost items left out are removed.`,
  })
  @ArrayMaxSize(MAX_COST_ITEMS, { message: `$property lists at most ${MAX_COST_ITEMS} costs` })
  @ValidateNested({ each: true })
  costs?: CostItemInput[] | null;
}

/** A new project, created as a draft. */
@InputType({ description: "A new project. It starts as a draft: publish it with `publishProject`." })
export class CreateProjectInput extends ProjectInput {
  @Field({ description: "Slug of the municipality that runs the project; an editor token may name only its own." })
  @MaxLength(MAX_SLUG_LENGTH)
  municipality: string;

  @Field({
    description:
      "Stable slug, e.g. `herten-kita-online`: lowercase letters, digits and hyphens; cannot be changed later. An editor token's slugs begin with its municipality's slug and a hyphen.",
  })
  @IsSlug()
  slug: string;

  @Field({ description: "Title in German." })
  @IsTitle()
  declare title: string;

  @Field({ description: "Summary in German, in your own words." })
  @IsText()
  declare summary: string;

  @Field(() => ProjectStatus, { description: "Progress of the project." })
  declare status: ProjectStatus;
}
