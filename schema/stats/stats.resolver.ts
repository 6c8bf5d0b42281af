import { Args, type ClassType, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { BudgetTotal } from "../budget/budget-total.type.js";
import { BudgetCategory } from "../budget/budget-category.enum.js";
import type { HubContext } from "../common/context.js";
import { AGGREGATE_WORK, MAX_BUDGET_YEARS, MAX_TAXONOMY_TOPICS, Work } from "../common/list-bounds.js";
import { State } from "../municipality/state.enum.js";
import { ProjectStatus } from "../project/project-status.enum.js";
import { ProjectStatusCount } from "../project/project-status-count.type.js";
import { projectWhere } from "../project/project.service.js";
import { Provider } from "../provider/provider.entity.js";
import { Topic } from "../topic/topic.entity.js";
import { ProviderFigureArgs, StatsArgs } from "./stats.inputs.js";
import {
  budgetByYearAndCategory,
  projectCount,
  projectsByStatus,
  projectsByTopicAndState,
  providerCoverage,
  providersByClients,
  strategiesByAdoptionYear,
} from "./stats.service.js";
import { AdoptionYearCount, ProviderCoverage, ProviderShare, Stats, TopicStateCount } from "./stats.types.js";

/** Serves `Query.stats`; each figure is computed only when selected. */
@Resolver(() => Stats)
export class StatsResolver {
  @Query(() => Stats, {
    description:
      "Aggregate answers over published records, without downloading them: projects by topic × state and by status, providers' coverage of the hub's municipalities, strategies by adoption year, budget totals. Filterable like `projects`.",
  })
  async stats(@Args() { filter }: StatsArgs, @Ctx() { em }: HubContext): Promise<Stats> {
    return new Stats(await projectWhere(em, filter), filter ?? null);
  }

  // Each figure is one aggregate statement over the matching published records.
  @FieldResolver(() => Int, { description: "Number of published projects that match the filter." })
  @Work(AGGREGATE_WORK)
  projectCount(@Root() stats: Stats, @Ctx() { em }: HubContext): Promise<number> {
    return projectCount(em, stats);
  }

  @FieldResolver(() => [TopicStateCount], {
    description: "Published projects by topic and state, by topic key and state; with a topic filter, only its topics.",
  })
  @Work(AGGREGATE_WORK, { maxItems: MAX_TAXONOMY_TOPICS * Object.keys(State).length })
  projectsByTopicAndState(@Root() stats: Stats, @Ctx() { em }: HubContext): Promise<TopicStateCount[]> {
    return projectsByTopicAndState(em, stats);
  }

  @FieldResolver(() => [ProjectStatusCount], {
    description: "Published projects by status; statuses without projects are left out.",
  })
  @Work(AGGREGATE_WORK, { maxItems: Object.keys(ProjectStatus).length })
  projectsByStatus(@Root() stats: Stats, @Ctx() { em }: HubContext): Promise<ProjectStatusCount[]> {
    return projectsByStatus(em, stats);
  }

  @FieldResolver(() => [ProviderCoverage], {
    description:
      "Each provider's coverage of the hub's municipalities per state: how many of them it serves (published " +
      "engagements), out of how many, and the share, also weighted by population where every municipality has one; " +
      "by state, then most served first. Narrowed by the filter's municipalities, states and providers, and by " +
      "`providerKinds` and `roles`.",
  })
  @Work(AGGREGATE_WORK)
  async providerCoverage(
    @Root() stats: Stats,
    @Args() { first, providerKinds, roles }: ProviderFigureArgs,
    @Ctx() { em }: HubContext,
  ): Promise<ProviderCoverage[]> {
    return (await providerCoverage(em, stats, { providerKinds, roles })).slice(0, first);
  }

  @FieldResolver(() => [ProviderShare], {
    description:
      "Providers by number of client municipalities per state, by state, then most clients first; the share is " +
      "of the hub's municipalities in the state, not a market share.",
    deprecationReason:
      "Its `share` is no market share but the share of the hub's few municipalities in a state: use " +
      "`providerCoverage`, which gives the same counts as `servedMunicipalities` / `hubMunicipalities`.",
  })
  @Work(AGGREGATE_WORK)
  async providersByClients(
    @Root() stats: Stats,
    @Args() { first, providerKinds, roles }: ProviderFigureArgs,
    @Ctx() { em }: HubContext,
  ): Promise<ProviderShare[]> {
    return (await providersByClients(em, stats, { providerKinds, roles })).slice(0, first);
  }

  @FieldResolver(() => [AdoptionYearCount], {
    description: "Published strategies by year of adoption, oldest first; those without one last.",
  })
  @Work(AGGREGATE_WORK, { maxItems: MAX_BUDGET_YEARS + 1 })
  strategiesByAdoptionYear(@Root() stats: Stats, @Ctx() { em }: HubContext): Promise<AdoptionYearCount[]> {
    return strategiesByAdoptionYear(em, stats);
  }

  @FieldResolver(() => [BudgetTotal], {
    description: "Published budget lines of published strategies, summed by year and category.",
  })
  @Work(AGGREGATE_WORK, { maxItems: MAX_BUDGET_YEARS * Object.keys(BudgetCategory).length })
  budgetByYearAndCategory(@Root() stats: Stats, @Ctx() { em }: HubContext): Promise<BudgetTotal[]> {
    return budgetByYearAndCategory(em, stats);
  }
}

/** Resolves the topic of a topic × state count. */
@Resolver(() => TopicStateCount)
export class TopicStateCountResolver {
  @FieldResolver(() => Topic, { description: "The topic." })
  async topic(@Root() entry: TopicStateCount, @Ctx() { loaders }: HubContext): Promise<Topic> {
    return (await loaders.byId(Topic).load(entry.topicId))!;
  }
}

/** A resolver of `provider` on a figure's entries that carry a provider's id. */
function providerEntryResolver(type: ClassType<{ providerId: number }>) {
  @Resolver(() => type)
  class ProviderEntryResolver {
    @FieldResolver(() => Provider, { description: "The provider." })
    async provider(@Root() entry: { providerId: number }, @Ctx() { loaders }: HubContext): Promise<Provider> {
      return (await loaders.byId(Provider).load(entry.providerId))!;
    }
  }
  return ProviderEntryResolver;
}

/** Resolves the provider of a `providersByClients` entry. */
export const ProviderShareResolver = providerEntryResolver(ProviderShare);

/** Resolves the provider of a `providerCoverage` entry. */
export const ProviderCoverageResolver = providerEntryResolver(ProviderCoverage);
