import { Migration } from "@mikro-orm/migrations";

/**
 * `ProjectStatus.NOT_STATED` (issue 16): a project whose sources do not say how far it has got is recorded as such
 * instead of with a guessed status.
 */
export class Migration20261205215314ProjectStatusNotStated extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "project" drop constraint if exists "project_status_check";`);

    this.addSql(
      `alter table "project" add constraint "project_status_check" check("status" in ('IDEA', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED', 'NOT_STATED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "project" drop constraint if exists "project_status_check";`);
    // The older schema cannot say "not stated"; PLANNED is what the seed data held before this value existed.
    this.addSql(`update "project" set "status" = 'PLANNED' where "status" = 'NOT_STATED';`);

    this.addSql(
      `alter table "project" add constraint "project_status_check" check("status" in ('IDEA', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED'));`,
    );
  }
}
