import { Migration } from "@mikro-orm/migrations";

/** What the public may read of the values: those of a public indicator (`publicCondition` with `parentPaths`). */
const PUBLIC_INDICATOR_VALUE = `create view public_indicator_value as select t.* from indicator_value t
  where exists (select 1 from public_indicator i where i.id = t.indicator_id);`;

/** The query of `public_indicator`, as `Migration20261205160000PublicViews` has it; created again, the view shows the new columns. */
const PUBLIC_INDICATOR = `select t.* from indicator t
    where t.publication_state = 'PUBLISHED'
      and (t.strategy_id is null
           or exists (select 1 from strategy s where s.id = t.strategy_id and s.publication_state = 'PUBLISHED'))`;

/**
 * Indicator series (issue 16): an indicator becomes a definition (with `better_when` and `definition`)
 * with dated values in `indicator_value`. Each indicator's figure moves into one value, citing the
 * indicator's sources; `indicator.value` and `as_of` stay as the copy of the latest value, which the
 * write path keeps, so that lists of indicators still sort and page by date in SQL.
 */
export class Migration20261206020000IndicatorSeries extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "indicator_value" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "indicator_id" int not null, "value" double precision not null, "as_of" varchar(10) null, "note" text null);`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_indicator_id_as_of_unique" unique ("indicator_id", "as_of") deferrable initially deferred;`,
    );
    this.addSql(
      `create table "indicator_value_sources" ("indicator_value_id" int not null, "source_id" int not null, constraint "indicator_value_sources_pkey" primary key ("indicator_value_id", "source_id"));`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator_value_sources" add constraint "indicator_value_sources_indicator_value_id_foreign" foreign key ("indicator_value_id") references "indicator_value" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_value_sources" add constraint "indicator_value_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator" add column "better_when" text check ("better_when" in ('HIGHER', 'LOWER', 'NOT_STATED')) not null default 'NOT_STATED', add column "definition" text null;`,
    );
    this.addSql(`create or replace view public_indicator as ${PUBLIC_INDICATOR};`);

    this.addSql(
      `insert into "indicator_value" ("created_at", "updated_at", "indicator_id", "value", "as_of")
       select "created_at", "updated_at", "id", "value", "as_of" from "indicator" order by "id";`,
    );
    this.addSql(
      `insert into "indicator_value_sources" ("indicator_value_id", "source_id")
       select v."id", s."source_id" from "indicator_value" v join "indicator_sources" s on s."indicator_id" = v."indicator_id";`,
    );
    this.addSql(PUBLIC_INDICATOR_VALUE);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists public_indicator_value;`);
    // The latest value is on the indicator already: dropping the values loses nothing the old schema held.
    this.addSql(`drop table if exists "indicator_value_sources" cascade;`);
    this.addSql(`drop table if exists "indicator_value" cascade;`);
    this.addSql(`drop view public_indicator;`);
    this.addSql(`alter table "indicator" drop column "better_when", drop column "definition";`);
    this.addSql(`create view public_indicator as ${PUBLIC_INDICATOR};`);
  }
}
