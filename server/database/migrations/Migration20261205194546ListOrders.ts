import { Migration } from "@mikro-orm/migrations";

/**
 * One index per list order (issue 18), so that a page of a national list reads its rows in
 * order instead of sorting the whole table.
 */
export class Migration20261205194546ListOrders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "municipality_created_at_id_index" on "municipality" ("created_at", "id");`);
    this.addSql(`create index "municipality_name_id_index" on "municipality" ("name", "id");`);

    this.addSql(`create index "strategy_created_at_id_index" on "strategy" ("created_at", "id");`);
    this.addSql(`create index "strategy_title_id_index" on "strategy" ("title", "id");`);

    this.addSql(`create index "project_updated_at_id_index" on "project" ("updated_at", "id");`);
    this.addSql(`create index "project_created_at_id_index" on "project" ("created_at", "id");`);
    this.addSql(`create index "project_status_id_index" on "project" ("status", "id");`);
    this.addSql(`create index "project_title_id_index" on "project" ("title", "id");`);

    this.addSql(`create index "lesson_learned_created_at_id_index" on "lesson_learned" ("created_at", "id");`);
    this.addSql(`create index "lesson_learned_title_id_index" on "lesson_learned" ("title", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "lesson_learned_created_at_id_index";`);
    this.addSql(`drop index "lesson_learned_title_id_index";`);

    this.addSql(`drop index "municipality_created_at_id_index";`);
    this.addSql(`drop index "municipality_name_id_index";`);

    this.addSql(`drop index "project_updated_at_id_index";`);
    this.addSql(`drop index "project_created_at_id_index";`);
    this.addSql(`drop index "project_status_id_index";`);
    this.addSql(`drop index "project_title_id_index";`);

    this.addSql(`drop index "strategy_created_at_id_index";`);
    this.addSql(`drop index "strategy_title_id_index";`);
  }
}
