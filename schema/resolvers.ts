import type { Collection } from "@mikro-orm/core";
import type { ClassType, NonEmptyArray } from "type-graphql";
import type { HubEntity } from "./common/node.js";
import type { Source } from "./source/source.entity.js";
import type { Topic } from "./topic/topic.entity.js";
import { BudgetLine } from "./budget/budget-line.entity.js";
import { nodeResolver } from "./common/node.resolver.js";
import { CityKeyFiguresResolver, ComparisonCellResolver, ComparisonResolver, ProviderRolesResolver } from "./comparison/comparison.resolver.js";
import { Decision } from "./decision/decision.entity.js";
import { Engagement } from "./engagement/engagement.entity.js";
import { EngagementResolver } from "./engagement/engagement.resolver.js";
import { nodeEntities } from "./entities.js";
import { FieldOfAction } from "./field-of-action/field-of-action.entity.js";
import { FieldOfActionResolver } from "./field-of-action/field-of-action.resolver.js";
import { Indicator } from "./indicator/indicator.entity.js";
import { LessonLearned } from "./lesson/lesson-learned.entity.js";
import { LessonResolver } from "./lesson/lesson.resolver.js";
import { Municipality } from "./municipality/municipality.entity.js";
import { MunicipalityResolver } from "./municipality/municipality.resolver.js";
import { Product } from "./product/product.entity.js";
import { ProductResolver } from "./product/product.resolver.js";
import { CostItem } from "./project/cost-item.entity.js";
import { Project } from "./project/project.entity.js";
import { ProjectResolver } from "./project/project.resolver.js";
import { ProjectMutationResolver } from "./project/project-mutation.resolver.js";
import { projectKind } from "./project/project.write.js";
import { changeResolver } from "./publishing/change.resolver.js";
import { publicationResolver } from "./publishing/publication.resolver.js";
import type { Publishable } from "./publishing/publishable.js";
import type { RecordKind } from "./publishing/record-kind.js";
import { RevisionResolver, revisionsResolver } from "./publishing/revision.resolver.js";
import { Provider } from "./provider/provider.entity.js";
import { ProviderClientResolver, ProviderClientsResolver } from "./provider/provider-clients.resolver.js";
import { ProviderResolver } from "./provider/provider.resolver.js";
import { SimilarityResolver } from "./similarity/similarity.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { citedResolver } from "./source/cited.resolver.js";
import { ProviderShareResolver, StatsResolver, TopicStateCountResolver } from "./stats/stats.resolver.js";
import { Strategy } from "./strategy/strategy.entity.js";
import { StrategyResolver } from "./strategy/strategy.resolver.js";
import { ViewerResolver } from "./token/viewer.resolver.js";
import { taggedResolver } from "./topic/tagged.resolver.js";
import { TopicCityCountResolver, TopicCountsResolver } from "./topic/topic-counts.resolver.js";
import { TopicResolver } from "./topic/topic.resolver.js";
import { WorkingGroup } from "./working-group/working-group.entity.js";
import { WorkingGroupResolver } from "./working-group/working-group.resolver.js";
import { TopicMutationResolver } from "./topic/topic-mutation.resolver.js";
import { topicKind } from "./topic/topic.write.js";
import { StrategyMutationResolver } from "./strategy/strategy-mutation.resolver.js";
import { strategyKind } from "./strategy/strategy.write.js";
import { SourceMutationResolver } from "./source/source-mutation.resolver.js";
import { sourceKind } from "./source/source.write.js";
import { ProviderMutationResolver } from "./provider/provider-mutation.resolver.js";
import { providerKind } from "./provider/provider.write.js";
import { ProductMutationResolver } from "./product/product-mutation.resolver.js";
import { productKind } from "./product/product.write.js";
import { MunicipalityMutationResolver } from "./municipality/municipality-mutation.resolver.js";
import { municipalityKind } from "./municipality/municipality.write.js";
import { LessonMutationResolver } from "./lesson/lesson-mutation.resolver.js";
import { lessonKind } from "./lesson/lesson.write.js";
import { IndicatorMutationResolver } from "./indicator/indicator-mutation.resolver.js";
import { indicatorKind } from "./indicator/indicator.write.js";
import { FieldOfActionMutationResolver } from "./field-of-action/field-of-action-mutation.resolver.js";
import { fieldOfActionKind } from "./field-of-action/field-of-action.write.js";
import { EngagementMutationResolver } from "./engagement/engagement-mutation.resolver.js";
import { engagementKind } from "./engagement/engagement.write.js";
import { BudgetLineMutationResolver } from "./budget/budget-line-mutation.resolver.js";
import { budgetLineKind } from "./budget/budget-line.write.js";

type Cited = ClassType<HubEntity & { sources: Collection<Source> }>;
type Tagged = ClassType<HubEntity & { topics: Collection<Topic> }>;

const citedTypes: Cited[] = [
  Municipality,
  Strategy,
  FieldOfAction,
  Project,
  CostItem,
  Provider,
  Engagement,
  Product,
  LessonLearned,
  Decision,
  BudgetLine,
  Indicator,
  WorkingGroup,
];
const taggedTypes: Tagged[] = [FieldOfAction, Project, Product, LessonLearned, WorkingGroup];

/** Records editors write and publish. */
const publishableKinds = [projectKind, strategyKind, fieldOfActionKind, budgetLineKind, indicatorKind, lessonKind, sourceKind, engagementKind] as RecordKind<never>[] as RecordKind<Publishable>[];
/** Records only admins write; they have no drafts. */
const adminKinds = [municipalityKind, providerKind, productKind, topicKind] as RecordKind<never>[] as RecordKind[];

/** Every resolver of the hub's GraphQL schema. */
export const resolvers: NonEmptyArray<Function> = [
  nodeResolver(nodeEntities),
  MunicipalityResolver,
  StrategyResolver,
  FieldOfActionResolver,
  ProjectResolver,
  ProviderResolver,
  EngagementResolver,
  ProductResolver,
  LessonResolver,
  TopicResolver,
  WorkingGroupResolver,
  ViewerResolver,
  ProjectMutationResolver,
  StrategyMutationResolver,
  FieldOfActionMutationResolver,
  BudgetLineMutationResolver,
  IndicatorMutationResolver,
  LessonMutationResolver,
  SourceMutationResolver,
  EngagementMutationResolver,
  MunicipalityMutationResolver,
  ProviderMutationResolver,
  ProductMutationResolver,
  TopicMutationResolver,
  RevisionResolver,
  changeResolver(nodeEntities),
  ...publishableKinds.map((kind) => publicationResolver(kind)),
  ...[...publishableKinds, ...adminKinds].map((kind) => revisionsResolver(kind.entity as ClassType<HubEntity>)),
  ComparisonResolver,
  ComparisonCellResolver,
  CityKeyFiguresResolver,
  ProviderRolesResolver,
  SimilarityResolver,
  StatsResolver,
  TopicStateCountResolver,
  ProviderShareResolver,
  ProviderClientsResolver,
  ProviderClientResolver,
  TopicCountsResolver,
  TopicCityCountResolver,
  SearchResolver,
  ...citedTypes.map((entity) => citedResolver(entity)),
  ...taggedTypes.map((entity) => taggedResolver(entity)),
];
