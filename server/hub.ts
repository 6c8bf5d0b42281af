import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import type { MikroORM } from "@mikro-orm/postgresql";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import cors from "cors";
import express, { type ErrorRequestHandler } from "express";
import type { HubContext } from "../schema/common/context.js";
import { Loaders } from "../schema/common/loaders.js";
import { createAuthenticator, verifiedToken, viewerOf } from "./auth/authenticate.js";
import type { HubConfig } from "./config.js";
import { type Database, openDatabase } from "./database/database.js";
import { formatError } from "./errors.js";
import { createEmbedRouter } from "./embed/embed.router.js";
import { knownOperationTypes, rejectNulCharacters } from "./graphql/guards.js";
import { operationLimitRules, operationLimitsPlugin, operationParseOptions } from "./graphql/limits.js";
import { buildHubSchema } from "./graphql/schema.js";
import type { Logger } from "./logger.js";
import { RATE_LIMIT_RESPONSE_HEADERS, rateLimitMiddleware } from "./rate-limit/rate-limit.middleware.js";
import { createRateLimiter, type RateLimiter } from "./rate-limit/rate-limiter.js";
import { requestScope } from "./request-scope.js";
import { seedIfEmpty } from "./seeding.js";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** How long `/healthz` waits for the database before it reports it down. */
const HEALTH_TIMEOUT_MS = 2000;
/** Request headers browsers may send cross-origin; the Apollo ones satisfy its CSRF prevention on GET. */
const GRAPHQL_REQUEST_HEADERS = ["content-type", "apollo-require-preflight", "x-apollo-operation-name", "authorization"];
/** The largest request body the GraphQL endpoint reads. */
const BODY_LIMIT = "1mb";

/** What the body parser's failures mean for a client, by its error `type`. */
const BODY_ERRORS: Record<string, [number, string]> = {
  "entity.parse.failed": [400, "Bad request: the body is not valid JSON."],
  "entity.too.large": [413, `Bad request: the body is larger than ${BODY_LIMIT}.`],
  "encoding.unsupported": [415, "Bad request: unsupported Content-Encoding; send the body uncompressed, gzip or deflate."],
  "charset.unsupported": [415, "Bad request: unsupported charset; send JSON as UTF-8."],
  "request.aborted": [400, "Bad request: the request was aborted."],
  "request.size.invalid": [400, "Bad request: the body is shorter or longer than its Content-Length."],
};

/** How a hub is put together; tests pass an already open database. */
export interface HubOptions {
  config: HubConfig;
  logger: Logger;
  /** An open database to serve; when absent, `start()` opens the configured one and `stop()` closes it. */
  database?: Database;
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
  /** Request budgets of `/graphql`; created when the routes are mounted, closed by `stop()`. */
  private rateLimiter: RateLimiter | undefined;

  constructor(private readonly options: HubOptions) {
    this.database = options.database;
    this.ownsDatabase = !options.database;
    this.app = express();
    this.httpServer = http.createServer(this.app);
    this.apollo = new ApolloServer<HubContext>({
      schema: buildHubSchema(),
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
      formatError: (formatted, error) => formatError(formatted, error, (internal) => this.logInternalError(internal)),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
        // Public data: GET responses (e.g. embedded project cards) may be cached for a minute.
        ApolloServerPluginCacheControl({ defaultMaxAge: 60 }),
        rejectNulCharacters,
        operationLimitsPlugin(options.config.limits),
      ],
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
    this.database ??= await openDatabase(config, logger);
    if (config.seedOnStart) await seedIfEmpty(this.database.orm, logger);
    await this.apollo.start();
    this.apolloStarted = true;
    this.mountRoutes();
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) =>
        reject(error.code === "EADDRINUSE" ? new Error(`Port ${config.port} is already in use; set PORT to a free port`) : error);
      this.httpServer.once("error", onError);
      this.httpServer.listen(config.port, config.host, () => {
        this.httpServer.off("error", onError);
        resolve();
      });
    });
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
      await this.apollo.stop().catch((error) => this.options.logger.warn({ err: error }, "GraphQL server did not stop cleanly"));
    }
    if (this.httpServer.listening) await new Promise((resolve) => this.httpServer.close(resolve));
    if (this.rateLimiter) {
      const rateLimiter = this.rateLimiter;
      this.rateLimiter = undefined;
      await rateLimiter.close().catch((error) => this.options.logger.warn({ err: error }, "Redis connection did not close cleanly"));
    }
    if (this.ownsDatabase && this.database) {
      const database = this.database;
      this.database = undefined;
      await database.close();
    }
  }

  private mountRoutes(): void {
    const { logger } = this.options;
    const orm = this.orm;
    // Created here, not in the constructor: with REDIS_URL it opens a connection (and does
    // not wait for it: the hub starts, and counts in memory, while Redis is down).
    const rateLimiter = (this.rateLimiter = createRateLimiter({ config: this.options.config, logger }));
    const authenticator = createAuthenticator({ orm, logger });
    this.app.disable("x-powered-by");
    this.app.use((req, res, next) => {
      const given = req.get("x-request-id");
      const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader("x-request-id", requestId);
      requestScope.run({ requestId }, next);
    });
    this.app.get("/healthz", async (_req, res) => {
      const started = performance.now();
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), HEALTH_TIMEOUT_MS).unref());
      const [database, redis] = await Promise.all([
        Promise.race([orm.em.getConnection().execute("select 1"), timeout])
          .then(() => ({ status: "up", latencyMs: Math.round(performance.now() - started) }))
          .catch(() => ({ status: "down" })),
        // Only with REDIS_URL. Informational: without Redis the hub still serves (rate limits
        // then count per instance), so it does not change the status code.
        Promise.race([rateLimiter.redisStatus(), timeout]).then(
          (status) => (status ? { status } : undefined),
          () => ({ status: "down" as const }),
        ),
      ]);
      res
        .status(database.status === "up" ? 200 : 503)
        .json({ status: database.status === "up" ? "ok" : "degraded", database, ...(redis ? { redis } : {}) });
    });
    this.app.use(createEmbedRouter({ orm, logger, publicUrl: this.options.config.publicUrl }));
    this.app.use(
      "/graphql",
      // Any origin may read (embeds need it), never with credentials: browsers refuse
      // credentialed requests to a wildcard origin.
      // Scripts may read the rate-limit headers, to back off.
      cors({ origin: "*", methods: ["GET", "POST"], allowedHeaders: GRAPHQL_REQUEST_HEADERS, exposedHeaders: RATE_LIMIT_RESPONSE_HEADERS, maxAge: 600 }),
      // After CORS (a 429 is readable cross-origin; preflights end there and cost nothing),
      // before the body parser (a refused body is not parsed).
      // Before the rate limiter: a bad token is refused (401) without spending a budget,
      // and a verified token spends its own budget rather than its address's.
      // Tokens the cache knows spend their own budget; unknown ones are charged to their
      // address before the database is asked, so random tokens cannot flood it.
      authenticator.recall,
      rateLimitMiddleware(rateLimiter, logger, verifiedToken),
      authenticator.verify,
      express.json({ limit: BODY_LIMIT }),
      expressMiddleware(this.apollo, {
        context: async ({ res }) => {
          const em = orm.em.fork();
          const requestId = requestScope.getStore()?.requestId ?? randomUUID();
          return { em, loaders: new Loaders(em), requestId, logger: logger.child({ requestId }), viewer: viewerOf(res) };
        },
      }),
    );
    this.app.use((_req, res) => {
      res.status(404).json({ errors: [{ message: "Not found. GraphQL is served at /graphql.", extensions: { code: "NOT_FOUND" } }] });
    });
    const onError: ErrorRequestHandler = (error, _req, res, _next) => {
      const type = String(error?.type);
      const status4xx = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? (error.status as number) : null;
      // Express marks its own client errors (e.g. a malformed percent-encoding in the path) with a 4xx status.
      const known = Object.hasOwn(BODY_ERRORS, type) ? BODY_ERRORS[type] : status4xx ? ([status4xx, "Bad request."] as [number, string]) : undefined;
      if (!known) this.logInternalError(error);
      const [status, message] = known ?? [500, "Internal server error"];
      res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR" } }] });
    };
    this.app.use(onError);
  }

  private logInternalError(error: unknown): string {
    const requestId = requestScope.getStore()?.requestId ?? randomUUID();
    this.options.logger.error({ err: error, requestId }, "internal error");
    return requestId;
  }
}
