import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  GraphQLError,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type ResponsePath as Path,
} from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import type { ListBoundExtensions } from "../../schema/common/list-bounds.js";

/**
 * The guard while an operation runs: the query cost is an estimate made before,
 * this counts what the answer really holds. Every object and list item a field
 * resolves counts 1; past `maxNodes` no resolver starts any more and the answer
 * is one `RESPONSE_TOO_LARGE` error (HTTP 400, not cached) without partial data. A
 * mutation's write that went through is answered with its whole payload; a root field
 * not started once the budget is spent is not started (`RESPONSE_TOO_LARGE` on it alone).
 * It also cuts a list to its declared `maxItems` (schema/common/list-bounds.ts),
 * so that a declared bound holds even for rows written before it existed.
 * Goes into ApolloServer's `plugins`.
 */
export function responseBudgetPlugin(maxNodes: number): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart({ schema }) {
      countResolvedNodes(schema);
    },
    async requestDidStart() {
      let budget: ResponseBudget | undefined;
      return {
        async executionDidStart({ contextValue, operation }) {
          budget = new ResponseBudget(maxNodes, operation?.operation === "mutation");
          budgets.set(contextValue, budget);
          return {
            async executionDidEnd() {
              budgets.delete(contextValue);
            },
          };
        },
        async willSendResponse({ response }) {
          if (!budget?.exceeded || response.body.kind !== "single") return;
          // A write that went through is answered (a retry would write it twice); writes not started carry the error.
          if (budget.written.size > 0) return;
          // Whatever resolved before the budget ran out is dropped: a cut answer would look complete.
          response.body.singleResult = {
            data: null,
            errors: [{ message: budget.error.message, extensions: { code: ErrorCode.RESPONSE_TOO_LARGE } }],
          };
          response.http.status = 400;
          response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}

/** One operation's count of resolved objects and list items. */
class ResponseBudget {
  count = 0;
  exceeded = false;
  /** Root fields of a mutation whose write resolved, by response key. */
  readonly written = new Set<string>();
  private made: GraphQLError | undefined;

  constructor(
    private readonly maxNodes: number,
    readonly mutation: boolean,
  ) {}

  /** The error of an answer past the budget, made once and only when needed: a GraphQLError captures a stack trace. */
  get error(): GraphQLError {
    return (this.made ??= new GraphQLError(
      `The answer grew past ${this.maxNodes} objects and list items and was stopped. Ask for less: smaller pages (\`first\`) or fewer nested lists.`,
      { extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, http: { status: 400 } } },
    ));
  }

  /** The error of a mutation's root field not started because the budget was spent: its write never began. */
  writeNotStarted(): GraphQLError {
    // A failed non-null root field nulls the whole answer, so this error must tell what the writes before it did.
    const saved = this.written.size ? ` The writes before it were saved: ${[...this.written].join(", ")}.` : "";
    return new GraphQLError(
      `The answer grew past ${this.maxNodes} objects and list items before this write began: it was not started, nothing of it was saved.${saved} Send it again with a smaller selection.`,
      { extensions: { code: ErrorCode.RESPONSE_TOO_LARGE } },
    );
  }

  /** Whether `path` lies beneath a mutation's root field whose write went through. */
  isWritten(path: Path): boolean {
    return this.mutation && this.written.has(rootKey(path));
  }

  /** Counts a mutation's root payload: the write has gone through, so it is never dropped. */
  takeWritten(key: string, value: unknown): unknown {
    if (value !== null && value !== undefined) this.written.add(key);
    return this.countOnly(value, undefined);
  }

  /** Counts a value beneath a saved write (cut to `maxItems` when a list) without stopping it; later writes see the budget spent. */
  countOnly(value: unknown, maxItems: number | undefined): unknown {
    const result = cut(value, maxItems);
    this.count += Array.isArray(result) ? result.length : value === null || value === undefined ? 0 : 1;
    if (this.count > this.maxNodes) this.exceeded = true;
    return result;
  }

  /** Counts a resolved value (cut to `maxItems` when a list); throws once the budget is spent. */
  take(value: unknown, maxItems: number | undefined): unknown {
    if (this.exceeded) throw this.error;
    const result = cut(value, maxItems);
    if (Array.isArray(result)) {
      this.count += result.length;
    } else if (value !== null && value !== undefined) {
      this.count += 1;
    }
    if (this.count > this.maxNodes) {
      this.exceeded = true;
      throw this.error;
    }
    return result;
  }
}

/** A list cut to its declared `maxItems`; anything else as it is. */
function cut(value: unknown, maxItems: number | undefined): unknown {
  return Array.isArray(value) && maxItems !== undefined && value.length > maxItems ? value.slice(0, maxItems) : value;
}

/** The response key of the root field a path lies under. */
function rootKey(path: Path): string {
  let root = path;
  while (root.prev) root = root.prev;
  return String(root.key);
}

/** The running operation's budget, by its context object. */
const budgets = new WeakMap<object, ResponseBudget>();
/** Schemas whose fields already count what they resolve. */
const counted = new WeakSet<GraphQLSchema>();

/** Wraps every field of the schema that resolves objects or lists, so that the operation's budget sees them. */
function countResolvedNodes(schema: GraphQLSchema): void {
  if (counted.has(schema)) return;
  counted.add(schema);
  const mutationType = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isCompositeType(getNamedType(field.type)) && !isListType(getNullableType(field.type))) continue;
      const maxItems = (field.extensions as ListBoundExtensions).maxItems;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = typeof context === "object" && context !== null ? budgets.get(context) : undefined;
        if (!budget) return resolve(source, args, context, info);
        if (type === mutationType) {
          if (budget.exceeded) throw budget.writeNotStarted();
          const written = resolve(source, args, context, info);
          return Promise.resolve(written).then((value) => budget.takeWritten(String(info.path.key), value));
        }
        // The payload of a write that went through is answered whole: the cost rule bounded it, and a retry would write twice.
        if (budget.isWritten(info.path)) {
          const whole = resolve(source, args, context, info);
          return isPromiseLike(whole)
            ? Promise.resolve(whole).then((value) => budget.countOnly(value, maxItems))
            : budget.countOnly(whole, maxItems);
        }
        if (budget.exceeded) throw budget.error;
        const result = resolve(source, args, context, info);
        return isPromiseLike(result)
          ? Promise.resolve(result).then((value) => budget.take(value, maxItems))
          : budget.take(result, maxItems);
      };
    }
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
