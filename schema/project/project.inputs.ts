import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { BY_CREATION, BY_SLUG, defineOrdering, type OrderingArgument } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MunicipalityScopeFilter } from "../municipality/municipality-scope.inputs.js";
import { ProjectStatus } from "./project-status.enum.js";

/** Narrows a project list; every given criterion must hold, and within one any value may match. */
@InputType({
  description: "Narrows a project list. Every given criterion must hold; within one criterion any value may match.",
})
export class ProjectFilter extends MunicipalityScopeFilter {
  @Field(() => [ProjectStatus], { nullable: true, description: "Project statuses." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  statuses?: ProjectStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of providers involved, e.g. `["krzn"]`.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  providers?: string[] | null;
}

/** How project lists can be sorted. */
export const projectOrdering = defineOrdering(
  "Project",
  "projects",
  {
    TITLE: { property: "title", kind: "string", description: "By title." },
    SLUG: BY_SLUG,
    STATUS: { property: "status", kind: "string", description: "By status." },
    CREATED_AT: BY_CREATION,
    UPDATED_AT: { property: "updatedAt", kind: "date", description: "By when the record was last changed." },
  },
  "TITLE",
);

/** Arguments of project connections. */
@ArgsType()
export class ProjectsArgs extends ConnectionArgs {
  @Field(() => ProjectFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: ProjectFilter | null;

  @Field(() => projectOrdering.Input, { nullable: true, description: "Sort order; by title if not given." })
  orderBy?: OrderingArgument<typeof projectOrdering> | null;
}
