import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { containsPattern, given } from "../common/filters.js";
import { municipalityConditions } from "../municipality/municipality.service.js";
import type { Source } from "./source.entity.js";
import type { SourcesArgs } from "./source.inputs.js";

/** Turns the sources arguments into a query condition, after checking the municipality they name. */
export async function sourceWhere(em: EntityManager, args: SourcesArgs): Promise<FilterQuery<Source>> {
  const conditions: object[] = args.municipality
    ? await municipalityConditions(em, { municipalities: [args.municipality] })
    : [];
  if (given(args.keys)) conditions.push({ key: { $in: args.keys } });
  const text = args.query?.trim();
  if (text) {
    const pattern = containsPattern(text);
    conditions.push({
      $or: [{ title: { $ilike: pattern } }, { publisher: { $ilike: pattern } }, { key: { $ilike: pattern } }],
    });
  }
  return { $and: conditions } as FilterQuery<Source>;
}
