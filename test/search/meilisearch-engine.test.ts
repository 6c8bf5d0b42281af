/**
 * The shared contract against a real Meilisearch: runs only when MEILI_HOST is set
 * (Meilisearch cannot be installed on the development machines; the default test run
 * exercises the PostgreSQL engine). Each run uses an index of its own and deletes it.
 */
import { describe, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { createLogger } from "../../server/logger.js";
import { MeilisearchEngine, meiliIndex } from "../../server/search/meilisearch-engine.js";
import { createSearchEngine } from "../../server/search/search-runtime.js";
import { createTestDatabase } from "../support/database.js";
import { searchContract } from "./search-contract.js";

if (process.env.MEILI_HOST) {
  searchContract("Meilisearch", async () => {
    const db = await createTestDatabase();
    const index = `ikz-test-${process.pid}-${Date.now()}`;
    const config = loadConfig(
      {
        MEILI_HOST: process.env.MEILI_HOST,
        MEILI_API_KEY: process.env.MEILI_API_KEY ?? "",
        MEILI_INDEX: index,
        SEED_ON_START: "false",
      },
      false,
    );
    const runtime = await createSearchEngine({
      config,
      logger: createLogger({ logLevel: "silent", logFormat: "json" }),
      orm: db.orm,
    });
    const worker = runtime.worker!;
    await worker.stop();
    return {
      // The Meilisearch engine itself, not the hub's wrapper that falls back to PostgreSQL.
      engine: new MeilisearchEngine(config.meilisearch!, () => worker.backlog()),
      orm: db.orm,
      settle: () => worker.drain(Date.now() + 120_000),
      close: async () => {
        await runtime.stop();
        await meiliIndex(config.meilisearch!)
          .client.deleteIndex(index)
          .waitTask()
          .catch(() => undefined);
        await db.close();
      },
    };
  });
} else {
  describe("search contract: Meilisearch", () => {
    it.skip("runs when MEILI_HOST is set (the default run exercises the PostgreSQL engine)", () => {});
  });
}
