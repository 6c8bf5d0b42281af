import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { MAX_FILTER_VALUES } from "../common/filters.js";
import { AggregateListArgs } from "../common/list-bounds.js";
import { EngagementRole } from "../engagement/engagement-role.enum.js";
import { ProjectFilter } from "../project/project.inputs.js";
import { ProviderKind } from "../provider/provider-kind.enum.js";

/** Arguments of `Query.stats`. */
@ArgsType()
export class StatsArgs {
  @Field(() => ProjectFilter, {
    nullable: true,
    description:
      "Narrows the figures like `projects(filter:)`. Project figures apply every criterion; the others apply those that fit them: providers the municipalities, states and providers; strategies and budgets the municipalities, states and topics (of their fields of action).",
  })
  @ValidateNested()
  filter?: ProjectFilter | null;
}

/** Arguments of the stats' provider figures: which providers and which of their engagements count. */
@ArgsType()
export class ProviderFigureArgs extends AggregateListArgs {
  @Field(() => [ProviderKind], {
    nullable: true,
    description:
      "Counts only providers of these kinds, e.g. `[MUNICIPAL_IT_SERVICE_PROVIDER]`; all kinds when left out or empty.",
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  providerKinds?: ProviderKind[] | null;

  @Field(() => [EngagementRole], {
    nullable: true,
    description:
      "Counts only engagements in these roles, e.g. `[IT_OPERATIONS]`: a municipality is a client when the provider " +
      "has a published engagement there in one of them; all roles when left out or empty.",
  })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  roles?: EngagementRole[] | null;
}
