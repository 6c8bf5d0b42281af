import { Migration } from "@mikro-orm/migrations";

/**
 * `serial_plan()`: true, and marked PARALLEL UNSAFE, so that a statement that calls it is planned without parallel
 * workers (PostgreSQL plans no part of a statement in parallel when any part of it is unsafe). A root list's bounded
 * `totalCount` (schema/common/pagination.ts) calls it: finding at most 1,001 rows is a few milliseconds of work, and
 * starting two workers for it cost 100–150 ms on the national data set (issue 18: lessons by state or kind). PL/pgSQL,
 * so that the planner cannot inline it away.
 */
export class Migration20261206150000SerialCount extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "serial_plan"() returns boolean language plpgsql stable parallel unsafe
      as $$ begin return true; end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function "serial_plan"();`);
  }
}
