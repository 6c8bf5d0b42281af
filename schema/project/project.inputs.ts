import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { MAX_SLUG_LENGTH } from "../common/slug.args.js";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { OrderInput } from "../common/order.js";
import { ConnectionArgs } from "../common/pagination.js";
import { MunicipalityScopeFilter } from "../municipality/municipality-scope.inputs.js";
import { ProjectStatus } from "./project-status.enum.js";

/** Narrows a project list; every given criterion must hold, and within one any value may match. */
@InputType({ description: "Narrows a project list. Every given criterion must hold; within one criterion any value may match." })
export class ProjectFilter extends MunicipalityScopeFilter {
  @Field(() => [ProjectStatus], { nullable: true, description: "Project statuses." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  statuses?: ProjectStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of providers involved, e.g. `["krzn"]`.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(MAX_SLUG_LENGTH, { each: true })
  providers?: string[] | null;
}

/** Fields a project list can be sorted by. */
export enum ProjectOrderField {
  TITLE = "TITLE",
  SLUG = "SLUG",
  STATUS = "STATUS",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(ProjectOrderField, {
  name: "ProjectOrderField",
  description: "Fields a project list can be sorted by.",
  valuesConfig: { TITLE: { description: "By title." }, SLUG: { description: "By slug." }, STATUS: { description: "By status." }, CREATED_AT: { description: "By when the record was added to the hub." }, UPDATED_AT: { description: "By when the record was last changed." } },
});

/** Sort order of project lists. */
export const ProjectOrder = OrderInput("Project", ProjectOrderField, ProjectOrderField.TITLE);
export type ProjectOrder = InstanceType<typeof ProjectOrder>;

/** Arguments of project connections. */
@ArgsType()
export class ProjectsArgs extends ConnectionArgs {
  @Field(() => ProjectFilter, { nullable: true, description: "Narrows the list." })
  @ValidateNested()
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { nullable: true, description: "Sort order; by title if not given." })
  orderBy?: ProjectOrder | null;
}
