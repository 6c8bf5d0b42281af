import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  astFromValue,
  type DocumentNode,
  type ExecutionResult,
  execute,
  getVariableValues,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNullableType,
  isInputObjectType,
  isInputType,
  isListType,
  type OperationDefinitionNode,
  type SourceLocation,
  typeFromAST,
  valueFromASTUntyped,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

/** What ApolloServer takes as `gateway`: the one way it runs operations with an executor of our own. */
type Gateway = ApolloServerOptionsWithGateway<object>["gateway"];
/** The executor a gateway hands ApolloServer, and the request it is given. */
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;
type ExecutorRequest = Parameters<Executor>[0];

/** A document's compiled operations, by operation name ("" for the only one); null where compiling failed. */
type CompiledOperations = Map<string, CompiledQuery | null>;

/**
 * Most documents whose compiled operations are kept, the least recently used dropped first (and compiled again when
 * used again): generated code is larger than a parsed document, and a client sending ever new documents twice
 * must not fill the memory with it.
 */
const MAX_COMPILED_DOCUMENTS = 500;

/** What the executor did, counted since start (the tests read it to tell which engine answered). */
export interface ExecutionCounts {
  /** Queries run by graphql-js: a document's first uses, mutations, and variables that do not fit. */
  interpreted: number;
  /** Queries run by their compiled function. */
  compiled: number;
  /** Operations compiled (again, after the bound dropped their document). */
  compilations: number;
}

/**
 * Runs the hub's queries through graphql-jit once a document has been asked for
 * `compileAfter` times, and through graphql-js before that: a query compiled to a
 * function per document resolves its fields without graphql-js' per-field work
 * (argument values, paths, completion), which dominated nested reads. Compiling
 * costs a few milliseconds, so a document used once is not compiled. Apollo keeps
 * parsed documents in its bounded store, so that a document's uses are counted on
 * the same object (a WeakMap, gone with the document); the compiled operations of
 * the `MAX_COMPILED_DOCUMENTS` documents used last are kept.
 *
 * Same answers either way: the same schema with the same resolvers (and their
 * wrappers for deadlines and the answer budget), the variables checked by graphql-js
 * first (whose error answers stay graphql-js' own), and errors handed to Apollo as
 * graphql-js errors with their path, locations and original error. Mutations always
 * run through graphql-js: they are few, and run one field at a time.
 */
export class CompiledExecution {
  readonly counts: ExecutionCounts = { interpreted: 0, compiled: 0, compilations: 0 };
  private readonly uses = new WeakMap<DocumentNode, number>();
  private readonly compiled = new LRUCache<DocumentNode, CompiledOperations>({ max: MAX_COMPILED_DOCUMENTS });

  /** `compileAfter`: the use of a document from which it runs compiled (1: the first); 0 compiles nothing. */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly compileAfter: number,
  ) {}

  /** The `gateway` to give ApolloServer (instead of `schema`): it serves `schema` and runs operations by `run`. */
  gateway(): Gateway {
    const schema = this.schema;
    return {
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: "" });
        return () => undefined;
      },
      load: async () => ({ executor: (request) => this.run(request) }),
      stop: async () => undefined,
    };
  }

  /** Runs one operation of a validated document, compiled when its document has been used often enough. */
  async run({ document, operation, operationName, request, context }: ExecutorRequest): Promise<ExecutionResult> {
    const variables = request.variables ?? {};
    // Apollo leaves the operation out when the document names none it can pick; graphql-js then says why.
    const compiled =
      (operation as OperationDefinitionNode | undefined)?.operation === "query"
        ? this.compiledFor(document, operationName)
        : null;
    if (!compiled || !this.variablesFit(operation, variables))
      return this.interpret(document, operationName, context, variables);
    this.counts.compiled++;
    const result = await compiled.query(undefined, context, withDefaults(this.schema, operation, variables));
    return result.errors ? { ...result, errors: (result.errors as readonly JitError[]).map(asGraphQLError) } : result;
  }

  private interpret(
    document: DocumentNode,
    operationName: string | null,
    contextValue: object,
    variableValues: Record<string, unknown>,
  ): Promise<ExecutionResult> | ExecutionResult {
    this.counts.interpreted++;
    return execute({ schema: this.schema, document, operationName, contextValue, variableValues });
  }

  /** The compiled operation, once `document` has been used `compileAfter` times (this use included); else null. */
  private compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    if (this.compileAfter === 0) return null;
    const uses = (this.uses.get(document) ?? 0) + 1;
    this.uses.set(document, uses);
    if (uses < this.compileAfter) return null;
    let operations = this.compiled.get(document);
    if (!operations) this.compiled.set(document, (operations = new Map()));
    const name = operationName ?? "";
    let compiled = operations.get(name);
    if (compiled === undefined) {
      const made = compileQuery(this.schema, document, operationName ?? undefined, {
        disablingCapturingStackErrors: true,
      });
      compiled = isCompiledQuery(made) ? made : null;
      operations.set(name, compiled);
      this.counts.compilations++;
    }
    return compiled;
  }

  /** Whether graphql-js accepts the variables; if not, graphql-js answers, so that its error answers stay as they are. */
  private variablesFit(operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
    return !(
      "errors" in getVariableValues(this.schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 })
    );
  }
}

/**
 * The variables as a client would write them out in full: each default the operation or an input type declares
 * for a value not given, filled in. graphql-jit asks for a non-null variable or input field with a default
 * (`$slug: String! = "herten"`, `orderBy: { field: STATUS }` without `direction`), graphql-js does not.
 */
function withDefaults(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const filled = { ...variables };
  for (const { variable, type, defaultValue } of operation.variableDefinitions ?? []) {
    const name = variable.name.value;
    if (!(name in filled) && defaultValue) filled[name] = valueFromASTUntyped(defaultValue);
    const inputType = typeFromAST(schema, type);
    if (name in filled && isInputType(inputType)) filled[name] = withFieldDefaults(filled[name], inputType);
  }
  return filled;
}

/** `value` of `type` with the defaults of its input objects' fields not given, at any depth. */
function withFieldDefaults(value: unknown, type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return value;
  if (isListType(nullable))
    return Array.isArray(value)
      ? value.map((item) => withFieldDefaults(item, nullable.ofType))
      : withFieldDefaults(value, nullable.ofType);
  if (!isInputObjectType(nullable) || typeof value !== "object") return value;
  const object: Record<string, unknown> = { ...value };
  for (const field of Object.values(nullable.getFields())) {
    if (!(field.name in object) && field.defaultValue !== undefined) {
      const literal = astFromValue(field.defaultValue, field.type);
      if (literal) object[field.name] = valueFromASTUntyped(literal);
    }
    if (field.name in object) object[field.name] = withFieldDefaults(object[field.name], field.type);
  }
  return object;
}

/** An error of graphql-jit: it passes for graphql-js' GraphQLError (`instanceof`), but may lack `extensions`. */
interface JitError {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly SourceLocation[];
  extensions?: Record<string, unknown>;
  originalError?: unknown;
}

/**
 * A graphql-jit error as graphql-js makes it: with `extensions` always an object (the plugins read its `code`), and
 * a resolver's error as `originalError`, where Apollo and `formatError` look for it.
 */
function asGraphQLError(error: JitError): GraphQLError {
  const made = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError instanceof Error ? error.originalError : undefined,
    extensions: error.extensions,
  });
  // graphql-js derives locations from AST nodes, which graphql-jit keeps only as locations.
  if (error.locations?.length) (made as { locations?: unknown }).locations = error.locations;
  return made;
}
