import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { WellFormedSlugArgs } from "../common/slug.args.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Project } from "../project/project.entity.js";
import { LessonLearned } from "./lesson-learned.entity.js";
import { lessonOrdering, LessonsArgs } from "./lesson.inputs.js";
import { lessonWhere } from "./lesson.service.js";

/** A page of lessons learned. */
@ObjectType({ description: "A page of lessons learned." })
export class LessonConnection extends ConnectionType("Lesson", LessonLearned) {}

/** Reads lessons learned. */
@Resolver(() => LessonLearned)
export class LessonResolver {
  @Query(() => LessonConnection, {
    description: "Lessons learned of all municipalities, filtered, sorted and paginated.",
  })
  async lessons(@Args() args: LessonsArgs, @Ctx() { em }: HubContext): Promise<LessonConnection> {
    return toConnection(
      await fetchPage(em, LessonLearned, await lessonWhere(em, args.filter), lessonOrdering.spec(args.orderBy), args),
    );
  }

  @Query(() => LessonLearned, {
    nullable: true,
    description:
      "The lesson learned with this slug, or null. Anonymous callers see published lessons; editors also their own municipality's drafts.",
  })
  lesson(@Args() { slug }: WellFormedSlugArgs, @Ctx() { loaders }: HubContext) {
    return loaders.plain.findOne(LessonLearned, "slug", slug);
  }

  @FieldResolver(() => Municipality, { description: "Municipality that learned it." })
  async municipality(@Root() lesson: LessonLearned, @Ctx() { loaders }: HubContext): Promise<Municipality> {
    return (await loaders.byId(Municipality).load(lesson.municipality.id))!;
  }

  @FieldResolver(() => Project, { nullable: true, description: "Project the lesson comes from, if any." })
  project(@Root() lesson: LessonLearned, @Ctx() { loaders }: HubContext): Promise<Project | null> | null {
    return lesson.project ? loaders.byId(Project).load(lesson.project.id) : null;
  }
}
