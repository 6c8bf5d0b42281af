import type { Collection } from "@mikro-orm/core";
import type { ClassType, NonEmptyArray } from "type-graphql";
import type { HubEntity } from "./common/node.js";
import type { Source } from "./source/source.entity.js";
import type { Topic } from "./topic/topic.entity.js";
import { BudgetLine } from "./budget/budget-line.entity.js";
import { nodeResolver } from "./common/node.resolver.js";
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
import { Provider } from "./provider/provider.entity.js";
import { ProviderResolver } from "./provider/provider.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { citedResolver } from "./source/cited.resolver.js";
import { Strategy } from "./strategy/strategy.entity.js";
import { StrategyResolver } from "./strategy/strategy.resolver.js";
import { ViewerResolver } from "./token/viewer.resolver.js";
import { taggedResolver } from "./topic/tagged.resolver.js";
import { TopicResolver } from "./topic/topic.resolver.js";
import { WorkingGroup } from "./working-group/working-group.entity.js";
import { WorkingGroupResolver } from "./working-group/working-group.resolver.js";

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
  SearchResolver,
  ...citedTypes.map((entity) => citedResolver(entity)),
  ...taggedTypes.map((entity) => taggedResolver(entity)),
];
