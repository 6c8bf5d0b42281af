import type { EntityManager } from "@mikro-orm/postgresql";
import type { Logger } from "pino";
import type { SearchEngine } from "../search/search-engine.port.js";
import type { Viewer } from "../token/viewer.js";
import type { Loaders } from "./loaders.js";

/** The running operation's time limit, as the hub's execution timeout sets it. */
export interface OperationDeadline {
  /** Milliseconds left until the deadline; 0 once it has passed. */
  remainingMs(): number;
  /** Ends the time now (an operation that waited for its turn until its deadline): no resolver starts any more. */
  expire(): void;
}

/** What every resolver receives: one forked EntityManager and fresh loaders per request. */
export interface HubContext {
  /** A request-scoped fork; never the global EntityManager. */
  em: EntityManager;
  loaders: Loaders;
  /** Correlates the request's log lines and masked errors. */
  requestId: string;
  logger: Logger;
  /** The verified API token of the request; null for anonymous callers. */
  viewer: Viewer | null;
  /** The search engine the hub was configured with (PostgreSQL or Meilisearch). */
  search: SearchEngine;
  /** Set while the operation executes (absent in contexts made outside GraphQL); writes give their transaction the time left. */
  deadline?: OperationDeadline;
}
