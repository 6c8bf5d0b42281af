import { budgetFeature } from "./budget/index.js";
import { commonFeature } from "./common/index.js";
import { comparisonFeature } from "./comparison/index.js";
import { decisionFeature } from "./decision/index.js";
import { engagementFeature } from "./engagement/index.js";
import type { Feature } from "./features.types.js";
import { fieldOfActionFeature } from "./field-of-action/index.js";
import { indicatorFeature } from "./indicator/index.js";
import { lessonFeature } from "./lesson/index.js";
import { municipalityFeature } from "./municipality/index.js";
import { productFeature } from "./product/index.js";
import { projectFeature } from "./project/index.js";
import { providerFeature } from "./provider/index.js";
import { publishingFeature } from "./publishing/index.js";
import { searchFeature } from "./search/index.js";
import { similarityFeature } from "./similarity/index.js";
import { sourceFeature } from "./source/index.js";
import { statsFeature } from "./stats/index.js";
import { strategyFeature } from "./strategy/index.js";
import { tokenFeature } from "./token/index.js";
import { topicFeature } from "./topic/index.js";
import { workingGroupFeature } from "./working-group/index.js";

/**
 * Every feature of the hub; adding a record type means adding its feature here. The order is
 * the order of the derived lists: record kinds (and so the write-path tests) and entities.
 */
export const features: readonly Feature[] = [
  commonFeature,
  tokenFeature,
  publishingFeature,
  municipalityFeature,
  projectFeature,
  strategyFeature,
  fieldOfActionFeature,
  budgetFeature,
  indicatorFeature,
  lessonFeature,
  sourceFeature,
  engagementFeature,
  providerFeature,
  productFeature,
  topicFeature,
  workingGroupFeature,
  decisionFeature,
  comparisonFeature,
  similarityFeature,
  statsFeature,
  searchFeature,
];
