import { Migration } from "@mikro-orm/migrations";

export class Migration20261122082841 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "municipality" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(100) not null, "name" text not null, "official_key" varchar(8) not null, "state" text check ("state" in ('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH')) not null, "government_region" text null, "district" text null, "population" int null, "population_as_of" varchar(10) null, "website" text null, "note" text null, constraint municipality_official_key_format check (official_key ~ '^[0-9]{8}\$'));`,
    );
    this.addSql(`alter table "municipality" add constraint "municipality_slug_unique" unique ("slug");`);
    this.addSql(
      `alter table "municipality" add constraint "municipality_official_key_unique" unique ("official_key");`,
    );

    this.addSql(
      `create table "decision" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "municipality_id" int not null, "key" varchar(120) not null, "reference" varchar(60) null, "title" text not null, "body" text not null, "date" varchar(10) null, "outcome" text check ("outcome" in ('ADOPTED', 'ADOPTED_WITH_CHANGES', 'NOTED', 'PRESENTED', 'DEFERRED', 'REJECTED', 'UNKNOWN')) not null, "description" text null, "note" text null);`,
    );
    this.addSql(
      `alter table "decision" add constraint "decision_municipality_id_key_unique" unique ("municipality_id", "key");`,
    );

    this.addSql(
      `create table "provider" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(100) not null, "name" text not null, "legal_name" text null, "kind" text check ("kind" in ('MUNICIPAL_IT_SERVICE_PROVIDER', 'CONSULTANCY', 'SOFTWARE_VENDOR', 'MUNICIPAL_COMPANY', 'ASSOCIATION', 'OTHER')) not null, "seat" text null, "states_served" text[] not null, "website" text null, "description" text not null);`,
    );
    this.addSql(`alter table "provider" add constraint "provider_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "product" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(100) not null, "name" text not null, "description" text not null, "vendor_id" int null);`,
    );
    this.addSql(`alter table "product" add constraint "product_slug_unique" unique ("slug");`);
    this.addSql(`create index "product_vendor_id_index" on "product" ("vendor_id");`);

    this.addSql(
      `create table "engagement" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "municipality_id" int not null, "provider_id" int not null, "role" text check ("role" in ('IT_OPERATIONS', 'CONSULTING', 'SOFTWARE_HOSTING', 'SOFTWARE_SUPPLY', 'INFRASTRUCTURE', 'TRAINING', 'PARTNER', 'OTHER')) not null, "since" varchar(10) null, "description" text not null, "note" text null);`,
    );
    this.addSql(`create index "engagement_provider_id_index" on "engagement" ("provider_id");`);
    this.addSql(
      `alter table "engagement" add constraint "engagement_municipality_id_provider_id_role_unique" unique ("municipality_id", "provider_id", "role");`,
    );

    this.addSql(
      `create table "source" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "key" varchar(120) not null, "title" text not null, "publisher" text null, "author" text null, "published_on" varchar(10) null, "url" text null, "note" text null);`,
    );
    this.addSql(`alter table "source" add constraint "source_key_unique" unique ("key");`);

    this.addSql(
      `create table "provider_sources" ("provider_id" int not null, "source_id" int not null, constraint "provider_sources_pkey" primary key ("provider_id", "source_id"));`,
    );

    this.addSql(
      `create table "product_sources" ("product_id" int not null, "source_id" int not null, constraint "product_sources_pkey" primary key ("product_id", "source_id"));`,
    );

    this.addSql(
      `create table "municipality_sources" ("municipality_id" int not null, "source_id" int not null, constraint "municipality_sources_pkey" primary key ("municipality_id", "source_id"));`,
    );

    this.addSql(
      `create table "engagement_sources" ("engagement_id" int not null, "source_id" int not null, constraint "engagement_sources_pkey" primary key ("engagement_id", "source_id"));`,
    );

    this.addSql(
      `create table "decision_sources" ("decision_id" int not null, "source_id" int not null, constraint "decision_sources_pkey" primary key ("decision_id", "source_id"));`,
    );

    this.addSql(
      `create table "strategy" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(120) not null, "title" text not null, "municipality_id" int not null, "status" text check ("status" in ('DRAFT', 'ADOPTED', 'IN_IMPLEMENTATION', 'SUPERSEDED')) not null, "presented_on" varchar(10) null, "adopted_on" varchar(10) null, "horizon" int null, "summary" text not null, "vision" text null, "note" text null);`,
    );
    this.addSql(`alter table "strategy" add constraint "strategy_slug_unique" unique ("slug");`);
    this.addSql(`create index "strategy_municipality_id_index" on "strategy" ("municipality_id");`);

    this.addSql(
      `create table "indicator" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "municipality_id" int not null, "strategy_id" int null, "key" varchar(120) not null, "name" text not null, "value" double precision not null, "unit" text not null, "as_of" varchar(10) null, "note" text null);`,
    );
    this.addSql(`create index "indicator_strategy_id_index" on "indicator" ("strategy_id");`);
    this.addSql(
      `alter table "indicator" add constraint "indicator_municipality_id_key_unique" unique ("municipality_id", "key");`,
    );

    this.addSql(
      `create table "indicator_sources" ("indicator_id" int not null, "source_id" int not null, constraint "indicator_sources_pkey" primary key ("indicator_id", "source_id"));`,
    );

    this.addSql(
      `create table "field_of_action" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "strategy_id" int not null, "position" int not null, "title" text not null, "description" text null);`,
    );
    this.addSql(
      `alter table "field_of_action" add constraint "field_of_action_strategy_id_position_unique" unique ("strategy_id", "position");`,
    );

    this.addSql(
      `create table "project" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(120) not null, "title" text not null, "summary" text not null, "municipality_id" int not null, "strategy_id" int null, "field_of_action_id" int null, "status" text check ("status" in ('IDEA', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED')) not null, "started_on" varchar(10) null, "planned_end_on" varchar(10) null, "completed_on" varchar(10) null, "note" text null);`,
    );
    this.addSql(`alter table "project" add constraint "project_slug_unique" unique ("slug");`);
    this.addSql(`create index "project_municipality_id_index" on "project" ("municipality_id");`);
    this.addSql(`create index "project_strategy_id_index" on "project" ("strategy_id");`);
    this.addSql(`create index "project_field_of_action_id_index" on "project" ("field_of_action_id");`);

    this.addSql(
      `create table "project_sources" ("project_id" int not null, "source_id" int not null, constraint "project_sources_pkey" primary key ("project_id", "source_id"));`,
    );

    this.addSql(
      `create table "project_providers" ("project_id" int not null, "provider_id" int not null, constraint "project_providers_pkey" primary key ("project_id", "provider_id"));`,
    );

    this.addSql(
      `create table "project_products" ("project_id" int not null, "product_id" int not null, constraint "project_products_pkey" primary key ("project_id", "product_id"));`,
    );

    this.addSql(
      `create table "project_partners" ("project_id" int not null, "municipality_id" int not null, constraint "project_partners_pkey" primary key ("project_id", "municipality_id"));`,
    );

    this.addSql(
      `create table "lesson_learned" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(120) not null, "title" text not null, "body" text not null, "kind" text check ("kind" in ('SUCCESS', 'PITFALL', 'RECOMMENDATION')) not null, "municipality_id" int not null, "project_id" int null);`,
    );
    this.addSql(`alter table "lesson_learned" add constraint "lesson_learned_slug_unique" unique ("slug");`);
    this.addSql(`create index "lesson_learned_municipality_id_index" on "lesson_learned" ("municipality_id");`);
    this.addSql(`create index "lesson_learned_project_id_index" on "lesson_learned" ("project_id");`);

    this.addSql(
      `create table "lesson_learned_sources" ("lesson_learned_id" int not null, "source_id" int not null, constraint "lesson_learned_sources_pkey" primary key ("lesson_learned_id", "source_id"));`,
    );

    this.addSql(
      `create table "cost_item" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "project_id" int not null, "position" int not null, "amount" numeric(14,2) not null, "currency" varchar(3) not null default 'EUR', "kind" text check ("kind" in ('COST', 'COMPARISON', 'DIFFERENCE')) not null default 'COST', "period" text check ("period" in ('ONE_OFF', 'ANNUAL', 'MONTHLY', 'TOTAL')) not null, "description" text not null, "note" text null);`,
    );
    this.addSql(
      `alter table "cost_item" add constraint "cost_item_project_id_position_unique" unique ("project_id", "position");`,
    );

    this.addSql(
      `create table "cost_item_sources" ("cost_item_id" int not null, "source_id" int not null, constraint "cost_item_sources_pkey" primary key ("cost_item_id", "source_id"));`,
    );

    this.addSql(
      `create table "field_of_action_sources" ("field_of_action_id" int not null, "source_id" int not null, constraint "field_of_action_sources_pkey" primary key ("field_of_action_id", "source_id"));`,
    );

    this.addSql(
      `create table "budget_line" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "strategy_id" int not null, "position" int not null, "year" int not null, "amount" numeric(14,2) not null, "category" text check ("category" in ('EXPENSE', 'INVESTMENT', 'ANNUAL_FEE', 'PERSONNEL', 'OTHER')) not null, "description" text not null, "note" text null);`,
    );
    this.addSql(
      `alter table "budget_line" add constraint "budget_line_strategy_id_position_unique" unique ("strategy_id", "position");`,
    );

    this.addSql(
      `create table "budget_line_sources" ("budget_line_id" int not null, "source_id" int not null, constraint "budget_line_sources_pkey" primary key ("budget_line_id", "source_id"));`,
    );

    this.addSql(
      `create table "strategy_consultants" ("strategy_id" int not null, "provider_id" int not null, constraint "strategy_consultants_pkey" primary key ("strategy_id", "provider_id"));`,
    );

    this.addSql(
      `create table "strategy_decisions" ("strategy_id" int not null, "decision_id" int not null, constraint "strategy_decisions_pkey" primary key ("strategy_id", "decision_id"));`,
    );

    this.addSql(
      `create table "strategy_sources" ("strategy_id" int not null, "source_id" int not null, constraint "strategy_sources_pkey" primary key ("strategy_id", "source_id"));`,
    );

    this.addSql(
      `create table "topic" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "key" varchar(60) not null, "label_de" text not null, "label_en" text not null, "description" text not null);`,
    );
    this.addSql(`alter table "topic" add constraint "topic_key_unique" unique ("key");`);

    this.addSql(
      `create table "project_topics" ("project_id" int not null, "topic_id" int not null, constraint "project_topics_pkey" primary key ("project_id", "topic_id"));`,
    );

    this.addSql(
      `create table "product_topics" ("product_id" int not null, "topic_id" int not null, constraint "product_topics_pkey" primary key ("product_id", "topic_id"));`,
    );

    this.addSql(
      `create table "lesson_learned_topics" ("lesson_learned_id" int not null, "topic_id" int not null, constraint "lesson_learned_topics_pkey" primary key ("lesson_learned_id", "topic_id"));`,
    );

    this.addSql(
      `create table "field_of_action_topics" ("field_of_action_id" int not null, "topic_id" int not null, constraint "field_of_action_topics_pkey" primary key ("field_of_action_id", "topic_id"));`,
    );

    this.addSql(
      `create table "working_group" ("id" serial primary key, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "slug" varchar(120) not null, "name" text not null, "description" text not null, "other_members" text null, "cadence" text null);`,
    );
    this.addSql(`alter table "working_group" add constraint "working_group_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "working_group_topics" ("working_group_id" int not null, "topic_id" int not null, constraint "working_group_topics_pkey" primary key ("working_group_id", "topic_id"));`,
    );

    this.addSql(
      `create table "working_group_sources" ("working_group_id" int not null, "source_id" int not null, constraint "working_group_sources_pkey" primary key ("working_group_id", "source_id"));`,
    );

    this.addSql(
      `create table "working_group_members" ("working_group_id" int not null, "municipality_id" int not null, constraint "working_group_members_pkey" primary key ("working_group_id", "municipality_id"));`,
    );

    this.addSql(
      `alter table "decision" add constraint "decision_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "product" add constraint "product_vendor_id_foreign" foreign key ("vendor_id") references "provider" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "engagement" add constraint "engagement_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "engagement" add constraint "engagement_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "provider_sources" add constraint "provider_sources_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "provider_sources" add constraint "provider_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "product_sources" add constraint "product_sources_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "product_sources" add constraint "product_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "municipality_sources" add constraint "municipality_sources_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "municipality_sources" add constraint "municipality_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "engagement_sources" add constraint "engagement_sources_engagement_id_foreign" foreign key ("engagement_id") references "engagement" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "engagement_sources" add constraint "engagement_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "decision_sources" add constraint "decision_sources_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "decision_sources" add constraint "decision_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "strategy" add constraint "strategy_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "indicator" add constraint "indicator_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator" add constraint "indicator_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "indicator_sources" add constraint "indicator_sources_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_sources" add constraint "indicator_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "field_of_action" add constraint "field_of_action_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "project" add constraint "project_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "project" add constraint "project_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "project" add constraint "project_field_of_action_id_foreign" foreign key ("field_of_action_id") references "field_of_action" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "project_sources" add constraint "project_sources_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_sources" add constraint "project_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "project_providers" add constraint "project_providers_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_providers" add constraint "project_providers_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "project_products" add constraint "project_products_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_products" add constraint "project_products_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "project_partners" add constraint "project_partners_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_partners" add constraint "project_partners_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "lesson_learned" add constraint "lesson_learned_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "lesson_learned" add constraint "lesson_learned_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "lesson_learned_sources" add constraint "lesson_learned_sources_lesson_learned_id_foreign" foreign key ("lesson_learned_id") references "lesson_learned" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "lesson_learned_sources" add constraint "lesson_learned_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "cost_item" add constraint "cost_item_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "cost_item_sources" add constraint "cost_item_sources_cost_item_id_foreign" foreign key ("cost_item_id") references "cost_item" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "cost_item_sources" add constraint "cost_item_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "field_of_action_sources" add constraint "field_of_action_sources_field_of_action_id_foreign" foreign key ("field_of_action_id") references "field_of_action" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "field_of_action_sources" add constraint "field_of_action_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "budget_line" add constraint "budget_line_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "budget_line_sources" add constraint "budget_line_sources_budget_line_id_foreign" foreign key ("budget_line_id") references "budget_line" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "budget_line_sources" add constraint "budget_line_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "strategy_consultants" add constraint "strategy_consultants_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "strategy_consultants" add constraint "strategy_consultants_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "strategy_decisions" add constraint "strategy_decisions_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "strategy_decisions" add constraint "strategy_decisions_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "strategy_sources" add constraint "strategy_sources_strategy_id_foreign" foreign key ("strategy_id") references "strategy" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "strategy_sources" add constraint "strategy_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "project_topics" add constraint "project_topics_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_topics" add constraint "project_topics_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "product_topics" add constraint "product_topics_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "product_topics" add constraint "product_topics_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "lesson_learned_topics" add constraint "lesson_learned_topics_lesson_learned_id_foreign" foreign key ("lesson_learned_id") references "lesson_learned" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "lesson_learned_topics" add constraint "lesson_learned_topics_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "field_of_action_topics" add constraint "field_of_action_topics_field_of_action_id_foreign" foreign key ("field_of_action_id") references "field_of_action" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "field_of_action_topics" add constraint "field_of_action_topics_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "working_group_topics" add constraint "working_group_topics_working_group_id_foreign" foreign key ("working_group_id") references "working_group" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "working_group_topics" add constraint "working_group_topics_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "working_group_sources" add constraint "working_group_sources_working_group_id_foreign" foreign key ("working_group_id") references "working_group" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "working_group_sources" add constraint "working_group_sources_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "working_group_members" add constraint "working_group_members_working_group_id_foreign" foreign key ("working_group_id") references "working_group" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "working_group_members" add constraint "working_group_members_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "decision" drop constraint "decision_municipality_id_foreign";`);

    this.addSql(`alter table "engagement" drop constraint "engagement_municipality_id_foreign";`);

    this.addSql(`alter table "municipality_sources" drop constraint "municipality_sources_municipality_id_foreign";`);

    this.addSql(`alter table "strategy" drop constraint "strategy_municipality_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_municipality_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_municipality_id_foreign";`);

    this.addSql(`alter table "project_partners" drop constraint "project_partners_municipality_id_foreign";`);

    this.addSql(`alter table "lesson_learned" drop constraint "lesson_learned_municipality_id_foreign";`);

    this.addSql(`alter table "working_group_members" drop constraint "working_group_members_municipality_id_foreign";`);

    this.addSql(`alter table "decision_sources" drop constraint "decision_sources_decision_id_foreign";`);

    this.addSql(`alter table "strategy_decisions" drop constraint "strategy_decisions_decision_id_foreign";`);

    this.addSql(`alter table "product" drop constraint "product_vendor_id_foreign";`);

    this.addSql(`alter table "engagement" drop constraint "engagement_provider_id_foreign";`);

    this.addSql(`alter table "provider_sources" drop constraint "provider_sources_provider_id_foreign";`);

    this.addSql(`alter table "project_providers" drop constraint "project_providers_provider_id_foreign";`);

    this.addSql(`alter table "strategy_consultants" drop constraint "strategy_consultants_provider_id_foreign";`);

    this.addSql(`alter table "product_sources" drop constraint "product_sources_product_id_foreign";`);

    this.addSql(`alter table "project_products" drop constraint "project_products_product_id_foreign";`);

    this.addSql(`alter table "product_topics" drop constraint "product_topics_product_id_foreign";`);

    this.addSql(`alter table "engagement_sources" drop constraint "engagement_sources_engagement_id_foreign";`);

    this.addSql(`alter table "provider_sources" drop constraint "provider_sources_source_id_foreign";`);

    this.addSql(`alter table "product_sources" drop constraint "product_sources_source_id_foreign";`);

    this.addSql(`alter table "municipality_sources" drop constraint "municipality_sources_source_id_foreign";`);

    this.addSql(`alter table "engagement_sources" drop constraint "engagement_sources_source_id_foreign";`);

    this.addSql(`alter table "decision_sources" drop constraint "decision_sources_source_id_foreign";`);

    this.addSql(`alter table "indicator_sources" drop constraint "indicator_sources_source_id_foreign";`);

    this.addSql(`alter table "project_sources" drop constraint "project_sources_source_id_foreign";`);

    this.addSql(`alter table "lesson_learned_sources" drop constraint "lesson_learned_sources_source_id_foreign";`);

    this.addSql(`alter table "cost_item_sources" drop constraint "cost_item_sources_source_id_foreign";`);

    this.addSql(`alter table "field_of_action_sources" drop constraint "field_of_action_sources_source_id_foreign";`);

    this.addSql(`alter table "budget_line_sources" drop constraint "budget_line_sources_source_id_foreign";`);

    this.addSql(`alter table "strategy_sources" drop constraint "strategy_sources_source_id_foreign";`);

    this.addSql(`alter table "working_group_sources" drop constraint "working_group_sources_source_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_strategy_id_foreign";`);

    this.addSql(`alter table "field_of_action" drop constraint "field_of_action_strategy_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_strategy_id_foreign";`);

    this.addSql(`alter table "budget_line" drop constraint "budget_line_strategy_id_foreign";`);

    this.addSql(`alter table "strategy_consultants" drop constraint "strategy_consultants_strategy_id_foreign";`);

    this.addSql(`alter table "strategy_decisions" drop constraint "strategy_decisions_strategy_id_foreign";`);

    this.addSql(`alter table "strategy_sources" drop constraint "strategy_sources_strategy_id_foreign";`);

    this.addSql(`alter table "indicator_sources" drop constraint "indicator_sources_indicator_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_field_of_action_id_foreign";`);

    this.addSql(
      `alter table "field_of_action_sources" drop constraint "field_of_action_sources_field_of_action_id_foreign";`,
    );

    this.addSql(
      `alter table "field_of_action_topics" drop constraint "field_of_action_topics_field_of_action_id_foreign";`,
    );

    this.addSql(`alter table "project_sources" drop constraint "project_sources_project_id_foreign";`);

    this.addSql(`alter table "project_providers" drop constraint "project_providers_project_id_foreign";`);

    this.addSql(`alter table "project_products" drop constraint "project_products_project_id_foreign";`);

    this.addSql(`alter table "project_partners" drop constraint "project_partners_project_id_foreign";`);

    this.addSql(`alter table "lesson_learned" drop constraint "lesson_learned_project_id_foreign";`);

    this.addSql(`alter table "cost_item" drop constraint "cost_item_project_id_foreign";`);

    this.addSql(`alter table "project_topics" drop constraint "project_topics_project_id_foreign";`);

    this.addSql(
      `alter table "lesson_learned_sources" drop constraint "lesson_learned_sources_lesson_learned_id_foreign";`,
    );

    this.addSql(
      `alter table "lesson_learned_topics" drop constraint "lesson_learned_topics_lesson_learned_id_foreign";`,
    );

    this.addSql(`alter table "cost_item_sources" drop constraint "cost_item_sources_cost_item_id_foreign";`);

    this.addSql(`alter table "budget_line_sources" drop constraint "budget_line_sources_budget_line_id_foreign";`);

    this.addSql(`alter table "project_topics" drop constraint "project_topics_topic_id_foreign";`);

    this.addSql(`alter table "product_topics" drop constraint "product_topics_topic_id_foreign";`);

    this.addSql(`alter table "lesson_learned_topics" drop constraint "lesson_learned_topics_topic_id_foreign";`);

    this.addSql(`alter table "field_of_action_topics" drop constraint "field_of_action_topics_topic_id_foreign";`);

    this.addSql(`alter table "working_group_topics" drop constraint "working_group_topics_topic_id_foreign";`);

    this.addSql(`alter table "working_group_topics" drop constraint "working_group_topics_working_group_id_foreign";`);

    this.addSql(
      `alter table "working_group_sources" drop constraint "working_group_sources_working_group_id_foreign";`,
    );

    this.addSql(
      `alter table "working_group_members" drop constraint "working_group_members_working_group_id_foreign";`,
    );

    this.addSql(`drop table if exists "municipality" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "provider" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop table if exists "engagement" cascade;`);

    this.addSql(`drop table if exists "source" cascade;`);

    this.addSql(`drop table if exists "provider_sources" cascade;`);

    this.addSql(`drop table if exists "product_sources" cascade;`);

    this.addSql(`drop table if exists "municipality_sources" cascade;`);

    this.addSql(`drop table if exists "engagement_sources" cascade;`);

    this.addSql(`drop table if exists "decision_sources" cascade;`);

    this.addSql(`drop table if exists "strategy" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "indicator_sources" cascade;`);

    this.addSql(`drop table if exists "field_of_action" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "project_sources" cascade;`);

    this.addSql(`drop table if exists "project_providers" cascade;`);

    this.addSql(`drop table if exists "project_products" cascade;`);

    this.addSql(`drop table if exists "project_partners" cascade;`);

    this.addSql(`drop table if exists "lesson_learned" cascade;`);

    this.addSql(`drop table if exists "lesson_learned_sources" cascade;`);

    this.addSql(`drop table if exists "cost_item" cascade;`);

    this.addSql(`drop table if exists "cost_item_sources" cascade;`);

    this.addSql(`drop table if exists "field_of_action_sources" cascade;`);

    this.addSql(`drop table if exists "budget_line" cascade;`);

    this.addSql(`drop table if exists "budget_line_sources" cascade;`);

    this.addSql(`drop table if exists "strategy_consultants" cascade;`);

    this.addSql(`drop table if exists "strategy_decisions" cascade;`);

    this.addSql(`drop table if exists "strategy_sources" cascade;`);

    this.addSql(`drop table if exists "topic" cascade;`);

    this.addSql(`drop table if exists "project_topics" cascade;`);

    this.addSql(`drop table if exists "product_topics" cascade;`);

    this.addSql(`drop table if exists "lesson_learned_topics" cascade;`);

    this.addSql(`drop table if exists "field_of_action_topics" cascade;`);

    this.addSql(`drop table if exists "working_group" cascade;`);

    this.addSql(`drop table if exists "working_group_topics" cascade;`);

    this.addSql(`drop table if exists "working_group_sources" cascade;`);

    this.addSql(`drop table if exists "working_group_members" cascade;`);
  }
}
