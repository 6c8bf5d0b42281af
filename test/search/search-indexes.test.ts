/**
 * The search indexes keep no pending list: with GIN's `fastupdate` on, every search reads
 * the unsorted pending entries of recent writes in full, which at 570,000 documents cost
 * 5 to 30 ms per search (see Migration20261130100000SearchSpeed).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

it("every GIN index of search_document writes straight into the index", async () => {
  const rows = await db.orm.em.getConnection().execute<{ name: string; options: string[] | null }[]>(
    `select c.relname as name, c.reloptions as options
       from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
      where i.indrelid = 'search_document'::regclass and a.amname = 'gin' order by 1`,
  );
  expect(rows.map((row) => row.name)).toEqual([
    "search_document_providers",
    "search_document_title_filters",
    "search_document_topics",
    "search_document_tsv",
  ]);
  for (const row of rows) expect(row.options, row.name).toContain("fastupdate=off");
});

it("indexes title vectors together with the filter arrays, so a filtered title query intersects them inside one index", async () => {
  const [{ definition }] = await db.orm.em
    .getConnection()
    .execute<{ definition: string }[]>(
      "select pg_get_indexdef('search_document_title_filters'::regclass) as definition",
      [],
      "all",
    );
  expect(definition).toMatch(/USING gin \(title_tsv, topics, providers\)/);
});

it("keeps the tsvectors inside the row, where checking a row reads them without a TOAST lookup", async () => {
  const rows = await db.orm.em.getConnection().execute<{ name: string; storage: string }[]>(
    `select attname as name, attstorage as storage from pg_attribute
      where attrelid = 'search_document'::regclass and attname in ('tsv', 'title_tsv') order by 1`,
  );
  expect(rows).toEqual([
    { name: "title_tsv", storage: "m" },
    { name: "tsv", storage: "m" },
  ]);
});
