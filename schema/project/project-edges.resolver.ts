import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ProjectListArgs } from "../common/list-bounds.js";
import { defineLoader } from "../common/loaders.js";
import { fetchPagesByParent, type Page, toConnection } from "../common/pagination.js";
import { columnsAsked, itemSelection, prefetchSelection } from "../common/prefetch.js";
import { selectsField } from "../common/selection.js";
import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { Project } from "./project.entity.js";
import { projectOrdering, ProjectsArgs } from "./project.inputs.js";
import { ProjectConnection } from "./project.resolver.js";
import { projectWhere } from "./project.service.js";

/** What a page of a municipality's projects depends on besides the municipality. */
interface MunicipalityProjectsParams {
  args: ProjectsArgs;
  withTotalCount: boolean;
  /** The properties the query asks of the projects, when fewer than all (see `columnsAsked`). */
  columns: readonly string[] | null;
}

/** Pages of the projects of a batch of municipalities, for one set of arguments. */
export const municipalityProjectsLoader = defineLoader<number, Page<Project>, MunicipalityProjectsParams>(
  "Municipality.projects",
  async ({ em }, ids, { args, withTotalCount, columns }) => {
    const where = await projectWhere(em, args.filter);
    const pages = await fetchPagesByParent(
      em,
      Project,
      "municipality",
      ids,
      where,
      projectOrdering.spec(args.orderBy),
      args,
      withTotalCount,
      columns,
    );
    return ids.map((id) => pages.get(id)!);
  },
  ({ args, withTotalCount, columns }) => `${withTotalCount}#${JSON.stringify(args)}#${columns?.join() ?? "*"}`,
);

/** Adds `projects` to a municipality: the project feature's edge. */
@Resolver(() => Municipality)
export class MunicipalityProjectsResolver {
  @FieldResolver(() => ProjectConnection, {
    description: "The municipality's projects, filtered, sorted and paginated.",
  })
  async projects(
    @Root() municipality: Municipality,
    @Args() args: ProjectsArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProjectConnection> {
    // Counting every municipality's matching projects is a statement of its own: only when asked for.
    const withTotalCount = selectsField(info, "totalCount");
    const nodes = itemSelection(info, ["nodes"]);
    // Projects reached through `edges` too may be asked anything there.
    const columns = selectsField(info, "edges") ? null : columnsAsked(info, Project, nodes);
    const page = await municipalityProjectsLoader(ctx, { args, withTotalCount, columns }).load(municipality.id);
    // The page's providers and topics, for all municipalities' pages at once.
    await prefetchSelection(ctx, info, Project, page.items, nodes);
    return toConnection(page);
  }
}

/** Adds `projects` to a strategy: the project feature's edge. */
@Resolver(() => Strategy)
export class StrategyProjectsResolver {
  @FieldResolver(() => [Project], { description: "Projects that belong to the strategy." })
  projects(
    @Root() strategy: Strategy,
    @Args() { first }: ProjectListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Project[]> {
    return loaders.byParent(Project, "strategy", { title: "asc" }, first).load(strategy.id);
  }
}

/** Adds `projects` to a field of action: the project feature's edge. */
@Resolver(() => FieldOfAction)
export class FieldOfActionProjectsResolver {
  @FieldResolver(() => [Project], { description: "Projects assigned to this field of action." })
  projects(
    @Root() field: FieldOfAction,
    @Args() { first }: ProjectListArgs,
    @Ctx() { loaders }: HubContext,
  ): Promise<Project[]> {
    return loaders.byParent(Project, "fieldOfAction", { title: "asc" }, first).load(field.id);
  }
}
