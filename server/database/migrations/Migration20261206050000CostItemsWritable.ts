import { Migration } from "@mikro-orm/migrations";

/**
 * Cost items are written with their project (issue 14: `input.costs`). A write that reorders them moves positions
 * past each other inside one flush, so `(project_id, position)` is checked at commit instead of per statement.
 */
export class Migration20261206050000CostItemsWritable extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cost_item" drop constraint "cost_item_project_id_position_unique";`);
    this.addSql(
      `alter table "cost_item" add constraint "cost_item_project_id_position_unique" unique ("project_id", "position") deferrable initially deferred;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cost_item" drop constraint "cost_item_project_id_position_unique";`);
    this.addSql(
      `alter table "cost_item" add constraint "cost_item_project_id_position_unique" unique ("project_id", "position");`,
    );
  }
}
