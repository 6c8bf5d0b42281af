import { Migration } from "@mikro-orm/migrations";

export class Migration20261130062929 extends Migration {
  override async up(): Promise<void> {
    // Records that existed before publishing was introduced were all public; new ones start as drafts.
    this.addSql(
      `alter table "engagement" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );

    this.addSql(
      `alter table "source" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1, add column "municipality_id" int null;`,
    );
    this.addSql(
      `alter table "source" add constraint "source_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "source_municipality_id_index" on "source" ("municipality_id");`);

    this.addSql(
      `alter table "strategy" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );

    this.addSql(
      `alter table "indicator" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );

    this.addSql(
      `alter table "field_of_action" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );

    this.addSql(
      `alter table "project" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );

    this.addSql(
      `alter table "lesson_learned" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );

    this.addSql(
      `alter table "budget_line" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );

    this.addSql(`alter table "engagement" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`alter table "source" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`alter table "strategy" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`alter table "indicator" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`alter table "field_of_action" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`alter table "project" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`alter table "lesson_learned" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`alter table "budget_line" alter column "publication_state" set default 'DRAFT';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "source" drop constraint "source_municipality_id_foreign";`);

    this.addSql(`alter table "budget_line" drop column "publication_state", drop column "version";`);

    this.addSql(`alter table "engagement" drop column "publication_state", drop column "version";`);

    this.addSql(`alter table "field_of_action" drop column "publication_state", drop column "version";`);

    this.addSql(`alter table "indicator" drop column "publication_state", drop column "version";`);

    this.addSql(`alter table "lesson_learned" drop column "publication_state", drop column "version";`);

    this.addSql(`alter table "project" drop column "publication_state", drop column "version";`);

    this.addSql(`drop index "source_municipality_id_index";`);
    this.addSql(
      `alter table "source" drop column "publication_state", drop column "version", drop column "municipality_id";`,
    );

    this.addSql(`alter table "strategy" drop column "publication_state", drop column "version";`);
  }
}
