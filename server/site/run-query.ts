import type { ApolloServer } from "@apollo/server";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import type { HubContext } from "../../schema/common/context.js";
import { problemsOf as inputProblemsOf } from "../../schema/common/problems.js";
import { requestContext } from "../http/request-context.js";
import { scopeOf } from "../request-scope.js";
import type { Logger } from "../logger.js";
import type { SearchEngine } from "../../schema/search/search-engine.port.js";
import type { Viewer } from "../../schema/token/viewer.js";

/** What the site needs to run its GraphQL documents in-process. */
export interface SiteQueryOptions {
  apollo: ApolloServer<HubContext>;
  orm: MikroORM;
  logger: Logger;
  search: SearchEngine;
}

/**
 * Runs one of the site's committed documents as an anonymous client, or, on the editor pages, as the token a
 * signed-in editor's session acts for; resolves to its data.
 */
export type RunSiteQuery = <T>(
  document: string,
  variables?: Record<string, unknown>,
  viewer?: Viewer | null,
) => Promise<T>;

/** One error of a GraphQL answer as a form needs it: its text, code and the argument paths it names. */
export interface SiteQueryProblem {
  message: string;
  code: string | undefined;
  /** `extensions.fields`, e.g. `input.slug` or `input.costs[2].amount`; empty when the error names none. */
  fields: string[];
}

/** A GraphQL answer with errors: the page cannot be rendered from it. */
export class SiteQueryError extends Error {
  constructor(
    message: string,
    /** The `extensions.code` of the first error, e.g. `DATABASE_UNAVAILABLE`. */
    readonly code: string | undefined,
    /** With `RATE_LIMITED`: when the caller's budget has points again. */
    readonly retryAfterSeconds?: number,
    /** Every error of the answer, for forms that show each at its field. */
    readonly problems: readonly SiteQueryProblem[] = [],
  ) {
    super(message);
    this.name = "SiteQueryError";
  }
}

/**
 * The site's only way to data: each page runs its GraphQL document through the
 * hub's Apollo server (same schema, validation rules, cost and time limits,
 * plugins) with the context `/graphql` builds for an anonymous caller (a forked
 * EntityManager with the public visibility filter, fresh DataLoaders). So a page
 * shows exactly what an anonymous API client could read, and a draft cannot reach
 * it by a second path. `request` is the page's express response: its request id names the documents' log lines and
 * errors, and the caller's rate-limit budget pays their cost; without one (a background render) they get their own.
 */
export type SiteQueriesFor = (request?: object) => RunSiteQuery;

/** The runners of the site's documents over the hub's Apollo server, per HTTP request. */
export function createSiteQueryRunner(sources: SiteQueryOptions): SiteQueriesFor {
  return (request) => {
    const scope = request && scopeOf(request);
    return (document, variables = {}, viewer = null) =>
      runOn(sources, requestContext(sources, viewer, scope), document, variables);
  };
}

/**
 * Runs `work` with a runner whose documents all run as `viewer` in one transaction, rolled back once `work` is done
 * (or has failed): a write's own transaction is a savepoint inside it, a later read sees the write, and nothing
 * `work` writes persists. For the editor's preview of unsaved input.
 */
export type RunRolledBack = <T>(viewer: Viewer, work: (run: RunSiteQuery) => Promise<T>) => Promise<T>;

/** The runners of `RunRolledBack` over the hub's Apollo server, per HTTP request (see `SiteQueriesFor`). */
export function createRolledBackRunner(sources: SiteQueryOptions): (request?: object) => RunRolledBack {
  return (request) => {
    const scope = request && scopeOf(request);
    return async (viewer, work) => {
      const { em } = requestContext(sources, viewer, scope);
      await em.begin();
      try {
        // A fresh context (and loaders) per document, on the one transaction: a read after a write sees the write.
        return await work((document, variables = {}) =>
          runOn(sources, requestContext(sources, viewer, scope, em), document, variables),
        );
      } finally {
        await em.rollback();
      }
    };
  };
}

/** Runs one document with `contextValue`; resolves to its data, or throws its errors as a SiteQueryError. */
async function runOn<T>(
  { apollo }: SiteQueryOptions,
  contextValue: HubContext,
  document: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await apollo.executeOperation<T>({ query: document, variables }, { contextValue });
  if (response.body.kind !== "single") throw new SiteQueryError("a site query answered incrementally", undefined);
  const { data, errors } = response.body.singleResult;
  if (errors?.length) {
    const { code, retryAfterSeconds } = errors[0].extensions ?? {};
    throw new SiteQueryError(
      errors.map((error) => error.message).join("; "),
      typeof code === "string" ? code : undefined,
      typeof retryAfterSeconds === "number" ? retryAfterSeconds : undefined,
      errors.flatMap(problemsOf),
    );
  }
  if (!data) throw new SiteQueryError("a site query answered without data", undefined);
  return data as T;
}

/**
 * An answer's error as a form reads it: one problem per entry of `extensions.problems` (a mutation's input with
 * several problems answers them in one error), else one per field it names, read as the API reads its own errors.
 */
function problemsOf(error: GraphQLFormattedError): SiteQueryProblem[] {
  if (!error.extensions) return [{ message: error.message, code: undefined, fields: [] }];
  return inputProblemsOf(error as GraphQLError).map(({ path, message, code }) => ({
    message,
    code: typeof code === "string" ? code : undefined,
    fields: path ? [path] : [],
  }));
}
