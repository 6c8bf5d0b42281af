import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { MikroORM } from "@mikro-orm/postgresql";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import express from "express";
import type { HubContext } from "../schema/common/context.js";
import { features } from "../schema/features.js";
import type { Feature } from "../schema/features.types.js";
import type { SearchEngine } from "../schema/search/search-engine.port.js";
import { type Authenticator, createAuthenticator } from "./auth/authenticate.js";
import type { HubConfig } from "./config.js";
import { type Database, openDatabase, statementTimeoutFor } from "./database/database.js";
import { DatabaseWatch } from "./database/database-watch.js";
import { limitConnectionsPerOperation } from "./database/request-connections.js";
import { formatError } from "./errors.js";
import { createEditorRouter } from "./editor/editor.router.js";
import { createOidcClient } from "./editor/oidc.js";
import { createSignInGuard } from "./editor/sign-in-guard.js";
import { createEmbedRouter } from "./embed/embed.router.js";
import { exportPoints } from "./export/export.params.js";
import { createExplorerRouter } from "./explorer/explorer.router.js";
import { explorerLandingPage } from "./explorer/landing-page.plugin.js";
import { createExportRouter, exportHeaders } from "./export/export.router.js";
import { cachePolicyPlugin } from "./graphql/cache-policy.js";
import { knownOperationTypes, privateForTokenHolders, rejectNulCharacters } from "./graphql/guards.js";
import { introspectionCachePlugin } from "./graphql/introspection-cache.js";
import { databaseUnavailable } from "./graphql/database-unavailable.plugin.js";
import { operationLimitRules, operationLimitsPlugin, operationParseOptions } from "./graphql/limits.js";
import { refuseNullArguments } from "./graphql/null-arguments.js";
import { withRequestHooksChained } from "./graphql/request-hooks.js";
import { dryRunPlugin } from "./graphql/dry-run.plugin.js";
import { responseBudgetPlugin } from "./graphql/response-budget.js";
import { CostGate, costInFlightPlugin } from "./graphql/cost-in-flight.js";
import { CompiledExecution } from "./graphql/compiled-execution.js";
import { buildHubSchema } from "./graphql/schema.js";
import { httpErrors, notFound } from "./http/errors.middleware.js";
import { graphqlRoute } from "./http/graphql.route.js";
import { accessLog, routeMount } from "./http/access-log.middleware.js";
import { healthRoute, livenessRoute } from "./http/health.route.js";
import { trustHosts } from "./http/hub-origin.js";
import { requestId } from "./http/request-id.middleware.js";
import type { Logger } from "./logger.js";
import { HubMetrics } from "./metrics/metrics.js";
import { costPointsPlugin } from "./rate-limit/cost-points.plugin.js";
import { rateLimitMiddleware } from "./rate-limit/rate-limit.middleware.js";
import { createRateLimiter, type RateLimiter } from "./rate-limit/rate-limiter.js";
import { invalidationPlugin } from "./response-cache/invalidation.plugin.js";
import { storedAnswers } from "./response-cache/stored-answers.js";
import { createResponseStore, type ResponseStore } from "./response-cache/response-store.js";
import { closeRedis, openRedis, type RedisConnection } from "./redis/redis-client.js";
import { requestIdOf } from "./request-scope.js";
import { contextOfError, errorRequests } from "./graphql/error-requests.plugin.js";
import { seedIfEmpty } from "./seeding.js";
import {
  createRolledBackRunner,
  createSiteQueryRunner,
  type RunRolledBack,
  type SiteQueriesFor,
} from "./site/run-query.js";
import { createSiteRouter } from "./site/site.router.js";
import { createSearchEngine, type SearchRuntime } from "./search/search-runtime.js";

/** How a hub is put together; tests pass an already open database. */
export interface HubOptions {
  config: HubConfig;
  logger: Logger;
  /** An open database to serve; when absent, `start()` opens the configured one and `stop()` closes it. */
  database?: Database;
  /** Told when the hub cannot go on (its embedded PostgreSQL died and did not restart); main.ts exits non-zero. */
  onFatal?: (error: Error) => void;
  /**
   * The features the hub serves (its GraphQL schema, its record exports, and the ORM of a database it opens itself);
   * by default every feature of `schema/features.ts`. Tests compose a fixture's feature with them.
   */
  features?: readonly Feature[];
}

/**
 * The hub: HTTP server, GraphQL and database. Constructing it starts nothing;
 * `start()` opens the database, seeds an empty one and listens; `stop()` is the
 * one place that shuts everything down, in order.
 */
export class Hub {
  readonly app: express.Express;
  private readonly httpServer: http.Server;
  private readonly apollo: ApolloServer<HubContext>;
  private database: Database | undefined;
  private readonly ownsDatabase: boolean;
  /** Settles when a `start()` in progress has finished or failed; `stop()` waits for it. */
  private starting: Promise<unknown> | undefined;
  private apolloStarted = false;
  /**
   * The one connection to REDIS_URL that the request budgets, the sign-in budgets and the response cache share;
   * opened when the routes are mounted (start-up does not wait for it), closed by `stop()` after its users.
   */
  private redis: RedisConnection | undefined;
  /** Request budgets of `/graphql`; created when the routes are mounted. */
  private rateLimiter: RateLimiter | undefined;
  /** Cached anonymous GET answers of `/graphql`; made at start (unless RESPONSE_CACHE_MB=0). */
  private responseStore: ResponseStore | undefined;
  /** The search engine (and, with Meilisearch, its outbox worker); built at start, stopped by `stop()`. */
  private search: SearchRuntime | undefined;
  /** Logs a lost database once per outage, and its return; started with the database. */
  private databaseWatch: DatabaseWatch | undefined;
  /** Prometheus metrics and their server, with METRICS_PORT only; listening from `start()`, closed by `stop()`. */
  private readonly metrics: HubMetrics | undefined;
  /** Where `/metrics` is served, once started with METRICS_PORT. */
  metricsUrl: string | undefined;
  /** Runs the operations Apollo has parsed and validated: graphql-js, or compiled once a document is used again. */
  readonly execution: CompiledExecution;

  constructor(private readonly options: HubOptions) {
    this.execution = new CompiledExecution(buildHubSchema(options.features), options.config.compileQueriesAfter);
    this.database = options.database;
    this.ownsDatabase = !options.database;
    this.app = express();
    this.httpServer = http.createServer(this.app);
    this.metrics =
      options.config.metricsPort === null
        ? undefined
        : new HubMetrics({ orm: () => this.database?.orm, search: () => this.search?.engine, logger: options.logger });
    this.apollo = new ApolloServer<HubContext>({
      // Queries a client repeats run compiled to a function (server/graphql/compiled-execution.ts).
      gateway: this.execution.gateway(),
      // A public knowledge API: clients may read the schema.
      introspection: true,
      // "Did you mean …" suggestions reveal the schema piecemeal; production drops them.
      hideSchemaDetailsFromClientErrors: options.config.environment === "production",
      // Operation limits (depth, aliases, directives, tokens, cost, execution time): server/graphql/limits.ts.
      parseOptions: operationParseOptions(options.config.limits),
      validationRules: [knownOperationTypes, ...operationLimitRules(options.config.limits)],
      // One operation per request (Apollo's default, stated): a batch would multiply every limit.
      allowBatchedHttpRequests: false,
      includeStacktraceInErrorResponses: false,
      // The hub owns shutdown; Apollo's own signal handlers made it hang next to ours.
      stopOnTerminationSignals: false,
      formatError: (formatted, error) =>
        formatError(
          formatted,
          error,
          (internal) => this.logInternalError(internal, contextOfError(error)),
          (lost) => this.databaseWatch?.report(lost),
        ),
      // One request listener for all of them: Apollo's per-plugin Promise.all cost promises (server/graphql/request-hooks.ts).
      plugins: withRequestHooksChained([
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
        // Public data: GET responses (e.g. embedded project cards) may be cached for a minute.
        ApolloServerPluginCacheControlDisabled(),
        // formatError's request id: which request an error arose in.
        errorRequests,
        cachePolicyPlugin(60),
        // …but never an answer to a token holder, which may show drafts.
        privateForTokenHolders,
        rejectNulCharacters,
        operationLimitsPlugin(options.config.limits),
        // After the limits: an operation the cost rule refuses is charged nothing more.
        costPointsPlugin({
          limiter: () => this.rateLimiter,
          maxCost: options.config.limits.cost,
          costPerPoint: options.config.rateLimitCostPerPoint,
        }),
        // Cost model beyond the estimate: null arguments, cached introspection, the answer's size (server/graphql/).
        refuseNullArguments,
        // Last before execution: a refused operation opens no transaction.
        dryRunPlugin,
        introspectionCachePlugin({ maxEntries: 50, maxChars: 20_000_000 }),
        responseBudgetPlugin(options.config.maxResponseNodes),
        // Large answers a few at a time: the memory they hold while built is bounded (server/graphql/).
        costInFlightPlugin(new CostGate(options.config.maxCostInFlight)),
        databaseUnavailable,
        // The response cache (server/response-cache/) answers in front of Apollo; a mutation invalidates it.
        invalidationPlugin(() => this.responseStore),
        // A browser's GET /graphql leads to /explorer, instead of Apollo Sandbox from Apollo's CDN.
        explorerLandingPage,
        ...(this.metrics ? [this.metrics.graphqlPlugin()] : []),
      ]),
    });
  }

  /** The open database; only after `start()`. */
  get orm(): MikroORM {
    if (!this.database) throw new Error("the hub has not been started");
    return this.database.orm;
  }

  /** Opens the database, seeds it if empty, starts GraphQL and listens. Returns the GraphQL URL. Call once. */
  start(): Promise<{ url: string; dataLocation: string }> {
    if (this.starting) return Promise.reject(new Error("the hub was already started"));
    const run = this.startInOrder();
    this.starting = run.catch(() => undefined);
    return run;
  }

  private async startInOrder(): Promise<{ url: string; dataLocation: string }> {
    const { config, logger } = this.options;
    this.database ??= await openDatabase(config, logger, {
      statementTimeoutMs: statementTimeoutFor(config.limits.executionTimeoutMs),
      onEmbeddedLost: (error) => this.options.onFatal?.(error),
      features: this.options.features,
    });
    limitConnectionsPerOperation(this.database.orm);
    this.databaseWatch = new DatabaseWatch(this.database.orm.config.get("clientUrl"), logger);
    if (config.seedOnStart) await seedIfEmpty(this.database.orm, logger);
    this.search = await createSearchEngine({ config, logger, orm: this.database.orm });
    await this.apollo.start();
    this.apolloStarted = true;
    this.mountRoutes();
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new Error(`Port ${config.port} is already in use; set PORT to a free port`)
            : error,
        );
      this.httpServer.once("error", onError);
      this.httpServer.listen(config.port, config.host, () => {
        this.httpServer.off("error", onError);
        resolve();
      });
    });
    if (this.metrics) {
      this.metricsUrl = await this.metrics.start(config.metricsPort!, config.host);
      logger.info({ url: this.metricsUrl }, "Prometheus metrics served");
    }
    const { port } = this.httpServer.address() as AddressInfo;
    const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
    return { url: `http://${host}:${port}/graphql`, dataLocation: this.database.location };
  }

  /**
   * Stops taking requests, drains them, then closes the database it opened. A start
   * in progress is allowed to finish (or fail) first, so nothing is left running.
   * Safe to call more than once.
   */
  async stop(): Promise<void> {
    await this.starting;
    if (this.apolloStarted) {
      this.apolloStarted = false;
      // Apollo's drain plugin closes the HTTP server once in-flight requests are done.
      await this.apollo
        .stop()
        .catch((error) => this.options.logger.warn({ err: error }, "GraphQL server did not stop cleanly"));
    }
    if (this.httpServer.listening) await new Promise((resolve) => this.httpServer.close(resolve));
    await this.metrics?.stop();
    this.databaseWatch?.stop();
    if (this.search) {
      const search = this.search;
      this.search = undefined;
      await search
        .stop()
        .catch((error) => this.options.logger.warn({ err: error }, "search engine did not stop cleanly"));
    }
    // Its users (budgets, response cache) are idle now that no request is served.
    if (this.redis) {
      const { client } = this.redis;
      this.redis = undefined;
      await closeRedis(client).catch((error) =>
        this.options.logger.warn({ err: error }, "Redis connection did not close cleanly"),
      );
    }
    if (this.ownsDatabase && this.database) {
      const database = this.database;
      this.database = undefined;
      await database.close();
    }
  }

  /** `/export/…`: the features' record exports and the comparison CSV, behind the rate limiter. */
  private mountExports(rateLimiter: RateLimiter): void {
    const { config, logger } = this.options;
    // Exports spend the caller's address budget like GraphQL requests, in proportion to the page they ask for.
    this.app.use(
      "/export",
      routeMount("/export"),
      exportHeaders,
      rateLimitMiddleware(
        rateLimiter,
        logger,
        () => null,
        (req) => exportPoints(req.query),
      ),
      createExportRouter({
        orm: this.orm,
        logger,
        publicUrl: config.publicUrl,
        executionTimeoutMs: config.limits.executionTimeoutMs,
        features: this.options.features ?? features,
        licence: config.site.licence,
      }),
    );
  }

  /**
   * The editor pages (server/editor/): sessions from API tokens or the town's single sign-on, whose pages run as
   * the token's or the person's viewer.
   */
  private mountEditorPages(
    run: SiteQueriesFor,
    runRolledBack: (request?: object) => RunRolledBack,
    rateLimiter: RateLimiter,
  ): void {
    const { config, logger } = this.options;
    const { publicUrl, site, session: lifetime } = config;
    const signInGuard = createSignInGuard(config, logger, this.redis ?? null);
    const oidc = config.oidc && { client: createOidcClient(config.oidc, logger), config: config.oidc };
    this.app.use(
      createEditorRouter({
        orm: this.orm,
        run,
        runRolledBack,
        logger,
        rateLimiter,
        signInGuard,
        publicUrl,
        site,
        lifetime,
        oidc,
      }),
    );
  }

  /** `/graphql`: Apollo behind CORS, the token checks, the rate limiter and the response cache. */
  private mountGraphql(authenticator: Authenticator, rateLimiter: RateLimiter, search: SearchEngine): void {
    const { logger } = this.options;
    const stored = storedAnswers({
      store: () => this.responseStore,
      observe: (outcome) => this.metrics?.observeResponseCache(outcome),
      limiter: rateLimiter,
    });
    this.app.use(
      "/graphql",
      routeMount("/graphql"),
      ...graphqlRoute({
        apollo: this.apollo,
        orm: this.orm,
        logger,
        authenticator,
        rateLimiter,
        search,
        storedAnswers: stored,
      }),
    );
  }

  private mountRoutes(): void {
    const { config, logger } = this.options;
    const orm = this.orm;
    // Opened here, not in the constructor, and not waited for: the hub starts, and counts in memory, while Redis
    // is down.
    const redis = (this.redis = config.redisUrl ? openRedis(config.redisUrl) : undefined) ?? null;
    const rateLimiter = (this.rateLimiter = createRateLimiter({ config, logger, redis }));
    if (config.responseCache) this.responseStore = createResponseStore(config.responseCache, redis, logger);
    const authenticator = createAuthenticator({ orm, logger });
    const search = this.search!.engine;
    this.app.disable("x-powered-by");
    // TRUST_PROXY: req.ip (rate-limit budgets, logs) is the client's address as the trusted proxies report it.
    this.app.set("trust proxy", config.trustProxy);
    trustHosts(this.app, config.allowedHosts);
    // First, so that its duration covers everything; it reads the request id once the answer is done.
    this.app.use(accessLog(logger, this.metrics && ((request) => this.metrics!.observeRequest(request))));
    this.app.use(requestId);
    // Probes for orchestrators: liveness asks nothing of the database, readiness the same as /healthz.
    const health = healthRoute({ orm, rateLimiter, search });
    this.app.get("/healthz", health);
    this.app.get("/livez", livenessRoute);
    this.app.get("/readyz", health);
    // Before the routers mounted at the root: a request to the API then does not walk their routes (issue 18).
    this.mountGraphql(authenticator, rateLimiter, search);
    this.app.use(
      createEmbedRouter({
        orm,
        logger,
        publicUrl: config.publicUrl,
        rateLimiter,
        cacheSeconds: config.pageCacheSeconds,
      }),
    );
    this.mountExports(rateLimiter);
    this.app.use(createExplorerRouter({ logger, rateLimiter }));
    // The website (server/site/): anonymous GraphQL clients in-process, same limits; browsers get its HTML 404.
    const run = createSiteQueryRunner({ apollo: this.apollo, orm, logger, search });
    const api = {
      limits: config.limits,
      maxResponseNodes: config.maxResponseNodes,
      rateLimit: config.rateLimit,
      rateLimitCostPerPoint: config.rateLimitCostPerPoint,
    };
    this.mountEditorPages(run, createRolledBackRunner({ apollo: this.apollo, orm, logger, search }), rateLimiter);
    this.app.use(
      createSiteRouter({
        run,
        logger,
        rateLimiter,
        cacheSeconds: config.pageCacheSeconds,
        publicUrl: config.publicUrl,
        site: config.site,
        api,
      }),
    );
    this.app.use(notFound);
    this.app.use(
      httpErrors(
        (error, res) => this.logInternalError(error, res),
        (lost) => this.databaseWatch?.report(lost),
      ),
    );
  }

  /** Logs an internal error with the id of the request it arose in (`holder`: its response or GraphQL context). */
  private logInternalError(error: unknown, holder: object | undefined): string {
    const requestId = requestIdOf(holder);
    this.options.logger.error({ err: error, requestId }, "internal error");
    return requestId;
  }
}
