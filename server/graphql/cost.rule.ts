import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  getNullableType,
  isInputType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  typeFromAST,
  valueFromAST,
} from "graphql";
import type { ListBoundExtensions } from "../../schema/common/list-bounds.js";
import { MAX_PAGE_SIZE } from "../../schema/common/pagination.js";
import { introspectionCost } from "./introspection-cost.js";

/** Page size assumed for a `first` argument that is absent and has no default. */
export const DEFAULT_PAGE_SIZE = 20;
/**
 * Length assumed for a list that declares no bound (see schema/common/list-bounds.ts):
 * the largest page. test/unit/list-bounds.test.ts keeps every list of the schema declared.
 */
export const UNDECLARED_LIST_SIZE = MAX_PAGE_SIZE;

/** What the cost of an operation depends on besides the document. */
export interface CostOptions {
  /** The request's coerced variables; without them a variable counts as its declared default, else as the largest page. */
  variableValues?: Record<string, unknown>;
  /** Only this operation is priced; when absent, every operation of the document is. */
  operationName?: string | null;
}

/**
 * Estimates what an operation costs to answer: the most objects its answer may
 * hold. Every object counts 1, once per list item it sits in; scalars and enums
 * are free (they come with their object's row). The `nodes` and `edges` of a
 * connection hold as many items as its `first` asks for (the argument's default,
 * 20, when absent; at most `MAX_PAGE_SIZE`); a plain list holds its own `first`
 * items, or its declared `maxItems` (schema/common/list-bounds.ts). A field
 * that computes more than it returns (an aggregate, facets) adds its declared
 * `work`. Introspection counts the objects it answers (introspection-cost.ts);
 * `__typename` is free, and `@skip`/`@include` are ignored: the estimate is an
 * upper bound.
 */
export function operationCost(
  context: Pick<ValidationContext, "getSchema" | "getFragment">,
  operation: OperationDefinitionNode,
  options: CostOptions = {},
): number {
  const schema = context.getSchema();
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const variableValues = options.variableValues ?? variableDefaults(schema, operation);
  // Cost is linear in the multiplier, so each fragment is priced once, per item, whatever spreads it.
  const fragmentCosts = new Map<string, number>();

  const selectionCost = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType,
    pageSize: number | undefined,
    scope: Scope,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parentType, pageSize, scope);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (type) total += selectionCost(selection.selectionSet, type, pageSize, scope);
      } else {
        total += fragmentCost(selection.name.value, pageSize, scope);
      }
    }
    return total;
  };

  const fragmentCost = (name: string, pageSize: number | undefined, scope: Scope): number => {
    // Spread directly inside a connection, a fragment's lists are that connection's pages: priced per page size.
    const key = `${name}:${pageSize ?? ""}:${JSON.stringify([...scope])}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    // Marks the fragment as in progress: a cycle (reported by NoFragmentCyclesRule) adds nothing.
    fragmentCosts.set(key, 0);
    const fragment = context.getFragment(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type ? selectionCost(fragment.selectionSet, type, pageSize, scope) : 0;
    fragmentCosts.set(key, cost);
    return cost;
  };

  const fieldCost = (
    node: FieldNode,
    parentType: GraphQLNamedType,
    pageSize: number | undefined,
    scope: Scope,
  ): number => {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      return introspectionCost(schema, node, (name) => context.getFragment(name), variableValues);
    }
    if (node.name.value.startsWith("__")) return 0;
    const field =
      isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    // Unknown fields are reported by the specified rules; they cost nothing here.
    if (!field) return 0;
    const bounds = field.extensions as ListBoundExtensions;
    const work = bounds.work ?? 0;
    const first = firstArgument(field, node, variableValues);
    const isList = isListType(getNullableType(field.type));
    const items = !isList ? 1 : (first ?? listBound(bounds, pageSize, scope));
    // A connection's `first` sizes the lists directly inside it (`nodes`, `edges`), not the connection itself.
    const childPageSize = isList ? undefined : first;
    // Scalars and enums come with their object's row: only objects count.
    if (!node.selectionSet) return work;
    return (
      work +
      items *
        (1 +
          selectionCost(
            node.selectionSet,
            getNamedType(field.type),
            childPageSize,
            withListArguments(scope, field, node, variableValues),
          ))
    );
  };

  return selectionCost(operation.selectionSet, root, undefined, new Map());
}

/** Lengths of the list arguments of the enclosing fields, by argument name (nearest wins). */
type Scope = ReadonlyMap<string, number>;

/** How many items a list without its own `first` is priced at: its parent's page, its argument's length, or its declared most. */
function listBound(bounds: ListBoundExtensions, pageSize: number | undefined, scope: Scope): number {
  if (bounds.pagedByParent) return pageSize ?? DEFAULT_PAGE_SIZE;
  const sized = bounds.sizedByArgument === undefined ? undefined : scope.get(bounds.sizedByArgument);
  if (bounds.maxItems !== undefined) return Math.min(sized ?? bounds.maxItems, bounds.maxItems);
  return UNDECLARED_LIST_SIZE;
}

/** The scope below a field: its list arguments' lengths added. */
function withListArguments(
  scope: Scope,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variableValues: Record<string, unknown>,
): Scope {
  let next: Map<string, number> | undefined;
  for (const given of node.arguments ?? []) {
    const definition = field.args.find((arg) => arg.name === given.name.value);
    if (!definition || !isListType(getNullableType(definition.type))) continue;
    const value = valueFromAST(given.value, definition.type, variableValues);
    if (!Array.isArray(value)) continue;
    next ??= new Map(scope);
    next.set(given.name.value, value.length);
  }
  return next ?? scope;
}

/** The page size a field's `first` argument asks for, or undefined when the field has none. */
function firstArgument(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variableValues: Record<string, unknown>,
): number | undefined {
  const definition = field.args.find((arg) => arg.name === "first");
  if (!definition) return undefined;
  const given = node.arguments?.find((arg) => arg.name.value === "first");
  // An unset variable leaves the argument's default in force, as in execution.
  const value = (given && valueFromAST(given.value, definition.type, variableValues)) ?? definition.defaultValue;
  if (typeof value !== "number" || !Number.isFinite(value)) return DEFAULT_PAGE_SIZE;
  // Larger pages are refused by argument validation, with a message that names `first`.
  return Math.min(Math.max(value, 0), MAX_PAGE_SIZE);
}

/**
 * The values variables are assumed to have when the request's are not known:
 * their declared defaults, and the largest page for a variable without one.
 */
function variableDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    const value =
      definition.defaultValue && type && isInputType(type) ? valueFromAST(definition.defaultValue, type) : undefined;
    values[name] = value ?? MAX_PAGE_SIZE;
  }
  return values;
}

/** The refusal of an operation whose cost is over the limit: both numbers, and what to do. */
export function costLimitMessage(cost: number, maxCost: number): string {
  return `Query cost ${cost} exceeds the limit of ${maxCost}. It counts the objects the answer may hold, once per list item (\`first\`, default 20): ask for smaller pages or fewer nested lists.`;
}

/**
 * The cost of the operation `operationName` (or the only one) of a document, as
 * the hub prices it for a request with these variables; for tests and benchmarks
 * that print what a query costs.
 */
export function documentCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variableValues?: Record<string, unknown>,
  operationName?: string,
): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) throw new Error(`the document has no operation ${operationName ?? ""}`.trim());
  return operationCost({ getSchema: () => schema, getFragment: (name) => fragments.get(name) }, operation, {
    variableValues,
  });
}
