import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { VISIBILITY_FILTER } from "../../publishing/visibility.js";
import { selectRows } from "../sql.js";
import type { ExportedEntity, RecordExport } from "./record-export.js";

/**
 * Where a page of an export ends: the sort key of its last row. Exports are
 * ordered by municipality name and title (German collation), then slug, which
 * is unique; the next page starts after this key, so rows added or removed in
 * between neither repeat nor shift the rest.
 */
export interface ExportCursor {
  municipality: string;
  title: string;
  slug: string;
}

/** Which page of an export a request asks for: at most `limit` rows, after the row `after` names (from the start without). */
export interface ExportPage {
  limit: number;
  after: ExportCursor | null;
}

/** One page of an export: the ids of its rows in export order, and where the next page starts (null on the last). */
export interface ExportPageIds {
  ids: number[];
  next: ExportCursor | null;
}

/** Rows after `after` in export order: municipality name, then title (both German collation), then slug. */
function keyset(after: ExportCursor | null): FilterQuery<ExportedEntity> {
  if (!after) return {};
  const { municipality, title, slug } = after;
  return {
    $or: [
      { municipality: { name: { $gt: municipality } } },
      { municipality: { name: municipality }, title: { $gt: title } },
      { municipality: { name: municipality }, title, slug: { $gt: slug } },
    ],
  } as FilterQuery<ExportedEntity>;
}

/**
 * One page of the published records of an export that match `filter`, in export order: one statement that
 * reads ids only (the database sorts; the hub holds at most `limit + 1` numbers,
 * as plain rows rather than entities), and one more for the sort key of the
 * page's last row when another page follows. Unknown slugs or keys in the filter are
 * a BAD_USER_INPUT GraphQLError.
 */
export async function exportPageIds<F>(
  em: EntityManager,
  declared: RecordExport<unknown, F>,
  filter: F,
  page: ExportPage,
): Promise<ExportPageIds> {
  const { entity } = declared;
  if (!entity) throw new Error(`export ${declared.name} names no entity to page through`);
  const where = declared.filter ? await declared.filter.where(em, filter) : {};
  const qb = em
    .createQueryBuilder(entity, "e")
    .select("e.id")
    .where({ $and: [where, keyset(page.after)] } as never)
    .orderBy([{ municipality: { name: "asc" } }, { title: "asc" }, { slug: "asc" }] as never)
    .limit(page.limit + 1);
  // Query builders skip the ORM's filters unless told: the visibility filter, for the public whoever asks, states
  // what is published (the filter conditions, municipalities, topics and providers, name no filtered entity).
  await qb.applyFilters({ [VISIBILITY_FILTER]: { scope: "public" } });
  const rows = await qb.execute<{ id: number }[]>("all", false);
  const ids = rows.slice(0, page.limit).map((row) => row.id);
  if (rows.length <= page.limit) return { ids, next: null };
  const table = em.getMetadata().get(entity.name).tableName;
  const [last] = await selectRows<ExportCursor>(
    em,
    `select m.name as municipality, e.title, e.slug from ${table} e join municipality m on m.id = e.municipality_id where e.id = ?`,
    [ids.at(-1)],
  );
  return { ids, next: last };
}

/** Orders loaded records as their ids are ordered in the page. */
export function inPageOrder<T extends { id: number }>(records: readonly T[], ids: readonly number[]): T[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
