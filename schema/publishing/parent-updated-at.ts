import { Formula } from "@mikro-orm/core";

/**
 * Declares `parentUpdatedAt` on a record that is public only while its parent is
 * (see `HubEntity.publicUpdatedAt`): the parent row's `updated_at`, read by a
 * subquery in the record's own SELECT, so it costs no statement of its own.
 * `table` is the parent's table, `column` the record's foreign key to it.
 */
export function ParentUpdatedAt(table: string, column: string) {
  return Formula<object>(
    (record) => `(select up.updated_at from "${table}" up where up.id = ${record.alias}."${column}")`,
    {
      type: "datetime",
      nullable: true,
    },
  );
}
