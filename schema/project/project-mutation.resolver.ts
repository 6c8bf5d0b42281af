import { Arg, Args, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { BySlugArgs } from "../publishing/record-address.args.js";
import { CreateProjectInput, ProjectInput } from "./project-write.inputs.js";
import { Project } from "./project.entity.js";
import { createProjectRecord, updateProjectRecord } from "./project.write.js";

/** Creates and changes projects. */
@Resolver(() => Project)
export class ProjectMutationResolver {
  @Mutation(() => Project, { description: "Creates a project of a municipality, as a draft." })
  createProject(
    @Arg("input", () => CreateProjectInput, { description: "The new record's fields." }) input: CreateProjectInput,
    @Ctx() ctx: HubContext,
  ): Promise<Project> {
    return createProjectRecord(ctx, input);
  }

  @Mutation(() => Project, {
    description: "Changes a project, if it still has the version you last saw (CONFLICT otherwise).",
  })
  updateProject(
    @Args(() => BySlugArgs) target: BySlugArgs,
    @Arg("version", () => Int, { description: "The project's `version` as you last read it." }) version: number,
    @Arg("input", () => ProjectInput, { description: "The fields to change; those left out keep their value." })
    input: ProjectInput,
    @Ctx() ctx: HubContext,
  ): Promise<Project> {
    return updateProjectRecord(ctx, target, version, input);
  }
}
