import { PostgresSearchEngine } from "../../server/search/postgres-engine.js";
import { createTestDatabase } from "../support/database.js";
import { searchContract } from "./search-contract.js";

searchContract("PostgreSQL", async () => {
  const db = await createTestDatabase();
  return { engine: new PostgresSearchEngine(db.orm), orm: db.orm, settle: async () => {}, close: () => db.close() };
});
