/**
 * How the public-views tests compare a `public_<table>` view with the ORM's visibility filter for the public:
 * the publishable types come from the entity metadata of a database's ORM, so a fixture's type is compared too.
 */
import type { Dictionary, EntityMetadata } from "@mikro-orm/core";
import { expect } from "vitest";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { VISIBILITY_FILTER, type Visibility } from "../../schema/publishing/visibility.js";
import type { Database } from "../../server/database/database.js";

const PUBLIC: Visibility = { scope: "public" };

/** A publishable type as its visibility filter describes it for the public. */
export interface PublicType {
  meta: EntityMetadata;
  table: string;
  ownState: boolean;
  /** The publishable parent that must be public too, with its table and the column that points at it. */
  parent: { table: string; column: string; optional: boolean } | null;
}

/** Every entity of the database's ORM with the visibility filter, with what its public condition checks. */
export function publicTypes(database: Pick<Database, "orm">): PublicType[] {
  return Object.values(database.orm.getMetadata().getAll())
    .filter((meta) => meta.filters[VISIBILITY_FILTER] && !meta.abstract)
    .sort((a, b) => a.className.localeCompare(b.className))
    .map((meta) => describeType(meta));
}

/** Reads the entity's own filter condition for the public: `{ $and: [own state, parent] }` or one of them. */
function describeType(meta: EntityMetadata): PublicType {
  const cond = meta.filters[VISIBILITY_FILTER].cond as (params: Visibility) => Dictionary;
  const condition = cond(PUBLIC);
  const parts: Dictionary[] = condition.$and ?? [condition];
  let ownState = false;
  let parent: PublicType["parent"] = null;
  for (const part of parts) {
    if (part.publicationState === PublicationState.PUBLISHED) {
      ownState = true;
      continue;
    }
    const optional = Array.isArray(part.$or);
    const [relation] = Object.keys(optional ? part.$or[1] : part);
    const property = meta.properties[relation];
    if (!property?.targetMeta) {
      throw new Error(`${meta.className}: unexpected visibility condition ${JSON.stringify(condition)}`);
    }
    parent = { table: property.targetMeta.tableName, column: property.fieldNames[0], optional };
  }
  return { meta, table: meta.tableName, ownState, parent };
}

/** Runs a statement on the database, outside the ORM's filters. */
export function sqlOf(database: Pick<Database, "orm">) {
  return <T extends object>(statement: string, params: unknown[] = []): Promise<T[]> =>
    database.orm.em.fork().getConnection().execute<T[]>(statement, params, "all");
}

/** The ids the ORM's visibility filter shows the public, in id order. */
export async function ormIds(database: Pick<Database, "orm">, type: PublicType): Promise<number[]> {
  const em = database.orm.em.fork();
  // As a request sets it: filters passed in the options would override the relations' own (see `IndicatorValue`).
  em.setFilterParams(VISIBILITY_FILTER, PUBLIC);
  const rows = await em.find<{ id: number }>(
    type.meta.className,
    {},
    { fields: ["id"] as never, orderBy: { id: "asc" } },
  );
  return rows.map((row) => row.id);
}

/** The ids in the type's view, in id order. */
export async function viewIds(database: Pick<Database, "orm">, type: PublicType): Promise<number[]> {
  const rows = await sqlOf(database)<{ id: number }>(`select id from public_${type.table} order by id`);
  return rows.map((row) => row.id);
}

/** Expects each type's view to hold exactly the ids the ORM's filter shows the public. */
export async function expectViewsMatchOrm(
  database: Pick<Database, "orm">,
  types: readonly PublicType[],
): Promise<void> {
  for (const type of types) {
    expect(await viewIds(database, type), `public_${type.table}`).toEqual(await ormIds(database, type));
  }
}
