import { Migration } from "@mikro-orm/migrations";

/** Names and titles that lists sort by: they get the ICU German collation. */
const GERMAN: [table: string, column: string][] = [
  ["municipality", "name"],
  ["strategy", "title"],
  ["project", "title"],
  ["provider", "name"],
  ["product", "name"],
  ["lesson_learned", "title"],
  ["working_group", "name"],
];

/** Identifiers that lists sort by: code-point order on every server, whatever its default collation. */
const BINARY: [table: string, column: string, type: string][] = [
  ["municipality", "slug", "varchar(100)"],
  ["municipality", "official_key", "varchar(8)"],
  ["strategy", "slug", "varchar(120)"],
  ["project", "slug", "varchar(120)"],
  ["project", "status", "text"],
  ["provider", "slug", "varchar(100)"],
  ["lesson_learned", "slug", "varchar(120)"],
  ["topic", "key", "varchar(60)"],
];

/**
 * Sorts names and titles as a German reader expects ("ekom21" beside "Ekom",
 * "Ämter" beside "Amt") rather than by code point, in ORDER BY and in the
 * comparisons of keyset pagination alike; slugs, keys and statuses sort by code
 * point on any server. Written by hand: MikroORM's schema
 * diff does not model collations, so it neither generates nor undoes this.
 */
export class Migration20261122082900GermanCollation extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of GERMAN)
      this.addSql(`alter table "${table}" alter column "${column}" type text collate "de-x-icu";`);
    for (const [table, column, type] of BINARY)
      this.addSql(`alter table "${table}" alter column "${column}" type ${type} collate "C";`);
  }

  override async down(): Promise<void> {
    for (const [table, column] of GERMAN)
      this.addSql(`alter table "${table}" alter column "${column}" type text collate "default";`);
    for (const [table, column, type] of BINARY)
      this.addSql(`alter table "${table}" alter column "${column}" type ${type} collate "default";`);
  }
}
