import { Migration } from "@mikro-orm/migrations";

/** Indexes for the `sources` list (issue 14): one per order, with the id that breaks ties. */
export class Migration20261206004500SourceListIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "source_title_id_index" on "source" ("title", "id");`);
    this.addSql(`create index "source_created_at_id_index" on "source" ("created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "source_title_id_index";`);
    this.addSql(`drop index "source_created_at_id_index";`);
  }
}
