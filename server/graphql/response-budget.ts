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
} from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import type { ListBoundExtensions } from "../../schema/common/list-bounds.js";

/**
 * The guard while an operation runs: the query cost is an estimate made before,
 * this counts what the answer really holds. Every object and list item a field
 * resolves counts 1; past `maxNodes` no resolver starts any more and the answer
 * is one `RESPONSE_TOO_LARGE` error (HTTP 400, not cached) without partial data.
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
        async executionDidStart({ contextValue }) {
          budget = new ResponseBudget(maxNodes);
          budgets.set(contextValue, budget);
          return {
            async executionDidEnd() {
              budgets.delete(contextValue);
            },
          };
        },
        async willSendResponse({ response }) {
          if (!budget?.exceeded || response.body.kind !== "single") return;
          // Whatever resolved before the budget ran out is dropped: a cut answer would look complete.
          response.body.singleResult = { data: null, errors: [{ message: budget.error.message, extensions: { code: ErrorCode.RESPONSE_TOO_LARGE } }] };
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
  readonly error: GraphQLError;

  constructor(private readonly maxNodes: number) {
    this.error = new GraphQLError(
      `The answer grew past ${maxNodes} objects and list items and was stopped. Ask for less: smaller pages (\`first\`) or fewer nested lists.`,
      { extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, http: { status: 400 } } },
    );
  }

  /** Counts a resolved value (cut to `maxItems` when a list); throws once the budget is spent. */
  take(value: unknown, maxItems: number | undefined): unknown {
    if (this.exceeded) throw this.error;
    let result = value;
    if (Array.isArray(value)) {
      if (maxItems !== undefined && value.length > maxItems) result = value.slice(0, maxItems);
      this.count += (result as unknown[]).length;
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

/** The running operation's budget, by its context object. */
const budgets = new WeakMap<object, ResponseBudget>();
/** Schemas whose fields already count what they resolve. */
const counted = new WeakSet<GraphQLSchema>();

/** Wraps every field of the schema that resolves objects or lists, so that the operation's budget sees them. */
function countResolvedNodes(schema: GraphQLSchema): void {
  if (counted.has(schema)) return;
  counted.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isCompositeType(getNamedType(field.type)) && !isListType(getNullableType(field.type))) continue;
      const maxItems = (field.extensions as ListBoundExtensions).maxItems;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = typeof context === "object" && context !== null ? budgets.get(context) : undefined;
        if (!budget) return resolve(source, args, context, info);
        if (budget.exceeded) throw budget.error;
        const result = resolve(source, args, context, info);
        return isPromiseLike(result) ? Promise.resolve(result).then((value) => budget.take(value, maxItems)) : budget.take(result, maxItems);
      };
    }
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
