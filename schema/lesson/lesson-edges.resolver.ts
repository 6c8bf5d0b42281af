import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs } from "../common/list-bounds.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Project } from "../project/project.entity.js";
import { LessonLearned } from "./lesson-learned.entity.js";

/** Adds `lessons` to a municipality: the lesson feature's edge. */
@Resolver(() => Municipality)
export class MunicipalityLessonsResolver {
  @FieldResolver(() => [LessonLearned], { description: "Lessons the municipality learned." })
  lessons(
    @Root() municipality: Municipality,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<LessonLearned[]> {
    return loaders.byParent(LessonLearned, "municipality", { title: "asc" }, first).load(municipality.id);
  }
}

/** Adds `lessons` to a project: the lesson feature's edge. */
@Resolver(() => Project)
export class ProjectLessonsResolver {
  @FieldResolver(() => [LessonLearned], { description: "Lessons learned in the project." })
  lessons(
    @Root() project: Project,
    @Args() { first }: ListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<LessonLearned[]> {
    return loaders.byParent(LessonLearned, "project", { title: "asc" }, first).load(project.id);
  }
}
