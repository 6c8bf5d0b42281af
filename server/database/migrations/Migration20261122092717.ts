import { Migration } from "@mikro-orm/migrations";

export class Migration20261122092717 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_token" ("id" serial primary key, "name" varchar(120) not null, "role" text check ("role" in ('EDITOR', 'ADMIN')) not null, "municipality_id" int null, "token_hash" varchar(64) not null, "created_at" timestamptz(3) not null, "revoked_at" timestamptz(3) null, "last_used_at" timestamptz(3) null, constraint api_token_name_length check (char_length(name) >= 1 and char_length(name) <= 120), constraint api_token_role_municipality check ((role = 'EDITOR' and municipality_id is not null) or (role = 'ADMIN' and municipality_id is null)));`,
    );
    this.addSql(`create index "api_token_municipality_id_index" on "api_token" ("municipality_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `alter table "api_token" add constraint "api_token_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_token" cascade;`);
  }
}
