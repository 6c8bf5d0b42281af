import type { Feature } from "../features.types.js";
import { StrategyFieldsOfActionResolver } from "./field-of-action-edges.resolver.js";
import { FieldOfActionMutationResolver } from "./field-of-action-mutation.resolver.js";
import { FieldOfAction } from "./field-of-action.entity.js";
import { FieldOfActionResolver } from "./field-of-action.resolver.js";
import { fieldOfActionKind } from "./field-of-action.write.js";
import { fieldOfActionSearch } from "./field-of-action.search.js";
import { fieldOfActionExport } from "./field-of-action.export.js";

/** A strategy's fields of action. */
export const fieldOfActionFeature: Feature = {
  name: "field-of-action",
  nodes: [FieldOfAction],
  resolvers: [FieldOfActionResolver, FieldOfActionMutationResolver, StrategyFieldsOfActionResolver],
  publishable: [fieldOfActionKind],
  cited: [FieldOfAction],
  tagged: [FieldOfAction],
  searchable: [fieldOfActionSearch],
  exports: [fieldOfActionExport],
};
