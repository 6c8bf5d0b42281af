import type { EntityManager } from "@mikro-orm/postgresql";
import { badUserInput } from "../common/errors.js";
import { report } from "../common/problems.js";
import { lookUpNamed } from "../publishing/references.js";
import { Strategy } from "./strategy.entity.js";

/**
 * The strategy a write names in `input.strategy` (null to clear it, or when it is not one: reported), which must be one of the record's own
 * municipality's; `rule` ends the message otherwise, e.g. "a project can only belong to its own municipality's strategy".
 */
export async function findOwnStrategy(
  tx: EntityManager,
  slug: string | null,
  municipalityId: number,
  rule: string,
): Promise<Strategy | null> {
  if (slug === null) return null;
  const strategy = await lookUpNamed(
    tx,
    Strategy,
    "slug",
    slug,
    "input.strategy",
    "Use the slug of one of the municipality's strategies.",
  );
  if (strategy && strategy.municipality.id !== municipalityId) {
    report(tx, badUserInput(`input.strategy belongs to another municipality; ${rule}.`, ["input.strategy"]));
  }
  return strategy;
}
