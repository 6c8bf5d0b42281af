import { Migration } from "@mikro-orm/migrations";

/**
 * `Municipality.populationSource` (issue 16): the publication a municipality's population is taken from, so that
 * per-inhabitant figures divide only by a population with a source. Ratingen's 90,000 (the only population of the
 * seed data) is taken from Ulrike Trimborn's article („90.000-Einwohner-Stadt“); a database seeded before this
 * migration gets that source here, as a fresh seed does.
 */
export class Migration20261206030000PopulationSource extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "municipality" add column "population_source_id" int null;`);
    this.addSql(
      `alter table "municipality" add constraint "municipality_population_source_id_foreign" foreign key ("population_source_id") references "source" ("id") on update cascade on delete set null deferrable initially deferred;`,
    );
    this.addSql(
      `update "municipality" set "population_source_id" = (select "id" from "source" where "key" = 'ratingen-trimborn-2021')
        where "slug" = 'ratingen' and "population" = 90000 and "population_as_of" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "municipality" drop constraint "municipality_population_source_id_foreign";`);
    this.addSql(`alter table "municipality" drop column "population_source_id";`);
  }
}
