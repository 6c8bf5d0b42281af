import { Migration } from "@mikro-orm/migrations";

/**
 * `Project.replacedProducts` (issue 16): the products a project replaces, apart from the ones it uses, so that the
 * software a project retires is not listed as involved in it.
 */
export class Migration20261205225444ProjectReplacedProducts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "project_replaced_products" ("project_id" int not null, "product_id" int not null, constraint "project_replaced_products_pkey" primary key ("project_id", "product_id"));`,
    );

    this.addSql(
      `alter table "project_replaced_products" add constraint "project_replaced_products_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_replaced_products" add constraint "project_replaced_products_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "project_replaced_products" cascade;`);
  }
}
