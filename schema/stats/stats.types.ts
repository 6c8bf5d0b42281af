import type { FilterQuery } from "@mikro-orm/core";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { State } from "../municipality/state.enum.js";
import type { Project } from "../project/project.entity.js";
import type { ProjectFilter } from "../project/project.inputs.js";

/** How many published projects of one state's municipalities carry one topic. */
@ObjectType({ description: "How many published projects of one state's municipalities carry one topic." })
export class TopicStateCount {
  /** Database id of the topic; the resolver loads it in batches. */
  topicId: number;

  @Field(() => State, { description: "State of the projects' municipalities." })
  state: State;

  @Field(() => Int, { description: "Number of published projects." })
  count: number;

  constructor(topicId: number, state: State, count: number) {
    this.topicId = topicId;
    this.state = state;
    this.count = count;
  }
}

/** How much of the hub's municipalities of one state a provider serves: counts and population. */
@ObjectType({
  description:
    "How many of the hub's municipalities in one state a provider serves (from published engagements), and what " +
    "share of them that is. The denominator is the municipalities the hub holds in the state (within the filter), " +
    "not all municipalities of the state: this is coverage within the hub, not a market share.",
})
export class ProviderCoverage {
  /** Database id of the provider; the resolver loads it in batches. */
  providerId: number;

  @Field(() => State, { description: "The state." })
  state: State;

  @Field(() => Int, {
    description:
      "Numerator: the hub's municipalities of the state (within the filter) where the provider has a published " +
      "engagement (in one of the given roles, if any).",
  })
  servedMunicipalities: number;

  @Field(() => Int, {
    description:
      "Denominator: the hub's municipalities of the state (within the filter's municipalities and states). " +
      "Municipalities have no drafts: every one in the hub counts.",
  })
  hubMunicipalities: number;

  @Field(() => Float, {
    description: "`servedMunicipalities / hubMunicipalities`, from 0 to 1, rounded to four places by the database.",
  })
  coverageShare: number;

  @Field(() => Int, {
    nullable: true,
    description: "Population of the served municipalities; null when `populationCoverageShare` is.",
  })
  servedPopulation: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Population of the denominator's municipalities; null when `populationCoverageShare` is.",
  })
  hubPopulation: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "`servedPopulation / hubPopulation`, from 0 to 1, rounded to four places: the share weighted by population. " +
      "Null when a municipality of the denominator has no population in the hub (see `populationCoverageNote`).",
  })
  populationCoverageShare: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Why `populationCoverageShare` is null, in English; null when it is given.",
  })
  populationCoverageNote: string | null;

  constructor(fields: ProviderCoverage) {
    this.providerId = fields.providerId;
    this.state = fields.state;
    this.servedMunicipalities = fields.servedMunicipalities;
    this.hubMunicipalities = fields.hubMunicipalities;
    this.coverageShare = fields.coverageShare;
    this.servedPopulation = fields.servedPopulation;
    this.hubPopulation = fields.hubPopulation;
    this.populationCoverageShare = fields.populationCoverageShare;
    this.populationCoverageNote = fields.populationCoverageNote;
  }
}

/** A provider's client municipalities in one state, the figure `Stats.providersByClients` gives (deprecated). */
@ObjectType({
  description:
    "A provider's client municipalities in one state (from published engagements), as a share of the hub's " +
    "municipalities there. Not a market share: the hub holds only a few municipalities of a state. Superseded by " +
    "`ProviderCoverage`, which gives the same counts under clear names, and a population-weighted share.",
})
export class ProviderShare {
  /** Database id of the provider; the resolver loads it in batches. */
  providerId: number;

  @Field(() => State, { description: "The state." })
  state: State;

  @Field(() => Int, { description: "Municipalities of the state the provider works for." })
  clients: number;

  @Field(() => Int, { description: "Municipalities of the state in the hub (within the filter)." })
  municipalities: number;

  @Field(() => Float, {
    description: "`clients / municipalities`, from 0 to 1, rounded to four places by the database.",
  })
  share: number;

  constructor(coverage: ProviderCoverage) {
    this.providerId = coverage.providerId;
    this.state = coverage.state;
    this.clients = coverage.servedMunicipalities;
    this.municipalities = coverage.hubMunicipalities;
    this.share = coverage.coverageShare;
  }
}

/** How many published strategies were adopted in one year. */
@ObjectType({ description: "How many published strategies were adopted in one year." })
export class AdoptionYearCount {
  @Field(() => Int, {
    nullable: true,
    description: "Year of adoption; null for strategies not (yet) adopted or without a known date.",
  })
  year: number | null;

  @Field(() => Int, { description: "Number of published strategies." })
  count: number;

  constructor(year: number | null, count: number) {
    this.year = year;
    this.count = count;
  }
}

/** The answer of `Query.stats`: each figure is one SQL statement, run only when asked for. */
@ObjectType({
  description:
    "Aggregate figures over published records, computed by the database. Each figure costs one SQL statement, whatever the data size.",
})
export class Stats {
  /** The checked project condition of the filter. */
  readonly projectWhere: FilterQuery<Project>;
  /** The filter as given. */
  readonly filter: ProjectFilter | null;

  constructor(projectWhere: FilterQuery<Project>, filter: ProjectFilter | null) {
    this.projectWhere = projectWhere;
    this.filter = filter;
  }
}
