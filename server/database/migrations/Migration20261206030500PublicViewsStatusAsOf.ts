import { Migration } from "@mikro-orm/migrations";

/**
 * `public_project` and `public_strategy` again, now with `status_as_of` (issue 16): a view's `t.*` names the
 * columns its table had when the view was made, so the column added by `Migration20261206010000StrategyStatusInPreparation`
 * reached neither. `create or replace` keeps the views' dependants; the new column comes last.
 */
export class Migration20261206030500PublicViewsStatusAsOf extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create or replace view public_project as select t.* from project t where t.publication_state = 'PUBLISHED';`,
    );
    this.addSql(
      `create or replace view public_strategy as select t.* from strategy t where t.publication_state = 'PUBLISHED';`,
    );
  }

  override async down(): Promise<void> {
    // A view cannot lose a column in place; the older migrations' down steps drop and remake them as a whole.
  }
}
