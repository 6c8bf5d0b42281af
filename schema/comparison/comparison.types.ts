import { Field, Int, ObjectType } from "type-graphql";
import { EngagementRole } from "../engagement/engagement-role.enum.js";
import { FieldOfAction } from "../field-of-action/field-of-action.entity.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { Project } from "../project/project.entity.js";
import { Topic } from "../topic/topic.entity.js";
import { Coverage } from "./coverage.enum.js";
import { MAX_FIELDS_OF_ACTION, MAX_STRATEGIES, MAX_TAXONOMY_TOPICS, MaxItems } from "../common/list-bounds.js";
import { MAX_COMPARED_MUNICIPALITIES } from "./comparison.inputs.js";
import type { Indicator } from "../indicator/indicator.entity.js";

/** What one municipality does on one topic: one cell of the comparison matrix. */
@ObjectType({ description: "What one municipality does on one topic: one cell of the comparison matrix." })
export class ComparisonCell {
  @Field(() => Municipality, { description: "The municipality of this cell." })
  municipality: Municipality;

  @Field(() => Coverage, { description: "How far the municipality has got with the topic." })
  coverage: Coverage;

  @Field(() => [FieldOfAction], {
    description: "The municipality's published fields of action on the topic, in their strategies' order.",
  })
  @MaxItems(MAX_STRATEGIES * MAX_FIELDS_OF_ACTION)
  fieldsOfAction: FieldOfAction[];

  // Resolved from `projectIds` (ComparisonCellResolver): only the projects a query shows are loaded.
  @Field(() => [Project], { description: "The municipality's published projects on the topic, by title." })
  projects?: Project[];

  /** Ids of the municipality's published projects on the topic, by title (German collation), then id. */
  projectIds: number[];

  constructor(municipality: Municipality, coverage: Coverage, fieldsOfAction: FieldOfAction[], projectIds: number[]) {
    this.municipality = municipality;
    this.coverage = coverage;
    this.fieldsOfAction = fieldsOfAction;
    this.projectIds = projectIds;
  }
}

/** One topic across the compared municipalities: one row of the matrix. */
@ObjectType({ description: "One topic across the compared municipalities: one row of the comparison matrix." })
export class ComparisonRow {
  @Field(() => Topic, { description: "The topic of this row." })
  topic: Topic;

  @Field(() => [ComparisonCell], { description: "One cell per compared municipality, in the requested order." })
  @MaxItems(MAX_COMPARED_MUNICIPALITIES, "municipalities")
  cells: ComparisonCell[];

  constructor(topic: Topic, cells: ComparisonCell[]) {
    this.topic = topic;
    this.cells = cells;
  }
}

/** A provider working for a municipality, with all its roles there. */
@ObjectType({
  description: "A provider working for a municipality, with all its roles there (from published engagements).",
})
export class ProviderRoles {
  /** Database id of the provider; the resolver loads it in batches. */
  providerId: number;

  @Field(() => [EngagementRole], { description: "The provider's roles for the municipality, alphabetically." })
  roles: EngagementRole[];

  constructor(providerId: number, roles: EngagementRole[]) {
    this.providerId = providerId;
    this.roles = roles;
  }
}

/** The key figures of one compared municipality, beside the matrix; each figure is loaded only when asked for. */
@ObjectType({
  description:
    "Key figures of one compared municipality, shown beside the matrix. Counts cover published records only.",
})
export class CityKeyFigures {
  @Field(() => Municipality, { description: "The municipality." })
  municipality: Municipality;

  @Field(() => Int, { nullable: true, description: "Population, as the cited source gives it." })
  get population(): number | null {
    return this.municipality.population;
  }

  /** Keys of the indicators whose series `indicatorSeries` shows (`compare(indicators:)`), checked. */
  indicatorKeys: readonly string[] = [];

  /** The published indicators with those keys of all compared municipalities, as the check read them. */
  chosenIndicators: readonly Indicator[] = [];

  constructor(municipality: Municipality) {
    this.municipality = municipality;
  }
}

/** The answer of `Query.compare`. */
@ObjectType({
  description: "A comparison of municipalities: a topic × municipality matrix with key figures beside it.",
})
export class Comparison {
  @Field(() => [Municipality], { description: "The compared municipalities, in the requested order (the columns)." })
  @MaxItems(MAX_COMPARED_MUNICIPALITIES, "municipalities")
  municipalities: Municipality[];

  @MaxItems(MAX_TAXONOMY_TOPICS, "topics")
  @Field(() => [ComparisonRow], {
    description:
      "One row per topic: the requested topics in their order, or every topic any of the municipalities addresses, by key.",
  })
  rows: ComparisonRow[];

  @Field(() => [CityKeyFigures], { description: "Key figures per municipality, in the requested order." })
  @MaxItems(MAX_COMPARED_MUNICIPALITIES, "municipalities")
  keyFigures: CityKeyFigures[];

  constructor(municipalities: Municipality[], rows: ComparisonRow[]) {
    this.municipalities = municipalities;
    this.rows = rows;
    this.keyFigures = municipalities.map((municipality) => new CityKeyFigures(municipality));
  }
}
