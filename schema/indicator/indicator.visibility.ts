import type { VisibilityPaths } from "../publishing/visibility.js";

/** How an indicator finds its municipality and its optional strategy, which must be public too. */
export const INDICATOR_VISIBILITY: VisibilityPaths = {
  owner: "municipality",
  parent: "strategy",
  parentOptional: true,
};
