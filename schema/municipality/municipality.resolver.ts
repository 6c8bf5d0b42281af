import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs, MAX_STRATEGIES, MaxItems } from "../common/list-bounds.js";
import { selectsField } from "../common/selection.js";
import { SlugArgs } from "../common/slug.args.js";
import { ConnectionType, fetchPage, fetchPagesByParent, type Page, toConnection } from "../common/pagination.js";
import { Decision } from "../decision/decision.entity.js";
import { Engagement } from "../engagement/engagement.entity.js";
import { Indicator } from "../indicator/indicator.entity.js";
import { LessonLearned } from "../lesson/lesson-learned.entity.js";
import { Project } from "../project/project.entity.js";
import { projectOrdering, ProjectsArgs } from "../project/project.inputs.js";
import { ProjectConnection } from "../project/project.resolver.js";
import { projectWhere } from "../project/project.service.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { MunicipalitiesArgs, municipalityOrdering } from "./municipality.inputs.js";
import { municipalityWhere } from "./municipality.service.js";
import { Municipality } from "./municipality.entity.js";

/** A page of municipalities. */
@ObjectType({ description: "A page of municipalities." })
export class MunicipalityConnection extends ConnectionType("Municipality", Municipality) {}

/** Reads municipalities and what hangs off them. */
@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection, { description: "Municipalities in the hub, filtered, sorted and paginated." })
  async municipalities(@Args() args: MunicipalitiesArgs, @Ctx() { em }: HubContext): Promise<MunicipalityConnection> {
    return toConnection(await fetchPage(em, Municipality, municipalityWhere(args.filter), municipalityOrdering.spec(args.orderBy), args));
  }

  @Query(() => Municipality, { nullable: true, description: "The municipality with this slug, or null." })
  municipality(@Args() { slug }: SlugArgs, @Ctx() { em }: HubContext) {
    return em.findOne(Municipality, { slug });
  }

  @FieldResolver(() => [Strategy], { description: "The municipality's strategies, newest adoption first." })
  @MaxItems(MAX_STRATEGIES)
  strategies(@Root() municipality: Municipality, @Ctx() { loaders }: HubContext): Promise<Strategy[]> {
    return loaders.byParent(Strategy, "municipality", { adoptedOn: "desc nulls last", title: "asc" }).load(municipality.id);
  }

  @FieldResolver(() => ProjectConnection, { description: "The municipality's projects, filtered, sorted and paginated." })
  async projects(
    @Root() municipality: Municipality,
    @Args() args: ProjectsArgs,
    @Ctx() { em, loaders }: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProjectConnection> {
    // Counting every municipality's matching projects is a statement of its own: only when asked for.
    const withTotalCount = selectsField(info, "totalCount");
    const loader = loaders.get(`Municipality.projects#${withTotalCount}#${JSON.stringify(args)}`, () =>
      new DataLoader<number, Page<Project>>(async (ids) => {
        const where = await projectWhere(em, args.filter);
        const pages = await fetchPagesByParent(em, Project, "municipality", ids, where, projectOrdering.spec(args.orderBy), args, withTotalCount);
        return ids.map((id) => pages.get(id)!);
      }),
    );
    return toConnection(await loader.load(municipality.id));
  }

  @FieldResolver(() => [Engagement], { description: "Providers working for the municipality, with their roles." })
  engagements(@Root() municipality: Municipality, @Args() { first }: ListArgs, @Ctx() { loaders }: HubContext): Promise<Engagement[]> {
    return loaders.byParent(Engagement, "municipality", { since: "asc nulls last" }, first).load(municipality.id);
  }

  @FieldResolver(() => [Decision], { description: "Council decisions, oldest first." })
  decisions(@Root() municipality: Municipality, @Args() { first }: ListArgs, @Ctx() { loaders }: HubContext): Promise<Decision[]> {
    return loaders.byParent(Decision, "municipality", { date: "asc nulls last" }, first).load(municipality.id);
  }

  @FieldResolver(() => [Indicator], { description: "Measured figures of the municipality's digitalisation." })
  indicators(@Root() municipality: Municipality, @Args() { first }: ListArgs, @Ctx() { loaders }: HubContext): Promise<Indicator[]> {
    return loaders.byParent(Indicator, "municipality", { asOf: "asc nulls last" }, first).load(municipality.id);
  }

  @FieldResolver(() => [LessonLearned], { description: "Lessons the municipality learned." })
  lessons(@Root() municipality: Municipality, @Args() { first }: ListArgs, @Ctx() { loaders }: HubContext): Promise<LessonLearned[]> {
    return loaders.byParent(LessonLearned, "municipality", { title: "asc" }, first).load(municipality.id);
  }
}
