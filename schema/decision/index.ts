import type { Feature } from "../features.types.js";
import { MunicipalityDecisionsResolver } from "./decision-edges.resolver.js";
import { Decision } from "./decision.entity.js";
import { decisionExport } from "./decision.export.js";

/** Council decisions (seeded, read-only in the API). */
export const decisionFeature: Feature = {
  name: "decision",
  nodes: [Decision],
  resolvers: [MunicipalityDecisionsResolver],
  cited: [Decision],
  exports: [decisionExport],
};
