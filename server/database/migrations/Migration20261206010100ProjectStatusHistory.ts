import { Migration } from "@mikro-orm/migrations";

/**
 * `Project.statusHistory` (issue 16): each status the public saw of a project, since when, and from which source.
 * The seeder writes the first step of seeded projects; publishing a status change appends the next ones. Projects
 * published before it start with their status of now, since a date nobody recorded (the seeder dates seeded ones).
 */
export class Migration20261206010100ProjectStatusHistory extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "project_status_change" ("id" serial primary key, "project_id" int not null, "status" text check ("status" in ('IDEA', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED', 'NOT_STATED')) not null, "since" varchar(10) null, "source_id" int null, "recorded_at" timestamptz(3) not null);`,
    );
    this.addSql(
      `create index "project_status_change_project_id_id_index" on "project_status_change" ("project_id", "id");`,
    );

    this.addSql(
      `alter table "project_status_change" add constraint "project_status_change_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_status_change" add constraint "project_status_change_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `insert into "project_status_change" ("project_id", "status", "since", "recorded_at") select "id", "status", "status_as_of", now() from "project" where "publication_state" = 'PUBLISHED' order by "id";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "project_status_change" cascade;`);
  }
}
