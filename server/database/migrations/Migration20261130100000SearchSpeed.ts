import { Migration } from "@mikro-orm/migrations";

/** The GIN indexes of `search_document`. */
const GIN_INDEXES = [
  "search_document_tsv",
  "search_document_title_tsv",
  "search_document_topics",
  "search_document_providers",
];

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
 * - The tsvectors inside the row (`STORAGE MAIN`): a third of them (about 900 bytes
 *   each, next to the texts) had been moved out of line into the TOAST table, so that
 *   checking a row fetched them from there: 5 µs a row instead of 1.4 µs. The texts are
 *   moved out instead; only the 20 hits of a page read them, for snippets. Existing
 *   rows are rewritten here (a new value is stored under the new rule), before the GIN
 *   indexes lose their pending list, which takes their entries in bulk. At 572,000
 *   documents that rewrite took minutes and left the table twice its size until
 *   `VACUUM FULL search_document`; at the size of the seed data it is instant.
 */
export class Migration20261130100000SearchSpeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists fuzzystrmatch;`);
    this.addSql(
      `alter table search_document alter column tsv set storage main, alter column title_tsv set storage main;`,
    );
    this.addSql(`update search_document set tsv = tsv || ''::tsvector, title_tsv = title_tsv || ''::tsvector;`);
    for (const index of GIN_INDEXES) {
      this.addSql(`alter index ${index} set (fastupdate = off);`);
      this.addSql(`select gin_clean_pending_list('${index}'::regclass);`);
    }
    this.addSql(`drop index search_word_prefix_length;`);
    this.addSql(
      `create index search_word_prefix_length on search_word (left(lexeme, 2), length(lexeme)) include (lexeme);`,
    );
    this.addSql(`create index search_word_length on search_word (length(lexeme), lexeme);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists search_word_length;`);
    this.addSql(`drop index if exists search_word_prefix_length;`);
    this.addSql(`create index search_word_prefix_length on search_word (left(lexeme, 2), length(lexeme));`);
    for (const index of GIN_INDEXES) this.addSql(`alter index ${index} set (fastupdate = on);`);
    this.addSql(
      `alter table search_document alter column tsv set storage extended, alter column title_tsv set storage extended;`,
    );
    this.addSql(`drop extension if exists fuzzystrmatch;`);
  }
}
