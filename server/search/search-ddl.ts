/**
 * The search SQL the features declare (`Feature.searchable`): the `search_source` view, the `search_cascade` function
 * and the triggers that keep the documents current. A search migration deploys this text as its `up.sql`
 * (`npm run migration:create` writes one when it differs from what is deployed), and a test checks that what the
 * migrations deployed is what the features declare.
 */
import { cascadeColumns, lockOrder, type Searchable } from "../../schema/search/searchable-types.js";

const OPERATIONS = [
  { op: "delete", when: "after delete", tables: "old table as old_rows" },
  { op: "insert", when: "after insert", tables: "new table as new_rows" },
  { op: "update", when: "after update", tables: "old table as old_rows new table as new_rows" },
] as const;

/** Drops every trigger that calls `search_on_change`, so that a type no longer declared loses its triggers. */
export const DROP_SEARCH_TRIGGERS = `do $drop$
    declare t record;
    begin
      for t in select g.tgname, g.tgrelid::regclass as rel from pg_trigger g
                where not g.tgisinternal and g.tgfoid = 'search_on_change'::regproc loop
        execute format('drop trigger %I on %s', t.tgname, t.rel);
      end loop;
    end $drop$;`;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The documents of every type, one `union all` branch each, in the declarations' order. */
function searchSourceSql(types: readonly Searchable[]): string {
  const branches = types.map((type) => type.source.trim().replace(/^/gm, "  "));
  return `create or replace view search_source as\n${branches.join("\n  union all\n")};`;
}

/** `search_cascade`: per type, the documents of the types following it, refreshed in lock order. */
function searchCascadeSql(types: readonly Searchable[]): string {
  const ordered = lockOrder(types);
  const branches = ordered.flatMap((followed) => {
    const refreshes = ordered.flatMap((type) =>
      type.follows
        .filter((follow) => follow.type === followed.type)
        .map((follow) => `        perform search_refresh(${literal(type.type)}, array(${follow.ids}));`),
    );
    return refreshes.length ? [`p_type = ${literal(followed.type)} then\n${refreshes.join("\n")}`] : [];
  });
  const body = branches.length ? `      if ${branches.join("\n      elsif ")}\n      end if;\n` : "";
  return `create or replace function search_cascade(p_type text, p_ids integer[]) returns void language plpgsql as $function$
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
      -- Generated from the features' search declarations (server/search/search-ddl.ts). Dependents in the order
      -- search_refresh locks types, so that concurrent cascades cannot deadlock on each other's locks:
      -- ${ordered.map((type) => type.type).join(", ")}.
${body}    end $function$;`;
}

/** One trigger per operation on a table, calling `search_on_change` with `args`. */
function triggersSql(table: string, args: readonly string[]): string[] {
  return OPERATIONS.map(
    ({ op, when, tables }) =>
      `create trigger search_${table}_${op} ${when} on ${table} referencing ${tables} ` +
      `for each statement execute function search_on_change(${args.map(literal).join(", ")});`,
  );
}

/** The triggers of every type's table and pivots; the deployed ones are dropped first, so that removed types lose theirs. */
function searchTriggersSql(types: readonly Searchable[]): string {
  const create = types.flatMap((type) => [
    ...triggersSql(type.table, [type.type, "id", type.own.join(","), cascadeColumns(types, type).join(",")]),
    ...type.pivots.flatMap((pivot) => triggersSql(pivot.table, [type.type, pivot.idColumn])),
  ]);
  return [DROP_SEARCH_TRIGGERS, ...create].join("\n");
}

/** Everything the declarations deploy, as one batch of statements: the view, the cascade, the triggers. */
export function searchDdl(types: readonly Searchable[]): string {
  return [
    "-- Generated from the features' search declarations (server/search/search-ddl.ts).",
    searchSourceSql(types),
    searchCascadeSql(types),
    searchTriggersSql(types),
  ].join("\n\n");
}
