import type { EntityClass, FilterQuery } from "@mikro-orm/core";
import { defineLoader, type LoaderAccessor } from "./loaders.js";

/** A record kept per municipality under a key of its own. */
interface MunicipalRecord {
  key: string;
  municipality: { id: number };
}

/**
 * Declares the loader of a municipality's record by its key, as the request may see it (its visibility filter): one
 * statement per key asked, for every municipality of the request at once. Loads by municipality ID; null for none.
 */
export function defineMunicipalKeyLoader<T extends MunicipalRecord>(
  name: string,
  entity: EntityClass<T>,
): LoaderAccessor<number, T | null, string> {
  return defineLoader<number, T | null, string>(
    name,
    async ({ em }, ids, key) => {
      const found = await em.find(entity, { key, municipality: { $in: [...ids] } } as FilterQuery<T>);
      const byCity = new Map(found.map((record) => [record.municipality.id, record]));
      return ids.map((id) => byCity.get(id) ?? null);
    },
    (key) => key,
  );
}
