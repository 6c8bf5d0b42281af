import { Migration } from "@mikro-orm/migrations";

/**
 * Indexes for national lists (issue 18): one per list order, with the id that breaks ties, so that a page reads its
 * rows in order instead of sorting the table; the tag pivots by their target (declared in `orm-config.ts`), so that a
 * filter by a topic or a provider reads the tagged rows; and the public projects by status, for their counts.
 */
export class Migration20261205200537ListIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "municipality_created_at_id_index" on "municipality" ("created_at", "id");`);
    this.addSql(`create index "municipality_name_id_index" on "municipality" ("name", "id");`);

    this.addSql(`create index "strategy_created_at_id_index" on "strategy" ("created_at", "id");`);
    this.addSql(`create index "strategy_title_id_index" on "strategy" ("title", "id");`);

    this.addSql(
      `create index "project_published_status_index" on "project" ("status") where "publication_state" = 'PUBLISHED';`,
    );
    this.addSql(`create index "project_updated_at_id_index" on "project" ("updated_at", "id");`);
    this.addSql(`create index "project_created_at_id_index" on "project" ("created_at", "id");`);
    this.addSql(`create index "project_status_id_index" on "project" ("status", "id");`);
    this.addSql(`create index "project_title_id_index" on "project" ("title", "id");`);

    this.addSql(
      `create index "project_providers_provider_id_project_id_index" on "project_providers" ("provider_id", "project_id");`,
    );

    this.addSql(`create index "lesson_learned_created_at_id_index" on "lesson_learned" ("created_at", "id");`);
    this.addSql(`create index "lesson_learned_title_id_index" on "lesson_learned" ("title", "id");`);

    this.addSql(
      `create index "project_topics_topic_id_project_id_index" on "project_topics" ("topic_id", "project_id");`,
    );

    this.addSql(
      `create index "lesson_learned_topics_topic_id_lesson_learned_id_index" on "lesson_learned_topics" ("topic_id", "lesson_learned_id");`,
    );

    this.addSql(
      `create index "field_of_action_topics_topic_id_field_of_action_id_index" on "field_of_action_topics" ("topic_id", "field_of_action_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "field_of_action_topics_topic_id_field_of_action_id_index";`);

    this.addSql(`drop index "lesson_learned_created_at_id_index";`);
    this.addSql(`drop index "lesson_learned_title_id_index";`);

    this.addSql(`drop index "lesson_learned_topics_topic_id_lesson_learned_id_index";`);

    this.addSql(`drop index "municipality_created_at_id_index";`);
    this.addSql(`drop index "municipality_name_id_index";`);

    this.addSql(`drop index "project_published_status_index";`);
    this.addSql(`drop index "project_updated_at_id_index";`);
    this.addSql(`drop index "project_created_at_id_index";`);
    this.addSql(`drop index "project_status_id_index";`);
    this.addSql(`drop index "project_title_id_index";`);

    this.addSql(`drop index "project_providers_provider_id_project_id_index";`);

    this.addSql(`drop index "project_topics_topic_id_project_id_index";`);

    this.addSql(`drop index "strategy_created_at_id_index";`);
    this.addSql(`drop index "strategy_title_id_index";`);
  }
}
