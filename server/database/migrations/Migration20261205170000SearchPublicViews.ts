import { SqlFileMigration } from "../sql-migration.js";

/**
 * Search and similarity read "public" through the `public_<table>` views (issue 17): `search_source` selects from
 * `public_strategy`, `public_field_of_action`, `public_project` and `public_lesson_learned` instead of restating
 * `publication_state = 'PUBLISHED'` and the parent conditions, and `similarity_source` computes `published` as
 * membership in `public_project`. The same documents and features as before; `search_refresh`, the cascade and the
 * triggers, which read `search_source` or only name candidate ids, are unchanged. `down.sql` restores the earlier
 * definitions.
 */
export class Migration20261205170000SearchPublicViews extends SqlFileMigration {
  protected readonly folder = new URL("./Migration20261205170000SearchPublicViews/", import.meta.url);
}
