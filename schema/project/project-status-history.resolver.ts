import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs } from "../common/list-bounds.js";
import { Source } from "../source/source.entity.js";
import { ProjectStatusChange } from "./project-status-change.entity.js";
import { Project } from "./project.entity.js";

/** Adds `statusHistory` to a project: the statuses the public saw, oldest first. */
@Resolver(() => Project)
export class ProjectStatusHistoryResolver {
  @FieldResolver(() => [ProjectStatusChange], {
    description:
      "The project's public status history, oldest first: its status as its first source gave it, then each status it was published with. Status changes made while it was a draft do not show.",
  })
  statusHistory(
    @Root() project: Project,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<ProjectStatusChange[]> {
    return loaders.byParent(ProjectStatusChange, "project", {}, first).load(project.id);
  }
}

/** Reads a status change's source. */
@Resolver(() => ProjectStatusChange)
export class ProjectStatusChangeResolver {
  @FieldResolver(() => Source, {
    nullable: true,
    description: "The publication the status is taken from; null when none is named (or it is not published).",
  })
  source(@Root() change: ProjectStatusChange, @Ctx() { loaders }: HubContext): Promise<Source | null> | null {
    return change.source ? loaders.byId(Source).load(change.source.id) : null;
  }
}
