import pg from "pg";
import { attachDatabase } from "../database/database.js";
import { seedIfEmpty } from "../seeding.js";
import { setOutbox } from "../search/search-runtime.js";
import { progressBar } from "./progress.js";
import type { CommandContext } from "./synthetic.command.js";
import { EXIT_OK, parseCommandArgs } from "./usage.js";

/** The usage text of `reindex`. */
export const REINDEX_USAGE = `Usage: npm run reindex [-- --force]

Rebuilds the search index from the database: every search document of PostgreSQL, the
dictionary of indexed words, and, with MEILI_HOST set, queues every document for Meilisearch.
Safe while the hub serves: it works in small transactions that writes interleave with.

  --force   rewrite every document, also those whose text is unchanged, so that their
            text search vectors are computed anew (after a change of the text search
            configuration or an upgrade of PostgreSQL)
`;

/** Documents rebuilt per transaction. */
const BATCH = 2000;

/** Runs `reindex` and returns the exit code. */
export async function runReindexCommand(args: string[], { config, logger, io }: CommandContext): Promise<number> {
  const force = Boolean(
    parseCommandArgs({ args, options: { force: { type: "boolean" } }, strict: true, allowPositionals: false }).values
      .force,
  );
  const database = await attachDatabase(config, logger);
  try {
    if (database.started && config.seedOnStart) await seedIfEmpty(database.orm, logger);
    // With Meilisearch every document is queued at the end; a running hub's worker sends them, or the next hub
    // started with MEILI_HOST.
    if (config.meilisearch) await setOutbox(database.orm, true);
    const client = new pg.Client({ connectionString: database.orm.config.get("clientUrl") });
    await client.connect();
    try {
      // The types the deployed search_source view has documents of, whichever features declared them.
      const { rows: counts } = await client.query<{ type: string; ids: number[] }>(
        "select type, array_agg(entity_id order by entity_id) as ids from search_source group by type order by type",
      );
      const total = counts.reduce((sum, { ids }) => sum + ids.length, 0);
      const bar = progressBar(io.stderr, "documents");
      bar.start(total, 0);
      let done = 0;
      for (const { type, ids } of counts) {
        for (let i = 0; i < ids.length; i += BATCH) {
          const batch = ids.slice(i, i + BATCH);
          // search_refresh locks the batch's documents until commit, so a write racing it waits for it (or it for the write) and
          // then reads what the other committed.
          await client.query("select search_refresh($1, $2::int[], $3)", [type, batch, force]);
          done += batch.length;
          bar.update(done);
        }
      }
      bar.stop();
      // Documents of records that no longer exist or are no longer searchable. search_refresh removes them (and queues
      // their deletion for an external engine) under the same locks as any write, after reading the records anew: a
      // record a concurrent transaction makes searchable again keeps its document.
      let removed = 0;
      // Every type the table holds, also one no longer searched: its documents are all stale.
      const { rows: types } = await client.query<{ type: string }>(
        "select distinct type from search_document order by type",
      );
      for (const { type } of types) {
        const { rows } = await client.query<{ ids: number[] }>(
          `select coalesce(array_agg(d.entity_id order by d.entity_id), '{}') as ids from search_document d
            where d.type = $1 and not exists (select 1 from search_source s where s.type = d.type and s.entity_id = d.entity_id)`,
          [type],
        );
        for (let i = 0; i < rows[0].ids.length; i += BATCH) {
          const batch = rows[0].ids.slice(i, i + BATCH);
          // One transaction, so that the count sees this refresh's removals and nobody else's. A failure ends the
          // command, and closing the connection rolls the transaction back.
          await client.query("begin");
          await client.query("select search_refresh($1, $2::int[])", [type, batch]);
          const { rows: gone } = await client.query<{ n: number }>(
            "select count(*)::int as n from unnest($2::int[]) as u(entity_id) where not exists (select 1 from search_document d where d.type = $1 and d.entity_id = u.entity_id)",
            [type, batch],
          );
          await client.query("commit");
          removed += gone[0].n;
        }
      }
      // The typo dictionary: only words the index holds now.
      await client.query("begin");
      await client.query("delete from search_word");
      await client.query(
        "insert into search_word (lexeme) select word from ts_stat('select tsv from search_document') where length(word) between 3 and 60 and word !~ '[-.]'",
      );
      await client.query("commit");
      // Unchanged documents are not queued by search_refresh; Meilisearch gets all of them, in case its index was lost.
      if (config.meilisearch)
        await client.query("insert into search_outbox (type, entity_id) select type, entity_id from search_document");
      const { rows: words } = await client.query<{ n: number }>("select count(*)::int as n from search_word");
      io.stderr.write(
        `Reindexed ${done} documents (${removed} stale removed); the typo dictionary holds ${words[0].n} words.\n`,
      );
      io.stdout.write(`${done}\n`);
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
  return EXIT_OK;
}
