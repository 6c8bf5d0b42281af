import { PostgresSearchEngine } from "../../server/search/postgres-engine.js";
import { createTestDatabase } from "../support/database.js";
import { searchContract } from "./search-contract.js";

searchContract("PostgreSQL", async () => {
  const db = await createTestDatabase();
  const engine = new PostgresSearchEngine(db.orm);
  return { engine, orm: db.orm, settle: async () => {}, close: async () => (await engine.close(), await db.close()) };
});

// The seed data is far too small for the plan of broad queries (scan rows, not the GIN index); force it.
searchContract("PostgreSQL, broad-query plan", async () => {
  const db = await createTestDatabase();
  const engine = new PostgresSearchEngine(db.orm, { broad: true });
  return { engine, orm: db.orm, settle: async () => {}, close: async () => (await engine.close(), await db.close()) };
});
