import type { Feature } from "../features.types.js";
import { WorkingGroup } from "./working-group.entity.js";
import { WorkingGroupResolver } from "./working-group.resolver.js";
import { workingGroupExport } from "./working-group.export.js";

/** Inter-municipal working groups (seeded, read-only in the API). */
export const workingGroupFeature: Feature = {
  name: "working-group",
  nodes: [WorkingGroup],
  resolvers: [WorkingGroupResolver],
  cited: [WorkingGroup],
  tagged: [WorkingGroup],
  exports: [workingGroupExport],
};
