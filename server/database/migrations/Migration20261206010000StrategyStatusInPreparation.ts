import { Migration } from "@mikro-orm/migrations";

/**
 * Issue 16, freshness: `StrategyStatus.DRAFT` becomes `IN_PREPARATION` (it read like the publication state `DRAFT`),
 * and projects and strategies get `status_as_of`, the date their source gives the status for ("Stand laut Quelle").
 */
export class Migration20261206010000StrategyStatusInPreparation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "strategy" drop constraint if exists "strategy_status_check";`);
    this.addSql(`update "strategy" set "status" = 'IN_PREPARATION' where "status" = 'DRAFT';`);
    this.addSql(
      `alter table "strategy" add constraint "strategy_status_check" check("status" in ('IN_PREPARATION', 'ADOPTED', 'IN_IMPLEMENTATION', 'SUPERSEDED'));`,
    );

    this.addSql(`alter table "project" add column "status_as_of" varchar(10) null;`);
    this.addSql(`alter table "strategy" add column "status_as_of" varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "project" drop column if exists "status_as_of";`);
    this.addSql(`alter table "strategy" drop column if exists "status_as_of";`);

    this.addSql(`alter table "strategy" drop constraint if exists "strategy_status_check";`);
    this.addSql(`update "strategy" set "status" = 'DRAFT' where "status" = 'IN_PREPARATION';`);
    this.addSql(
      `alter table "strategy" add constraint "strategy_status_check" check("status" in ('DRAFT', 'ADOPTED', 'IN_IMPLEMENTATION', 'SUPERSEDED'));`,
    );
  }
}
