import type { Feature } from "../features.types.js";
import { MunicipalityDecisionsResolver } from "./decision-edges.resolver.js";
import { DecisionMutationResolver } from "./decision-mutation.resolver.js";
import { Decision } from "./decision.entity.js";
import { decisionExport } from "./decision.export.js";
import { decisionKind } from "./decision.write.js";

/** Council decisions: written by the editors of their municipality, published like the other records. */
export const decisionFeature: Feature = {
  name: "decision",
  nodes: [Decision],
  resolvers: [MunicipalityDecisionsResolver, DecisionMutationResolver],
  publishable: [decisionKind],
  cited: [Decision],
  exports: [decisionExport],
};
