import { Migration } from "@mikro-orm/migrations";

/**
 * Title matches under a filter from one index scan (issue 3). The first candidates a search
 * ranks are title matches; under a topic or provider filter PostgreSQL found them by
 * combining two bitmaps (`BitmapAnd`), each built from a whole posting list. At 572,000
 * documents the list of one provider holds 44,000 documents and took 8 ms to turn into a
 * bitmap, once per search. One GIN index over the title vector and the filter arrays
 * intersects the posting lists inside the index, skipping what the shorter list passes:
 * the title candidates of "Verwaltung" for provider krzn took 3.2 ms instead of 13.6 ms,
 * those of "Software" in topic childcare (35,000 documents) 1.2 ms instead of 9 ms.
 * It replaces the title vector's own index, which it also serves on its own (a GIN index
 * answers conditions on any of its columns). The topic and provider arrays stay indexed on
 * their own as well, for filters without a title condition, so a write puts their entries
 * into two indexes (16 MB at this size, built in under 5 s). Only GIN's own types are in it: scalar
 * columns such as `type` or `state` hold a value every sixth to every document, whose
 * lists would cost more to read than the rows they rule out.
 */
export class Migration20261130110000SearchTitleFilters extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index search_document_title_filters on search_document using gin (title_tsv, topics, providers) with (fastupdate = off);`,
    );
    this.addSql(`drop index search_document_title_tsv;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index search_document_title_tsv on search_document using gin (title_tsv) with (fastupdate = off);`,
    );
    this.addSql(`drop index search_document_title_filters;`);
  }
}
