import { Migration } from "@mikro-orm/migrations";

/** The website's editor sessions (issue 14): server-side, named in the browser only by an id whose hash is kept. */
export class Migration20261206013000EditorSessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "editor_session" ("id" serial primary key, "id_hash" varchar(64) not null, "token_id" int not null, "csrf_secret" varchar(64) not null, "created_at" timestamptz(3) not null, "last_seen_at" timestamptz(3) not null, "expires_at" timestamptz(3) not null, "ended_at" timestamptz(3) null);`,
    );
    this.addSql(`alter table "editor_session" add constraint "editor_session_id_hash_unique" unique ("id_hash");`);
    this.addSql(`create index "editor_session_token_id_ended_at_index" on "editor_session" ("token_id", "ended_at");`);
    this.addSql(
      `alter table "editor_session" add constraint "editor_session_token_id_foreign" foreign key ("token_id") references "api_token" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "editor_session" cascade;`);
  }
}
