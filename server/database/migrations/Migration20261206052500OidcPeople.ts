import { Migration } from "@mikro-orm/migrations";

/**
 * People signed in through a town's single sign-on (issue 14): a session belongs to a token or to a person,
 * and a revision names the person who wrote.
 */
export class Migration20261206052500OidcPeople extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "editor_person" ("id" serial primary key, "issuer" varchar(500) not null, "subject" varchar(255) not null, "name" varchar(120) not null, "municipality_id" int not null, "role" text check ("role" in ('EDITOR', 'ADMIN')) not null default 'EDITOR', "created_at" timestamptz(3) not null, "last_sign_in_at" timestamptz(3) not null);`,
    );
    this.addSql(`create index "editor_person_municipality_id_index" on "editor_person" ("municipality_id");`);
    this.addSql(
      `alter table "editor_person" add constraint "editor_person_issuer_subject_unique" unique ("issuer", "subject");`,
    );

    this.addSql(
      `alter table "editor_person" add constraint "editor_person_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "revision" add column "person_id" int null;`);
    this.addSql(
      `alter table "revision" add constraint "revision_person_id_foreign" foreign key ("person_id") references "editor_person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "editor_session" add column "person_id" int null;`);
    this.addSql(`alter table "editor_session" alter column "token_id" type int using ("token_id"::int);`);
    this.addSql(`alter table "editor_session" alter column "token_id" drop not null;`);
    this.addSql(
      `alter table "editor_session" add constraint "editor_session_person_id_foreign" foreign key ("person_id") references "editor_person" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create index "editor_session_person_id_ended_at_index" on "editor_session" ("person_id", "ended_at");`,
    );
    this.addSql(
      `alter table "editor_session" add constraint editor_session_one_holder check((token_id is null) <> (person_id is null));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "revision" drop constraint "revision_person_id_foreign";`);

    // Sessions of people cannot outlive the column that names them; the token's sessions stay.
    this.addSql(`delete from "editor_session" where "token_id" is null;`);
    this.addSql(`alter table "editor_session" drop constraint "editor_session_person_id_foreign";`);

    this.addSql(`drop table if exists "editor_person" cascade;`);

    this.addSql(`drop index "editor_session_person_id_ended_at_index";`);
    this.addSql(`alter table "editor_session" drop constraint editor_session_one_holder;`);
    this.addSql(`alter table "editor_session" drop column "person_id";`);

    this.addSql(`alter table "editor_session" alter column "token_id" type int4 using ("token_id"::int4);`);
    this.addSql(`alter table "editor_session" alter column "token_id" set not null;`);

    this.addSql(`alter table "revision" drop column "person_id";`);
  }
}
