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

/** A provider's client municipalities in one state: its "market share" there. */
@ObjectType({
  description:
    "A provider's client municipalities in one state (from published engagements): its market share among the hub's municipalities there.",
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

  constructor(providerId: number, state: State, clients: number, municipalities: number, share: number) {
    this.providerId = providerId;
    this.state = state;
    this.clients = clients;
    this.municipalities = municipalities;
    this.share = share;
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
