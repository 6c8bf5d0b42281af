import { ArgsType, Args, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.js";
import { ListArgs, MAX_BUDGET_YEARS, MaxItems } from "../common/list-bounds.js";
import { Project } from "../project/project.entity.js";
import { figureLoaders } from "./comparison.resolver.js";
import { Comparison } from "./comparison.types.js";
import { budgetFigures, comparePerInhabitant, projectCostFigures } from "./per-inhabitant.service.js";
import { CityPerInhabitant, PerInhabitantComparison, PerInhabitantFigure } from "./per-inhabitant.types.js";
import { MAX_POPULATION_DATE_GAP_YEARS, populationDateGapError } from "./population-dates.js";

/** Arguments of `Comparison.perInhabitant`. */
@ArgsType()
export class PerInhabitantArgs {
  @Field({
    defaultValue: false,
    description: `Give the figures even when the populations' reference dates lie more than ${MAX_POPULATION_DATE_GAP_YEARS} years apart or one of them has none; without it such a comparison is refused (BAD_USER_INPUT, \`extensions.reason\` POPULATION_DATE_GAP).`,
  })
  allowPopulationDateGap: boolean = false;
}

/** Serves `Comparison.perInhabitant`: figures per inhabitant, each with numerator and sourced population. */
@Resolver(() => Comparison)
export class PerInhabitantResolver {
  @FieldResolver(() => PerInhabitantComparison, {
    nullable: true,
    description: `Figures per inhabitant of the compared municipalities, from published records only, each dividing by a population with a published source; null only when refused: the populations' reference dates lie more than ${MAX_POPULATION_DATE_GAP_YEARS} years apart or one is undated, and \`allowPopulationDateGap\` is not set.`,
  })
  async perInhabitant(
    @Root() comparison: Comparison,
    @Args() { allowPopulationDateGap }: PerInhabitantArgs,
    @Ctx() { em }: HubContext,
  ): Promise<PerInhabitantComparison> {
    const answer = await comparePerInhabitant(em, comparison.municipalities);
    if (answer.populationDateGap && !allowPopulationDateGap) throw populationDateGapError(answer.populationDateGap);
    return answer;
  }
}

/** Resolves the figures of one compared municipality, each list batched over all compared municipalities. */
@Resolver(() => CityPerInhabitant)
export class CityPerInhabitantResolver {
  @FieldResolver(() => [PerInhabitantFigure], {
    description:
      "Per inhabitant: the published budget of the published strategies per year (all categories), oldest year first.",
  })
  @MaxItems(MAX_BUDGET_YEARS)
  async budgetByYear(@Root() city: CityPerInhabitant, @Ctx() ctx: HubContext): Promise<PerInhabitantFigure[]> {
    return budgetFigures(city, await figureLoaders.budgetByYear(ctx).load(city.municipality.id));
  }

  @FieldResolver(() => [PerInhabitantFigure], {
    description:
      "Per inhabitant: each published project's annual costs (the sum of its `COST` items per year in EUR; monthly, one-off and other currencies left out), by project title.",
  })
  async projectAnnualCosts(
    @Root() city: CityPerInhabitant,
    @Args() { first }: ListArgs,
    @Ctx() ctx: HubContext,
  ): Promise<PerInhabitantFigure[]> {
    return projectCostFigures(
      city,
      (await figureLoaders.projectAnnualCosts(ctx).load(city.municipality.id)).slice(0, first),
    );
  }
}

/** Resolves the project of a project cost figure. */
@Resolver(() => PerInhabitantFigure)
export class PerInhabitantFigureResolver {
  @FieldResolver(() => Project, {
    nullable: true,
    description: "The project, for `PROJECT_ANNUAL_COST`; null otherwise.",
  })
  project(@Root() figure: PerInhabitantFigure, @Ctx() { loaders }: HubContext): Promise<Project | null> | null {
    // Public whoever asks, as the figures are.
    return figure.projectId === null ? null : loaders.publicById(Project).load(figure.projectId);
  }
}
