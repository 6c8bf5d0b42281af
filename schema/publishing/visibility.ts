import type { Dictionary, Filter } from "@mikro-orm/core";

type FilterDef = Parameters<typeof Filter>[0];
import { TokenRole } from "../token/token-role.enum.js";
import type { Viewer } from "../token/viewer.js";
import { PublicationState } from "./publication-state.enum.js";

/** Name of the MikroORM filter that hides what a caller may not read. */
export const VISIBILITY_FILTER = "visible";

/**
 * Whose unpublished records a caller may read: nobody's (the public), one
 * municipality's (its editors), or everybody's (admins, and the hub's own
 * maintenance work such as seeding).
 */
export type Visibility = { scope: "public" } | { scope: "municipality"; municipalityId: number } | { scope: "all" };

/** How a record type finds its municipality and the record it hangs off. */
export interface VisibilityPaths {
  /** Path to the owning municipality, e.g. `municipality` or `strategy.municipality`. */
  owner: string;
  /** Relation to a publishable parent that must be public too, e.g. `strategy`. */
  parent?: string;
  /** Whether the parent relation may be empty (a lesson without a project). */
  parentOptional?: boolean;
  /** False for records without a state of their own, which follow their parent (cost items). */
  ownState?: boolean;
  /** The parent's own paths, when the parent is public only with a parent of its own (an indicator's strategy). */
  parentPaths?: VisibilityPaths;
}

function nest(path: string, value: unknown): Dictionary {
  return path
    .split(".")
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Dictionary;
}

/**
 * The condition for what the public may read of a record type. SQL outside the ORM
 * reads the same through the views `public_<table>` (migration PublicViews), which
 * `test/integration/public-views.test.ts` holds to this condition.
 */
export function publicCondition({
  parent,
  parentOptional = false,
  ownState = true,
  parentPaths,
}: VisibilityPaths): Dictionary {
  const published = { publicationState: PublicationState.PUBLISHED };
  const conditions: Dictionary[] = ownState ? [published] : [];
  if (parent) {
    const parentPublished = nest(parent, parentPaths ? publicCondition(parentPaths) : published);
    conditions.push(parentOptional ? { $or: [{ [parent]: null }, parentPublished] } : parentPublished);
  }
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

/**
 * The MikroORM filter that every read of a record type passes through: on by
 * default, so code that forgets about drafts shows the public view, never more.
 * Each request sets its caller's `Visibility` with `em.setFilterParams`.
 */
export function visibilityFilter(paths: VisibilityPaths): FilterDef {
  return {
    name: VISIBILITY_FILTER,
    default: true,
    args: false,
    cond: (params: Dictionary | undefined) => visibleCondition(paths, params as Visibility | undefined),
  };
}

/** The condition for what a caller with `visibility` may read of a record type; no visibility means the public's. */
export function visibleCondition(paths: VisibilityPaths, visibility: Visibility | undefined): Dictionary {
  if (visibility?.scope === "all") return {};
  const publicOnly = publicCondition(paths);
  if (visibility?.scope === "municipality") return { $or: [publicOnly, nest(paths.owner, visibility.municipalityId)] };
  return publicOnly;
}

/** The `filters` find option of a read that shows what the public sees, whoever asks (comparisons, figures). */
export const PUBLIC_ONLY = { [VISIBILITY_FILTER]: { scope: "public" } satisfies Visibility };

/** What the caller of a request may read: admins everything, editors their municipality's drafts too, others the public view. */
export function visibilityOf(viewer: Viewer | null): Visibility {
  if (!viewer) return { scope: "public" };
  if (viewer.role === TokenRole.ADMIN) return { scope: "all" };
  return viewer.municipalityId === null
    ? { scope: "public" }
    : { scope: "municipality", municipalityId: viewer.municipalityId };
}
