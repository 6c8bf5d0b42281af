import { Migration } from "@mikro-orm/migrations";

export class Migration20261130063649 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "revision" ("id" serial primary key, "record_type" varchar(40) not null, "record_id" int not null, "municipality_id" int null, "action" text check ("action" in ('CREATED', 'UPDATED', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED')) not null, "version" int null, "actor_name" varchar(120) not null, "token_id" int null, "at" timestamptz(3) not null, "changes" jsonb not null, "public_change" text check ("public_change" in ('CREATED', 'UPDATED', 'UNPUBLISHED', 'ARCHIVED')) null);`,
    );
    this.addSql(`create index "revision_municipality_id_index" on "revision" ("municipality_id");`);
    this.addSql(`create index "revision_at_index" on "revision" ("at");`);
    this.addSql(
      `create index "revision_record_type_record_id_id_index" on "revision" ("record_type", "record_id", "id");`,
    );

    this.addSql(
      `alter table "revision" add constraint "revision_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "revision" add constraint "revision_token_id_foreign" foreign key ("token_id") references "api_token" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "revision" cascade;`);
  }
}
