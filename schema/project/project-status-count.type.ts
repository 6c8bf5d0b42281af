import { Field, Int, ObjectType } from "type-graphql";
import { ProjectStatus } from "./project-status.enum.js";

/** How many projects have one status. */
@ObjectType({ description: "How many published projects have one status." })
export class ProjectStatusCount {
  @Field(() => ProjectStatus, { description: "The status." })
  status: ProjectStatus;

  @Field(() => Int, { description: "Number of published projects with this status." })
  count: number;

  constructor(status: ProjectStatus, count: number) {
    this.status = status;
    this.count = count;
  }
}
