import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  GraphQLError,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { HubContext, OperationDeadline } from "../../schema/common/context.js";
import { ErrorCode } from "../../schema/common/errors.js";
import { type SettledAnswer, settledAnswerOf } from "../../schema/common/prefetch.js";
import type { OperationLimits } from "../config.js";
import { bindOperation, OperationConnections } from "../database/request-connections.js";
import { costLimitMessage } from "./cost.rule.js";
import { requestCost } from "./request-cost.js";

/** What the cost of an operation is worked out from. */
type Costed = Omit<Parameters<typeof requestCost>[0], "operation"> & {
  operation?: Parameters<typeof requestCost>[0]["operation"];
};

/**
 * What graphql-js's parser is told: it stops lexing after `limits.tokens`
 * tokens, so an oversized document is refused before it is ever parsed whole.
 * Goes into ApolloServer's `parseOptions`.
 */
export function operationParseOptions(limits: OperationLimits): ParseOptions {
  return { maxTokens: limits.tokens };
}

/**
 * Validation rules for depth, aliases and directives (from graphql-armor), with
 * messages that name the limit and the value found, e.g. "Query depth 20 exceeds
 * the limit of 12.". Apollo answers their errors with HTTP 400 and
 * GRAPHQL_VALIDATION_FAILED. Goes into ApolloServer's `validationRules`.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const armor = new ApolloArmor({
    // Production hides suggestions through Apollo's `hideSchemaDetailsFromClientErrors`; development keeps them.
    blockFieldSuggestion: { enabled: false },
    // Armor's Apollo token plugin throws from `parsingDidStart`, which Apollo answers with HTTP 500; the parser's own limit is used instead.
    maxTokens: { enabled: false },
    // Armor's cost ignores `first` given as a variable or left at its default; see cost.rule.ts.
    costLimit: { enabled: false },
    // Fragments do not make an answer deeper, so they do not count as a level.
    maxDepth: {
      n: limits.depth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [refuse("Query depth", limits.depth)],
    },
    maxAliases: {
      n: limits.aliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [refuse("Query alias count", limits.aliases)],
    },
    maxDirectives: {
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [refuse("Query directive count", limits.directives)],
    },
  });
  return armor.protect().validationRules;
}

/** Reports an armor rejection in the hub's words: what was measured, its value and the limit. */
function refuse(what: string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    // Armor's message ends in "found <n>."; without it the message still names the limit.
    const found = /found (\d+)/.exec(error.message)?.[1];
    context?.reportError(new GraphQLError(`${what}${found ? ` ${found}` : ""} exceeds the limit of ${limit}.`));
  };
}

/**
 * The plugin for what needs the request: the query cost (priced with the
 * request's variables, see cost.rule.ts) and the execution timeout. An operation
 * still running after `limits.executionTimeoutMs` is answered with one `TIMEOUT`
 * error and HTTP 503 (never with data, even when the timer fired late); its pending
 * resolvers are abandoned, its statements cancelled and no new ones start. A mutation
 * is answered when its write has settled: `TIMEOUT` only if it was rolled back (see
 * `Deadline`). It also words the parser's token-limit error like the other limits. Goes into
 * ApolloServer's `plugins`.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart({ schema }) {
      enforceDeadlines(schema);
    },
    async requestDidStart() {
      let deadline: Deadline | undefined;
      return {
        async didResolveOperation(requestContext) {
          refuseOverCost(limits, requestContext);
        },
        async executionDidStart({ contextValue, operation }) {
          const started = startDeadline(limits, contextValue, operation?.operation === "mutation");
          deadline = started;
          return {
            async executionDidEnd() {
              started.end();
              deadlines.delete(contextValue);
            },
          };
        },
        async didEncounterErrors({ errors }) {
          // Apollo has no hook to word parse and validation errors; these objects are this request's own.
          for (const error of errors) {
            if (error.extensions.code === ErrorCode.GRAPHQL_PARSE_FAILED && TOKEN_LIMIT.test(error.message)) {
              error.message = `Query token count exceeds the limit of ${limits.tokens}.`;
            } else if (
              error.extensions.code === ErrorCode.GRAPHQL_VALIDATION_FAILED &&
              error.message === VALIDATION_ABORTED
            ) {
              error.message =
                "Query is too complex to validate: it repeats fields or fragments too often. Select each field once.";
            }
          }
        },
        async willSendResponse({ response }) {
          if (!deadline || response.body.kind !== "single") return;
          if (deadline.mutation) {
            // A write tells its own outcome, known once its transaction has settled: what committed is answered (200).
            const { data, errors } = response.body.singleResult;
            const wrote = Object.values(data ?? {}).some((value) => value !== null);
            if (!wrote && errors?.some((error) => error.extensions?.code === ErrorCode.TIMEOUT)) {
              response.http.status = 503;
              response.http.headers.set("cache-control", "no-store");
            }
            return;
          }
          // Judged when execution ended: plugins running after it must not turn an answer in time into a timeout.
          if (!deadline.expiredAtEnd) return;
          // Every resolver still pending failed alike; one error says it all, and partial data would mislead.
          response.body.singleResult = {
            data: null,
            errors: [{ message: deadline.error.message, extensions: { code: ErrorCode.TIMEOUT } }],
          };
          response.http.status = 503;
          // Whatever the plugins' order, a timeout must not be cached like the answer it replaces.
          response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}

/** graphql-js's message when the parser's `maxTokens` is exceeded ("more that" is its spelling). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) \d+ tokens/;
/** graphql-js's message when validation gives up on a document (repeated fields or fragments exhaust its budget). */
const VALIDATION_ABORTED = "Validation aborted.";

/** Refuses an operation that costs more than the limit, before it runs. */
function refuseOverCost(limits: OperationLimits, { schema, document, operation, request }: Costed): void {
  if (!operation) return;
  // Undefined when the variables do not fit: execution refuses them, with a message that names them.
  const cost = requestCost({ schema, document, operation, request });
  if (cost !== undefined && cost > limits.cost) {
    throw new GraphQLError(costLimitMessage(cost, limits.cost), {
      nodes: [operation],
      extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
    });
  }
}

/** Starts an operation's deadline, for its context; its statements run on the deadline's connections. */
function startDeadline(limits: OperationLimits, contextValue: BaseContext, mutation: boolean): Deadline {
  const deadline = new Deadline(limits.executionTimeoutMs, mutation);
  deadlines.set(contextValue, deadline);
  // Its statements run on the operation's connections, and stop with them at the deadline.
  const { em } = contextValue as Partial<HubContext>;
  if (em) bindOperation(em, deadline.connections);
  // Writes give their transaction the time left as its statement timeout (schema/publishing/publishing.service.ts).
  (contextValue as { deadline?: OperationDeadline }).deadline = deadline;
  return deadline;
}

/** The running operation's deadline, by its context object. */
const deadlines = new WeakMap<object, Deadline>();
/** Schemas whose resolvers already observe deadlines. */
const enforced = new WeakSet<GraphQLSchema>();

/**
 * One operation's time limit: `reached` rejects when it passes, unless `end()` came
 * first. It also holds the operation's database connections (at most two at once); for
 * a query, the deadline stops their statements. A mutation's statements are not
 * cancelled: its write transaction carries the time left as its statement timeout, so
 * that PostgreSQL itself rolls it back, and the operation answers once it has settled.
 */
class Deadline implements OperationDeadline {
  readonly reached: Promise<never>;
  readonly connections = new OperationConnections();
  private readonly endsAt: number;
  private fired = false;
  private timer: NodeJS.Timeout | undefined;
  private reject: ((error: GraphQLError) => void) | undefined;
  private endedExpired: boolean | undefined;
  private made: GraphQLError | undefined;

  constructor(
    private readonly ms: number,
    readonly mutation: boolean,
  ) {
    this.endsAt = performance.now() + ms;
    this.reached = new Promise<never>((_, reject) => {
      this.reject = reject;
      this.timer = setTimeout(() => this.expire(), ms);
    });
    // Races take the rejection; when none is listening any more, it must not count as unhandled.
    this.reached.catch(() => undefined);
  }

  /** The timeout error, made once and only when needed: a GraphQLError captures a stack trace. */
  get error(): GraphQLError {
    return (this.made ??= new GraphQLError(
      `The operation took longer than ${this.ms} ms and was stopped. Ask for less: smaller pages (\`first\`) or fewer nested lists.`,
      { extensions: { code: ErrorCode.TIMEOUT, http: { status: 503 } } },
    ));
  }

  /** The time is up: by the timer, or at once when asked (see OperationDeadline). */
  expire(): void {
    if (this.fired) return;
    this.fired = true;
    clearTimeout(this.timer);
    if (!this.mutation) this.connections.stop(this.error);
    this.reject?.(this.error);
  }

  /** Whether the time is up, by the timer or by the clock (the timer fires late when the event loop was busy). */
  get expired(): boolean {
    return this.fired || performance.now() >= this.endsAt;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  /**
   * Whether the time was up when execution ended (by the clock: CPU-bound work can delay the
   * timer past the end of execution); while it still runs, whether it is up now.
   */
  get expiredAtEnd(): boolean {
    return this.endedExpired ?? this.expired;
  }

  /** Execution has ended: stops the timer and records whether it ended in time. */
  end(): void {
    this.endedExpired ??= this.expired;
    clearTimeout(this.timer);
  }
}

/**
 * Makes every resolver of the schema observe its operation's deadline (its database connections are bound to
 * the operation's EntityManager when execution starts, see `bindOperation`). In a query, once the deadline has passed, pending
 * results give way to the timeout error and no resolver starts, so execution ends at
 * once; the statements still running are cancelled. In a mutation, a write that has
 * started is awaited (it ends by its statement timeout or commits), and a root field
 * not yet started is not started.
 */
function enforceDeadlines(schema: GraphQLSchema): void {
  if (enforced.has(schema)) return;
  enforced.add(schema);
  const mutationType = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      // A field without a resolver reads a property of an object already loaded: nothing to wait for.
      if (!field.resolve) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
      const isWrite = type === mutationType;
      // A list loaded ahead needs no statement, so no connections to run with: answered without its resolver.
      const settled: SettledAnswer | undefined =
        field.args.length === 0 ? settledAnswerOf(type.name, field.name) : undefined;
      field.resolve = (source, args, context, info) => {
        const deadline = typeof context === "object" && context !== null ? deadlines.get(context) : undefined;
        if (!deadline) return resolve(source, args, context, info);
        if (deadline.mutation) {
          if (isWrite && deadline.expired) throw writeNotStarted(deadline);
          return resolve(source, args, context, info);
        }
        if (deadline.expired) throw deadline.error;
        const loaded = settled?.(context as HubContext, source as object, info);
        if (loaded) return loaded;
        const result = resolve(source, args, context, info);
        return isPromiseLike(result) ? Promise.race([result, deadline.reached]) : result;
      };
    }
  }
}

/** The error of a write the deadline came before: it never began, so nothing was saved. */
function writeNotStarted(deadline: Deadline): GraphQLError {
  return new GraphQLError(
    `${deadline.error.message.replace(/\. Ask for less.*$/, "")} before this write began: nothing was saved.`,
    {
      extensions: { code: ErrorCode.TIMEOUT },
    },
  );
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
