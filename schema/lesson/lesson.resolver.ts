import type { FilterQuery } from "@mikro-orm/core";
import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { given } from "../common/filters.js";
import { orderSpec } from "../common/order.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { municipalityConditions } from "../municipality/municipality.service.js";
import { Project } from "../project/project.entity.js";
import { topicConditions } from "../topic/topic.service.js";
import { LessonLearned } from "./lesson-learned.entity.js";
import { LessonOrderField, LessonsArgs } from "./lesson.inputs.js";

/** A page of lessons learned. */
@ObjectType({ description: "A page of lessons learned." })
export class LessonConnection extends ConnectionType("Lesson", LessonLearned) {}

const ORDER_FIELDS = {
  TITLE: { property: "title", kind: "string" },
  SLUG: { property: "slug", kind: "string" },
  CREATED_AT: { property: "createdAt", kind: "date" },
} as const;

/** Reads lessons learned. */
@Resolver(() => LessonLearned)
export class LessonResolver {
  @Query(() => LessonConnection, { description: "Lessons learned of all municipalities, filtered, sorted and paginated." })
  async lessons(@Args() args: LessonsArgs, @Ctx() { em }: HubContext): Promise<LessonConnection> {
    const conditions = [...(await municipalityConditions(em, args.filter)), ...(await topicConditions(em, args.filter?.topics))];
    if (given(args.filter?.kinds)) conditions.push({ kind: { $in: args.filter.kinds } });
    const order = orderSpec(ORDER_FIELDS, args.orderBy, LessonOrderField.TITLE);
    return toConnection(await fetchPage(em, LessonLearned, { $and: conditions } as FilterQuery<LessonLearned>, order, args));
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
