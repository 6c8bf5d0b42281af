import { Migration } from "@mikro-orm/migrations";

/**
 * Single sign-on without trusting the browser (issue 14): a sign-in under way is kept server-side (its checks, the
 * page to return to, a form's carried fields), and a person's session keeps its ID token and the provider's session
 * id, for signing out at the provider and for the provider's back-channel logout.
 */
export class Migration20261206083000OidcSignInAndLogout extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "editor_sign_in" ("id" serial primary key, "id_hash" varchar(64) not null, "state" varchar(128) not null, "nonce" varchar(128) not null, "verifier" varchar(128) not null, "return_path" varchar(300) null, "carried" jsonb null, "created_at" timestamptz(3) not null, "expires_at" timestamptz(3) not null);`,
    );
    this.addSql(`create index "editor_sign_in_expires_at_index" on "editor_sign_in" ("expires_at");`);
    this.addSql(`alter table "editor_sign_in" add constraint "editor_sign_in_id_hash_unique" unique ("id_hash");`);

    this.addSql(
      `alter table "editor_session" add column "id_token" text null, add column "provider_sid" varchar(255) null;`,
    );
    this.addSql(`create index "editor_session_provider_sid_index" on "editor_session" ("provider_sid");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "editor_session_provider_sid_index";`);
    this.addSql(`alter table "editor_session" drop column "id_token", drop column "provider_sid";`);
    this.addSql(`drop table if exists "editor_sign_in" cascade;`);
  }
}
