import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { BudgetTotal } from "../budget/budget-total.type.js";
import type { HubContext } from "../common/context.js";
import { defineLoader } from "../common/loaders.js";
import { ListArgs, MAX_BUDGET_YEARS, MAX_STRATEGIES, MaxItems, ProjectListArgs } from "../common/list-bounds.js";
import { columnsAsked, itemSelection } from "../common/prefetch.js";
import { selectsField } from "../common/selection.js";
import { Project } from "../project/project.entity.js";
import { ProjectStatus } from "../project/project-status.enum.js";
import { Indicator } from "../indicator/indicator.entity.js";
import { ProjectStatusCount } from "../project/project-status-count.type.js";
import { Provider } from "../provider/provider.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import { CompareArgs } from "./comparison.inputs.js";
import { chosenIndicators } from "./indicator-series.js";
import {
  budgetByYear,
  compareMunicipalities,
  fieldOfActionCounts,
  indicatorsOf,
  projectStatusCounts,
  providerRoles,
  strategiesOf,
} from "./comparison.service.js";
import { CityKeyFigures, Comparison, ComparisonCell, ProviderRoles } from "./comparison.types.js";
import { projectAnnualCosts } from "./per-inhabitant.service.js";

type Batch<V> = (em: HubContext["em"], ids: readonly number[]) => Promise<Map<number, V>>;

/** Declares the loader of a key figure: all compared municipalities of a request in one statement. */
function figureLoader<V>(name: string, batch: Batch<V>, empty: () => V) {
  return defineLoader<number, V>(`compare.${name}`, async ({ em }, ids) => {
    const values = await batch(em, ids);
    return ids.map((id) => values.get(id) ?? empty());
  });
}

/** The key figures' loaders, by field of `CityKeyFigures` (and of `CityPerInhabitant`: the projects' annual costs). */
export const figureLoaders = {
  strategies: figureLoader("strategies", strategiesOf, () => []),
  fieldOfActionCount: figureLoader("fieldOfActionCount", fieldOfActionCounts, () => 0),
  projectsByStatus: figureLoader("projectsByStatus", projectStatusCounts, () => []),
  budgetByYear: figureLoader("budgetByYear", budgetByYear, () => []),
  providers: figureLoader("providers", providerRoles, () => []),
  indicators: figureLoader("indicators", indicatorsOf, () => []),
  projectAnnualCosts: figureLoader("projectAnnualCosts", projectAnnualCosts, () => []),
};

/** Serves `Query.compare`. */
@Resolver(() => Comparison)
export class ComparisonResolver {
  @Query(() => Comparison, {
    description:
      "Compares municipalities topic by topic: rows are topics, cells (one per municipality, in the requested order) hold the municipality's fields of action and projects on the topic with a coverage level; key figures per municipality sit beside the matrix. Only published records count.",
  })
  async compare(
    @Args() { municipalities, topics, indicators }: CompareArgs,
    @Ctx() { em }: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Comparison> {
    // A query for key figures alone (the site's budget document) does not pay for the matrix.
    const comparison = await compareMunicipalities(em, municipalities, topics, selectsField(info, "rows"));
    const chosen = await chosenIndicators(em, comparison.municipalities, indicators);
    for (const figures of comparison.keyFigures) {
      figures.indicatorKeys = chosen.keys;
      figures.chosenIndicators = chosen.indicators;
    }
    return comparison;
  }
}

/** Resolves the key figures of a compared municipality, each batched over all compared municipalities. */
@Resolver(() => CityKeyFigures)
export class CityKeyFiguresResolver {
  @FieldResolver(() => [Strategy], {
    description: "Published strategies, newest adoption first: title, adoption date (`adoptedOn`) and horizon.",
  })
  @MaxItems(MAX_STRATEGIES)
  strategies(@Root() figures: CityKeyFigures, @Ctx() ctx: HubContext): Promise<Strategy[]> {
    return figureLoaders.strategies(ctx).load(figures.municipality.id);
  }

  @FieldResolver(() => Int, {
    description: "Number of published fields of action of the municipality's published strategies.",
  })
  fieldOfActionCount(@Root() figures: CityKeyFigures, @Ctx() ctx: HubContext): Promise<number> {
    return figureLoaders.fieldOfActionCount(ctx).load(figures.municipality.id);
  }

  @FieldResolver(() => [ProjectStatusCount], {
    description: "Published projects by status; statuses without projects are left out.",
  })
  @MaxItems(Object.keys(ProjectStatus).length)
  projectsByStatus(@Root() figures: CityKeyFigures, @Ctx() ctx: HubContext): Promise<ProjectStatusCount[]> {
    return figureLoaders.projectsByStatus(ctx).load(figures.municipality.id);
  }

  @FieldResolver(() => [BudgetTotal], {
    description: "Published budget of the published strategies per year (all categories), oldest year first.",
  })
  @MaxItems(MAX_BUDGET_YEARS)
  budgetByYear(@Root() figures: CityKeyFigures, @Ctx() ctx: HubContext): Promise<BudgetTotal[]> {
    return figureLoaders.budgetByYear(ctx).load(figures.municipality.id);
  }

  @FieldResolver(() => [ProviderRoles], {
    description: "Providers working for the municipality, by name, with their roles.",
  })
  async providers(
    @Root() figures: CityKeyFigures,
    @Args() { first }: ListArgs,
    @Ctx() ctx: HubContext,
  ): Promise<ProviderRoles[]> {
    return (await figureLoaders.providers(ctx).load(figures.municipality.id)).slice(0, first);
  }

  @FieldResolver(() => [Indicator], {
    description: "Published indicators, e.g. processes identified vs. done, oldest first.",
  })
  async indicators(
    @Root() figures: CityKeyFigures,
    @Args() { first }: ListArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Indicator[]> {
    return (await figureLoaders.indicators(ctx).load(figures.municipality.id)).slice(0, first);
  }
}

/** Pages the projects of a comparison cell: a city can have any number on one topic. */
@Resolver(() => ComparisonCell)
export class ComparisonCellResolver {
  @FieldResolver(() => [Project], {
    description: "The municipality's published projects on the topic, by title (the first `first` of them).",
  })
  async projects(
    @Root() cell: ComparisonCell,
    @Args() { first }: ProjectListArgs,
    @Ctx() { loaders }: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Project[]> {
    // Public whoever asks, as the matrix is: one statement for the shown projects of all cells, as plain rows
    // (a matrix of 20 cities shows hundreds; making tracked entities of them was most of its CPU), with the columns asked.
    const columns = columnsAsked(info, Project, itemSelection(info));
    // Loaded ahead: the cells of one tick in one batch, without a promise per project.
    const projects = await loaders.loadAhead(loaders.publicById(Project, columns), cell.projectIds.slice(0, first));
    return projects.filter((project): project is Project => project !== null);
  }
}

/** Resolves the provider of a provider-with-roles entry. */
@Resolver(() => ProviderRoles)
export class ProviderRolesResolver {
  @FieldResolver(() => Provider, { description: "The provider." })
  async provider(@Root() entry: ProviderRoles, @Ctx() { loaders }: HubContext): Promise<Provider> {
    return (await loaders.byId(Provider).load(entry.providerId))!;
  }
}
