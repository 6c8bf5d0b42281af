import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs, MAX_PROJECT_PARTNERS, MAX_PROJECT_PROVIDERS, MaxItems } from "../common/list-bounds.js";
import { SlugArgs } from "../common/slug.args.js";
import { ConnectionType, fetchPage, toConnection } from "../common/pagination.js";
import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Product } from "../product/product.entity.js";
import { Provider } from "../provider/provider.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { CostItem } from "./cost-item.entity.js";
import { Project } from "./project.entity.js";
import { projectOrdering, ProjectsArgs } from "./project.inputs.js";
import { projectWhere } from "./project.service.js";
import { prefetchable } from "../common/prefetch.js";
import { perRequestAndColumns } from "../common/loaders.js";

/** The loader of the projects' providers, sorted by name. */
const providersOf = perRequestAndColumns((loaders, columns) =>
  loaders.related<Project, Provider>(Project, "providers", "name", columns),
);
prefetchable(
  Project,
  "providers",
  Provider,
  ({ loaders }, projects: readonly Project[], columns) => loaders.loadAhead(providersOf(loaders, columns), projects),
  ({ loaders }, project, columns) => loaders.settledValue(providersOf(loaders, columns), project.id),
  { onlyColumnsAsked: true },
);

/** A page of projects. */
@ObjectType({ description: "A page of projects." })
export class ProjectConnection extends ConnectionType("Project", Project) {}

/** Reads projects and their relations. */
@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, { description: "Projects of all municipalities, filtered, sorted and paginated." })
  async projects(@Args() args: ProjectsArgs, @Ctx() { em }: HubContext): Promise<ProjectConnection> {
    const where = await projectWhere(em, args.filter);
    return toConnection(await fetchPage(em, Project, where, projectOrdering.spec(args.orderBy), args));
  }

  @Query(() => Project, { nullable: true, description: "The project with this slug, or null." })
  project(@Args() { slug }: SlugArgs, @Ctx() { loaders }: HubContext) {
    return loaders.plain.findOne(Project, "slug", slug);
  }

  @FieldResolver(() => Municipality, { description: "Municipality that runs the project." })
  async municipality(@Root() project: Project, @Ctx() { loaders }: HubContext): Promise<Municipality> {
    // Plain rows: a page of 20 projects with 5 suggestions each names 100 cities, and tracking them cost more than reading them.
    return (await loaders.byId(Municipality).load(project.municipality.id))!;
  }

  @FieldResolver(() => Strategy, { nullable: true, description: "Strategy the project belongs to, if any." })
  strategy(@Root() project: Project, @Ctx() { loaders }: HubContext): Promise<Strategy | null> | null {
    return project.strategy ? loaders.byId(Strategy).load(project.strategy.id) : null;
  }

  @FieldResolver(() => FieldOfAction, { nullable: true, description: "Field of action the project serves, if any." })
  fieldOfAction(@Root() project: Project, @Ctx() { loaders }: HubContext): Promise<FieldOfAction | null> | null {
    return project.fieldOfAction ? loaders.byId(FieldOfAction).load(project.fieldOfAction.id) : null;
  }

  @FieldResolver(() => [Provider], {
    description: "Providers involved (IT service providers, vendors, consultancies).",
  })
  @MaxItems(MAX_PROJECT_PROVIDERS)
  providers(@Root() project: Project, @Ctx() { loaders }: HubContext): Provider[] | Promise<Provider[]> {
    return loaders.settledOr(providersOf(loaders, null), project, project.id);
  }

  @FieldResolver(() => [Product], { description: "Software products used." })
  @MaxItems(MAX_PROJECT_PROVIDERS)
  products(@Root() project: Project, @Ctx() { loaders }: HubContext): Promise<Product[]> {
    return loaders.related<Project, Product>(Project, "products", "name").load(project);
  }

  @FieldResolver(() => [Product], {
    description:
      "Software products the project replaces: in use until it is done, not used by it (their vendors and hosts are " +
      "the municipality's engagements, not the project's providers).",
  })
  @MaxItems(MAX_PROJECT_PROVIDERS)
  replacedProducts(@Root() project: Project, @Ctx() { loaders }: HubContext): Promise<Product[]> {
    return loaders.related<Project, Product>(Project, "replacedProducts", "name").load(project);
  }

  @FieldResolver(() => [Municipality], { description: "Partner municipalities in the project." })
  @MaxItems(MAX_PROJECT_PARTNERS)
  partners(@Root() project: Project, @Ctx() { loaders }: HubContext): Promise<Municipality[]> {
    return loaders.related<Project, Municipality>(Project, "partners", "name").load(project);
  }

  @FieldResolver(() => [CostItem], { description: "Costs, in the order the source lists them." })
  costs(@Root() project: Project, @Args() { first }: ListArgs, @Ctx() { loaders }: HubContext): Promise<CostItem[]> {
    return loaders.byParent(CostItem, "project", { position: "asc" }, first).load(project.id);
  }
}
