import { Migration } from "@mikro-orm/migrations";

/**
 * What the public may read of each publishable table, as `publicCondition` in
 * `schema/publishing/visibility.ts` states it for the entity's `VisibilityPaths`;
 * `test/integration/public-views.test.ts` proves that both select the same rows.
 */
const PUBLIC_VIEWS: Record<string, string> = {
  project: `select t.* from project t where t.publication_state = 'PUBLISHED'`,
  strategy: `select t.* from strategy t where t.publication_state = 'PUBLISHED'`,
  source: `select t.* from source t where t.publication_state = 'PUBLISHED'`,
  engagement: `select t.* from engagement t where t.publication_state = 'PUBLISHED'`,
  field_of_action: `select t.* from field_of_action t
    where t.publication_state = 'PUBLISHED'
      and exists (select 1 from strategy s where s.id = t.strategy_id and s.publication_state = 'PUBLISHED')`,
  budget_line: `select t.* from budget_line t
    where t.publication_state = 'PUBLISHED'
      and exists (select 1 from strategy s where s.id = t.strategy_id and s.publication_state = 'PUBLISHED')`,
  indicator: `select t.* from indicator t
    where t.publication_state = 'PUBLISHED'
      and (t.strategy_id is null
           or exists (select 1 from strategy s where s.id = t.strategy_id and s.publication_state = 'PUBLISHED'))`,
  lesson_learned: `select t.* from lesson_learned t
    where t.publication_state = 'PUBLISHED'
      and (t.project_id is null
           or exists (select 1 from project p where p.id = t.project_id and p.publication_state = 'PUBLISHED'))`,
  // Cost items have no state of their own: they follow their project.
  cost_item: `select t.* from cost_item t
    where exists (select 1 from project p where p.id = t.project_id and p.publication_state = 'PUBLISHED')`,
};

/**
 * One view `public_<table>` per publishable table (issue 17): what the public may
 * read, for SQL that does not go through the ORM (comparison, statistics, topic and
 * client counts, exports; and since `Migration20261205170000SearchPublicViews` the
 * search documents' `search_source` and the similarity features' `similarity_source`),
 * so that such SQL reads `from public_project p` instead of restating the publication
 * rules. Each view is a plain `select t.* … where`, which PostgreSQL inlines into the
 * statement that reads it.
 *
 * Views rather than a SQL fragment generated from `VisibilityPaths` at run time: SQL in
 * the database (the search and similarity triggers, an analyst's psql session) can read
 * a view but not a TypeScript function, and a query reads as plain SQL. The rule is
 * then written twice, in `visibility.ts` and here; `public-views.test.ts` checks, for every
 * entity that has the filter, that both select the same rows, so a new publishable
 * type, or a changed rule, needs a migration that (re)creates its view.
 *
 * A view pins the columns of its table: a later migration that changes the type of a
 * column of such a table, or drops one, must drop the table's view first and create it
 * again after, together with the views that read it (`search_source` and `similarity_source`
 * read `public_project` and others; `server/search/search.sql` holds the deployed
 * `search_source`), which `drop view … cascade` would drop without a word; a column
 * added later shows in the view once the view is created again.
 */
export class Migration20261205160000PublicViews extends Migration {
  override async up(): Promise<void> {
    for (const [table, sql] of Object.entries(PUBLIC_VIEWS)) this.addSql(`create view public_${table} as ${sql};`);
  }

  override async down(): Promise<void> {
    for (const table of Object.keys(PUBLIC_VIEWS).reverse()) this.addSql(`drop view if exists public_${table};`);
  }
}
