import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getVariableValues,
  GraphQLError,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  type GraphQLSchema,
  type ParseOptions,
  validate,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import type { OperationLimits } from "../config.js";
import { costLimitRule } from "./cost.rule.js";

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
    maxDepth: { n: limits.depth, flattenFragments: true, propagateOnRejection: false, onReject: [refuse("Query depth", limits.depth)] },
    maxAliases: { n: limits.aliases, allowList: [], propagateOnRejection: false, onReject: [refuse("Query alias count", limits.aliases)] },
    maxDirectives: { n: limits.directives, propagateOnRejection: false, onReject: [refuse("Query directive count", limits.directives)] },
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
 * error and HTTP 503; its pending resolvers are abandoned and no new ones start.
 * It also words the parser's token-limit error like the other limits. Goes into
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
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
          // Variables that do not fit are refused by execution, with a message that names them.
          if (!variables.coerced) return;
          const rule = costLimitRule(limits.cost, { variableValues: variables.coerced, operationName: operation.name?.value });
          const [error] = validate(schema, document, [rule]);
          if (error) {
            throw new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
            });
          }
        },
        async executionDidStart({ contextValue }) {
          deadline = new Deadline(limits.executionTimeoutMs);
          deadlines.set(contextValue, deadline);
          return {
            async executionDidEnd() {
              deadline?.clear();
              deadlines.delete(contextValue);
            },
          };
        },
        async didEncounterErrors({ errors }) {
          // Apollo has no hook to word parse and validation errors; these objects are this request's own.
          for (const error of errors) {
            if (error.extensions.code === ErrorCode.GRAPHQL_PARSE_FAILED && TOKEN_LIMIT.test(error.message)) {
              error.message = `Query token count exceeds the limit of ${limits.tokens}.`;
            } else if (error.extensions.code === ErrorCode.GRAPHQL_VALIDATION_FAILED && error.message === VALIDATION_ABORTED) {
              error.message = "Query is too complex to validate: it repeats fields or fragments too often. Select each field once.";
            }
          }
        },
        async willSendResponse({ response }) {
          if (!deadline?.expired || response.body.kind !== "single") return;
          // Every resolver still pending failed alike; one error says it all, and partial data would mislead.
          response.body.singleResult = { data: null, errors: [{ message: deadline.error.message, extensions: { code: ErrorCode.TIMEOUT } }] };
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

/** The running operation's deadline, by its context object. */
const deadlines = new WeakMap<object, Deadline>();
/** Schemas whose resolvers already observe deadlines. */
const enforced = new WeakSet<GraphQLSchema>();

/** One operation's time limit: `reached` rejects when it passes, unless `clear()` came first. */
class Deadline {
  expired = false;
  readonly error: GraphQLError;
  readonly reached: Promise<never>;
  private timer: NodeJS.Timeout | undefined;

  constructor(ms: number) {
    this.error = new GraphQLError(
      `The operation took longer than ${ms} ms and was stopped. Ask for less: smaller pages (\`first\`) or fewer nested lists.`,
      { extensions: { code: ErrorCode.TIMEOUT, http: { status: 503 } } },
    );
    this.reached = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        this.expired = true;
        reject(this.error);
      }, ms);
    });
    // Races take the rejection; when none is listening any more, it must not count as unhandled.
    this.reached.catch(() => undefined);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Makes every resolver of the schema race its operation's deadline: once it has
 * passed, pending results give way to the timeout error and no resolver starts,
 * so execution ends at once. graphql-js cannot cancel a resolver, so work
 * already started (a database query) runs to its end unobserved.
 */
function enforceDeadlines(schema: GraphQLSchema): void {
  if (enforced.has(schema)) return;
  enforced.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      // A field without a resolver reads a property of an object already loaded: nothing to wait for.
      if (!field.resolve) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
      field.resolve = (source, args, context, info) => {
        const deadline = typeof context === "object" && context !== null ? deadlines.get(context) : undefined;
        if (deadline?.expired) throw deadline.error;
        const result = resolve(source, args, context, info);
        return deadline && isPromiseLike(result) ? Promise.race([result, deadline.reached]) : result;
      };
    }
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
