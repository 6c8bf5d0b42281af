import { BudgetLine } from "./budget/budget-line.entity.js";
import { HubEntity } from "./common/node.js";
import { Decision } from "./decision/decision.entity.js";
import { Engagement } from "./engagement/engagement.entity.js";
import { FieldOfAction } from "./field-of-action/field-of-action.entity.js";
import { Indicator } from "./indicator/indicator.entity.js";
import { LessonLearned } from "./lesson/lesson-learned.entity.js";
import { Municipality } from "./municipality/municipality.entity.js";
import { Product } from "./product/product.entity.js";
import { CostItem } from "./project/cost-item.entity.js";
import { Project } from "./project/project.entity.js";
import { Provider } from "./provider/provider.entity.js";
import { Source } from "./source/source.entity.js";
import { Strategy } from "./strategy/strategy.entity.js";
import { Publishable } from "./publishing/publishable.js";
import { Revision } from "./publishing/revision.entity.js";
import { ApiToken } from "./token/api-token.entity.js";
import { Topic } from "./topic/topic.entity.js";
import { WorkingGroup } from "./working-group/working-group.entity.js";

/** Every entity type that GraphQL can fetch by global ID, by GraphQL type name. */
export const nodeEntities = {
  BudgetLine,
  CostItem,
  Decision,
  Engagement,
  FieldOfAction,
  Indicator,
  LessonLearned,
  Municipality,
  Product,
  Project,
  Provider,
  Source,
  Strategy,
  Topic,
  WorkingGroup,
} as const;

/** The entity classes MikroORM manages, base classes included; API tokens and revisions are not GraphQL nodes. */
export const entities = [HubEntity, Publishable, ...Object.values(nodeEntities), ApiToken, Revision];
