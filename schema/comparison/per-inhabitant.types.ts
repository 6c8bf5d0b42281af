import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DecimalScalar, PartialDateScalar } from "../common/scalars.js";
import { MAX_COMPARED_MUNICIPALITIES } from "./comparison.inputs.js";
import { MaxItems } from "../common/list-bounds.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Project } from "../project/project.entity.js";
import { Source } from "../source/source.entity.js";

/** What a per-inhabitant figure divides by the population. */
export enum PerInhabitantMeasure {
  STRATEGY_BUDGET = "STRATEGY_BUDGET",
  PROJECT_ANNUAL_COST = "PROJECT_ANNUAL_COST",
}

registerEnumType(PerInhabitantMeasure, {
  name: "PerInhabitantMeasure",
  description: "What a per-inhabitant figure divides by the population.",
  valuesConfig: {
    STRATEGY_BUDGET: {
      description: "The published budget of the municipality's published strategies in one year, all categories.",
    },
    PROJECT_ANNUAL_COST: {
      description: "The annual costs (`COST` items per year, in EUR) of one published project.",
    },
  },
});

/** A population with what a per-inhabitant figure needs to name: its reference date and its published source. */
@ObjectType({ description: "A municipality's population with its reference date and its (published) source." })
export class PopulationFigure {
  @Field(() => Int, { description: "Inhabitants, as the source gives them." })
  count: number;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "Reference date (Stichtag) of the count; null when the source states none.",
  })
  asOf: string | null;

  @Field(() => Source, { description: "The publication the count is taken from." })
  source: Source;

  constructor(count: number, asOf: string | null, source: Source) {
    this.count = count;
    this.asOf = asOf;
    this.source = source;
  }
}

/** One figure per inhabitant: a numerator divided by the municipality's sourced population. */
@ObjectType({
  description:
    "One figure per inhabitant: `numerator` (EUR) divided by `denominator`, the municipality's population (`CityPerInhabitant.population` gives its date and source). `value` is null, with `unavailableReason`, where there is no sourced population: never an estimate.",
})
export class PerInhabitantFigure {
  @Field(() => PerInhabitantMeasure, { description: "What the numerator is." })
  measure: PerInhabitantMeasure;

  @Field({ description: 'What the figure is, in German, e.g. "Budget der veröffentlichten Strategien 2021".' })
  label: string;

  @Field(() => Int, { nullable: true, description: "Budget year, for `STRATEGY_BUDGET`; null otherwise." })
  year: number | null;

  // Resolved from `projectId` (PerInhabitantFigureResolver): only the projects a query shows are loaded.
  @Field(() => Project, { nullable: true, description: "The project, for `PROJECT_ANNUAL_COST`; null otherwise." })
  project?: Project | null;

  /** Database id of the project of a `PROJECT_ANNUAL_COST` figure. */
  projectId: number | null;

  @Field(() => DecimalScalar, { description: "Numerator: the amount in EUR, exact to the cent." })
  numerator: string;

  @Field(() => Int, { nullable: true, description: "Denominator: the population; null where there is none sourced." })
  denominator: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "EUR per inhabitant, `numerator / denominator` rounded half up to the cent; null where unavailable.",
  })
  value: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why `value` is null, in German, e.g. "Keine belegte Einwohnerzahl"; null when it is given.',
  })
  unavailableReason: string | null;

  constructor(
    what: Pick<PerInhabitantFigure, "measure" | "label" | "year" | "projectId" | "numerator">,
    outcome: Pick<PerInhabitantFigure, "denominator" | "value" | "unavailableReason">,
  ) {
    this.measure = what.measure;
    this.label = what.label;
    this.year = what.year;
    this.projectId = what.projectId;
    this.numerator = what.numerator;
    this.denominator = outcome.denominator;
    this.value = outcome.value;
    this.unavailableReason = outcome.unavailableReason;
  }
}

/** The per-inhabitant figures of one compared municipality; its lists are loaded only when asked for. */
@ObjectType({ description: "The per-inhabitant figures of one compared municipality." })
export class CityPerInhabitant {
  @Field(() => Municipality, { description: "The municipality." })
  municipality: Municipality;

  @Field(() => PopulationFigure, {
    nullable: true,
    description: "The population the figures divide by; null when the municipality has none with a published source.",
  })
  population: PopulationFigure | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why there is no population to divide by, in German, e.g. "Keine belegte Einwohnerzahl"; null when there is one.',
  })
  unavailableReason: string | null;

  constructor(municipality: Municipality, population: PopulationFigure | null, unavailableReason: string | null) {
    this.municipality = municipality;
    this.population = population;
    this.unavailableReason = unavailableReason;
  }
}

/** A compared municipality's population reference date. */
@ObjectType({ description: "A compared municipality's population reference date." })
export class PopulationDate {
  @Field(() => Municipality, { description: "The municipality." })
  municipality: Municipality;

  @Field(() => PartialDateScalar, { description: "Reference date (Stichtag) of its population." })
  asOf: string;

  constructor(municipality: Municipality, asOf: string) {
    this.municipality = municipality;
    this.asOf = asOf;
  }
}

/** Why the populations of a comparison are not comparable: undated, or counted more than two years apart. */
@ObjectType({
  description:
    "Why the sourced populations of a comparison cannot be shown to be counted within two years of each other: some have no reference date, or two lie more than two years apart.",
})
export class PopulationDateGap {
  @Field(() => [Municipality], {
    description: "Compared municipalities whose sourced population has no reference date.",
  })
  @MaxItems(MAX_COMPARED_MUNICIPALITIES, "municipalities")
  undated: Municipality[];

  @Field(() => PopulationDate, {
    nullable: true,
    description:
      "The earlier of two reference dates more than two years apart (the widest such pair); null when none are.",
  })
  earlier: PopulationDate | null;

  @Field(() => PopulationDate, { nullable: true, description: "The later date of that pair; null when none are." })
  later: PopulationDate | null;

  constructor(undated: Municipality[], earlier: PopulationDate | null, later: PopulationDate | null) {
    this.undated = undated;
    this.earlier = earlier;
    this.later = later;
  }
}

/** The per-inhabitant part of a comparison. */
@ObjectType({
  description:
    "Figures per inhabitant of the compared municipalities, each with its numerator and the population it divides by.",
})
export class PerInhabitantComparison {
  @Field(() => [CityPerInhabitant], { description: "One entry per compared municipality, in the requested order." })
  @MaxItems(MAX_COMPARED_MUNICIPALITIES, "municipalities")
  cities: CityPerInhabitant[];

  @Field(() => PopulationDateGap, {
    nullable: true,
    description:
      "Why the populations are not comparable by date, when they are not (then only `allowPopulationDateGap: true` gives the figures); null when they are.",
  })
  populationDateGap: PopulationDateGap | null;

  constructor(cities: CityPerInhabitant[], populationDateGap: PopulationDateGap | null) {
    this.cities = cities;
    this.populationDateGap = populationDateGap;
  }
}
