import { Migration } from "@mikro-orm/migrations";

/**
 * Council decisions become records editors write (issue 14): a publication state and a version like the other
 * publishable records, and the view `public_decision` (see `Migration20261205160000PublicViews`) for SQL outside the
 * ORM, which the decisions export now reads. Decisions that existed before were all public; new ones start as drafts.
 */
export class Migration20261206080000DecisionsWritable extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "decision" add column "publication_state" text check ("publication_state" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', add column "version" int not null default 1;`,
    );
    this.addSql(`alter table "decision" alter column "publication_state" set default 'DRAFT';`);
    this.addSql(`create view public_decision as select t.* from decision t where t.publication_state = 'PUBLISHED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists public_decision;`);
    this.addSql(`alter table "decision" drop column "publication_state", drop column "version";`);
  }
}
