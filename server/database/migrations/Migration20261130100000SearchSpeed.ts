import { Migration } from "@mikro-orm/migrations";

/** The GIN indexes of `search_document`. */
const GIN_INDEXES = ["search_document_tsv", "search_document_title_tsv", "search_document_topics", "search_document_providers"];

/**
 * Search speed at the scale of all German municipalities (issue 3), found by measuring
 * 572,000 documents:
 * - GIN indexes without a pending list. With `fastupdate` on, new entries wait in an
 *   unsorted list (up to 4 MB) that every search reads in full until a vacuum merges
 *   it: 37,000 pending title entries added 5 to 30 ms to each search. Writes now put
 *   their entries straight into the index, which costs a write a little more.
 * - Typo candidates by edit distance (fuzzystrmatch) rather than trigram similarity:
 *   ranking 1,000 words that share the first letters by similarity took 4 ms and let
 *   compounds crowd out the real typos.
 * - Covering indexes for the dictionary, so typo candidates and compound expansions are
 *   read from the index alone (expansions: 4 ms → 0.3 ms for "digitalisier").
 */
export class Migration20261130100000SearchSpeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists fuzzystrmatch;`);
    for (const index of GIN_INDEXES) {
      this.addSql(`alter index ${index} set (fastupdate = off);`);
      this.addSql(`select gin_clean_pending_list('${index}'::regclass);`);
    }
    this.addSql(`drop index search_word_prefix_length;`);
    this.addSql(`create index search_word_prefix_length on search_word (left(lexeme, 2), length(lexeme)) include (lexeme);`);
    this.addSql(`create index search_word_length on search_word (length(lexeme), lexeme);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists search_word_length;`);
    this.addSql(`drop index if exists search_word_prefix_length;`);
    this.addSql(`create index search_word_prefix_length on search_word (left(lexeme, 2), length(lexeme));`);
    for (const index of GIN_INDEXES) this.addSql(`alter index ${index} set (fastupdate = on);`);
    this.addSql(`drop extension if exists fuzzystrmatch;`);
  }
}
