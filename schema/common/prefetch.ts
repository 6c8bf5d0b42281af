import type { AnyEntity, EntityClass, QueryOrderKeysFlat } from "@mikro-orm/core";
import type DataLoader from "dataloader";
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { getMetadataStorage } from "type-graphql";
import type { HubContext } from "./context.js";
import { type Loaders, perRequestAndColumns } from "./loaders.js";

/**
 * Loads one list edge (a field without arguments) for a batch of parents into the request's loaders, and returns the
 * children, a list per parent, for the edges beneath. With `columns` (see `columnsAsked`) the children need carry only
 * those properties (and their keys); an edge may read them all anyway.
 */
type PrefetchEdge = (
  context: HubContext,
  parents: readonly object[],
  columns: readonly string[] | null,
) => Promise<readonly (readonly object[])[]>;

interface Edge {
  load: PrefetchEdge;
  /** Whether `load` reads only the columns asked of the children (see `prefetchable`'s `onlyColumnsAsked`). */
  narrows: boolean;
  /** The class of the children, whose own edges may be prefetched in turn. */
  child: abstract new (...args: never[]) => object;
}

/** The prefetchable edges of each class, by field name. */
const edges = new Map<object, Map<string, Edge>>();

/** A list edge's children when they were loaded ahead for `parent` (for the field `info` resolves), else undefined. */
export type SettledAnswer = (
  context: HubContext,
  parent: object,
  info: GraphQLResolveInfo,
) => readonly object[] | undefined;

/**
 * What the field nodes of one response key ask of their children (see `columnsAsked`), null for all, by the first
 * of them: worked out once per parsed document, by its plan and by its settled answers alike.
 */
const columnsOfNodes = new WeakMap<FieldNode, { nodes: readonly FieldNode[]; columns: readonly string[] | null }>();

/** How each prefetchable edge reads its loaded-ahead children, by object type name and field name. */
const settledAnswers = new Map<string, Map<string, SettledAnswer>>();

/**
 * Declares that `field` of `parent` may be loaded ahead for many parents at once, by `load` (the same loader its
 * resolver reads, which then answers from the loader's settled values without a promise, see `Loaders.settledOr`).
 * `settled` reads what `load` loaded for one parent (`Loaders.settledValue`), undefined when it did not: with it the
 * hub answers the field without calling its resolver at all (see `settledAnswerOf`), so only for a field without
 * arguments, middlewares or roles, whose resolver answers exactly that list. With `onlyColumnsAsked`, both are given
 * the columns the field's nodes (those of one response key) ask of the children (see `columnsAsked`; null for all),
 * and must keep instances read with only those apart from full ones (in a loader of their own), so that the field's
 * resolver, and a field asking other columns, never answer them; else `columns` is always null.
 * Declared once, at module level, by the feature that adds the edge.
 */
export function prefetchable<P extends object, C extends object>(
  parent: abstract new (...args: never[]) => P,
  field: string,
  child: abstract new (...args: never[]) => C,
  load: (
    context: HubContext,
    parents: readonly P[],
    columns: readonly string[] | null,
  ) => Promise<readonly (readonly C[])[]>,
  settled?: (context: HubContext, parent: P, columns: readonly string[] | null) => readonly C[] | undefined,
  { onlyColumnsAsked = false }: { onlyColumnsAsked?: boolean } = {},
): void {
  let fields = edges.get(parent);
  if (!fields) edges.set(parent, (fields = new Map()));
  // A schema built again (tests build several) declares its edges again: the same loads, so the last one stands.
  fields.set(field, {
    child,
    load: (context, parents, columns) => load(context, parents as P[], columns),
    narrows: onlyColumnsAsked,
  });
  if (!settled) return;
  let answers = settledAnswers.get(parent.name);
  if (!answers) settledAnswers.set(parent.name, (answers = new Map()));
  answers.set(field, (context, item, info) =>
    settled(context, item as P, onlyColumnsAsked ? columnsFor(info.fieldNodes, info.fragments, child) : null),
  );
}

/**
 * Declares `field` of `parent` as the list of `child` records whose many-to-one `property` points at the parent, in
 * `orderBy` order (then id), prefetchable with only the columns asked (see `prefetchable`). Returns the loader of
 * every column, by request, which the field's resolver reads.
 */
export function prefetchableChildren<P extends { id: number }, C extends AnyEntity & { id: number }>(
  parent: abstract new (...args: never[]) => P,
  field: string,
  child: EntityClass<C> & (abstract new (...args: never[]) => C),
  property: keyof C & string,
  orderBy: Partial<Record<keyof C & string, QueryOrderKeysFlat>>,
): (loaders: Loaders) => DataLoader<number, C[]> {
  const childrenOf = perRequestAndColumns((loaders, columns) =>
    loaders.byParent(child, property, orderBy, undefined, 0, columns),
  );
  prefetchable(
    parent,
    field,
    child,
    ({ loaders }, parents: readonly P[], columns) =>
      loaders.loadAhead(
        childrenOf(loaders, columns),
        parents.map((item) => item.id),
      ),
    ({ loaders }, item, columns) => loaders.settledValue(childrenOf(loaders, columns), item.id),
    { onlyColumnsAsked: true },
  );
  return (loaders) => childrenOf(loaders, null);
}

/**
 * How `fieldName` of the object type `typeName` reads its children loaded ahead, when its edge declares it (see
 * `prefetchable`). Thousands of such fields per answer then skip the resolver's wrappers (type-graphql's parameters and
 * argument validation, the deadline's database scope), which were a good part of a nested read's CPU (issue 18).
 */
export function settledAnswerOf(typeName: string, fieldName: string): SettledAnswer | undefined {
  return settledAnswers.get(typeName)?.get(fieldName);
}

/**
 * Loads ahead, for all `items` of a list at once, the edges that `selection` (the selection of each item) asks for,
 * and theirs beneath, level by level: each edge with the same statement its resolver would have caused, only
 * earlier. graphql-js then resolves those fields of thousands of items without a promise, a wrapper's `then` and an
 * async hook each, which was most of what remained of a nested read's CPU (issue 18). Only fields without arguments
 * and directives are loaded ahead; anything else is left to its resolver. The calls of one tick for the same
 * selection (each city's page of projects) are loaded together, in one pass.
 */
export function prefetchSelection(
  context: HubContext,
  info: GraphQLResolveInfo,
  itemClass: object,
  items: readonly object[],
  selection: SelectionSetNode | undefined,
): Promise<void> {
  if (items.length === 0 || !selection) return NOTHING;
  const plan = planOf(itemClass, selection, info.fragments);
  if (plan.length === 0) return NOTHING;
  return context.loaders.together(plan, items, (all) => loadPlan(context, plan, unique(all), info.fragments));
}

const NOTHING = Promise.resolve();

/**
 * An edge a selection asks for under one response key (a field's name or alias), the selections of its children (one
 * per field node of that key) and the columns they ask (null for all, or when the edge reads them all anyway).
 */
interface PlannedEdge {
  edge: Edge;
  childSets: readonly SelectionSetNode[];
  columns: readonly string[] | null;
}

/**
 * `compute` of a selection set and an item class, kept by both: worked out once per parsed document (Apollo keeps its
 * nodes), not once per parent or request.
 */
function perSelectionAndClass<C extends object, T>(
  compute: (itemClass: C, selection: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>) => T,
): (itemClass: C, selection: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>) => T {
  const kept = new WeakMap<SelectionSetNode, Map<C, T>>();
  return (itemClass, selection, fragments) => {
    let byClass = kept.get(selection);
    if (!byClass) kept.set(selection, (byClass = new Map()));
    if (!byClass.has(itemClass)) byClass.set(itemClass, compute(itemClass, selection, fragments));
    return byClass.get(itemClass) as T;
  };
}

/** What `prefetchSelection` loads for `selection` of items of `itemClass`. */
const planOf = perSelectionAndClass(edgesAsked);

/** The prefetchable edges `selection` asks of `itemClass`, without arguments or directives. */
function edgesAsked(
  itemClass: object,
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
): readonly PlannedEdge[] {
  const fields = edges.get(itemClass);
  if (!fields) return [];
  // By response key, as graphql-js merges field nodes: the nodes a settled answer is asked for are one key's.
  const asked = new Map<string, { edge: Edge; nodes: FieldNode[] }>();
  for (const node of selectedFields(selection, fragments, (itemClass as { name: string }).name)) {
    const edge = fields.get(node.name.value);
    if (!edge || node.arguments?.length || node.directives?.length) continue;
    const key = (node.alias ?? node.name).value;
    let planned = asked.get(key);
    if (!planned) asked.set(key, (planned = { edge, nodes: [] }));
    planned.nodes.push(node);
  }
  return [...asked.values()].map(({ edge, nodes }) => ({
    edge,
    childSets: nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
    columns: edge.narrows ? columnsFor(nodes, fragments, edge.child) : null,
  }));
}

/**
 * The columns the field nodes of one response key ask of their children together (see `columnsAsked`), null when one
 * of them may read any. Kept by the first node: a settled answer asks for each parent's list.
 */
function columnsFor(
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  itemClass: abstract new (...args: never[]) => object,
): readonly string[] | null {
  const known = columnsOfNodes.get(nodes[0]);
  if (known && known.nodes.length === nodes.length && known.nodes.every((node, index) => node === nodes[index]))
    return known.columns;
  let all: Set<string> | null = new Set<string>();
  for (const node of nodes) {
    const columns = node.selectionSet ? columnsOf(itemClass, node.selectionSet, fragments) : null;
    if (!columns) {
      all = null;
      break;
    }
    for (const column of columns) all.add(column);
  }
  const columns = all && [...all].sort();
  columnsOfNodes.set(nodes[0], { nodes: [...nodes], columns });
  return columns;
}

/** Loads `plan`'s edges for `items`, and beneath them their children's, each level's edges at once. */
async function loadPlan(
  context: HubContext,
  plan: readonly PlannedEdge[],
  items: readonly object[],
  fragments: Record<string, FragmentDefinitionNode>,
): Promise<void> {
  await Promise.all(
    plan.map(async ({ edge, childSets, columns }) => {
      const lists = await edge.load(context, items, columns);
      const childPlans = childSets
        .map((set) => planOf(edge.child, set, fragments))
        .filter((childPlan) => childPlan.length > 0);
      // Most edges end the selection (`topics { key }`): their thousands of children need not be gathered.
      if (childPlans.length === 0) return;
      const children = unique(lists.flat());
      if (children.length === 0) return;
      await Promise.all(childPlans.map((childPlan) => loadPlan(context, childPlan, children, fragments)));
    }),
  );
}

/**
 * The selection of the items of the list field being resolved, at `path` beneath it (e.g. `["nodes"]` for a
 * connection's items), when every field node of it can be followed there; else undefined (nothing is loaded ahead).
 */
export function itemSelection(info: GraphQLResolveInfo, path: readonly string[] = []): SelectionSetNode | undefined {
  if (info.fieldNodes.length !== 1) return undefined;
  let selection = info.fieldNodes[0].selectionSet;
  for (const name of path) {
    const matches = selection
      ? [...selectedFields(selection, info.fragments, undefined)].filter((node) => node.name.value === name)
      : [];
    if (matches.length !== 1 || matches[0].directives?.length) return undefined;
    selection = matches[0].selectionSet;
  }
  return selection;
}

/**
 * The properties the items of a list must carry for `selection` (the selection of each item), when that is less than
 * all of them: each field asked is the item's `id` or `__typename`, a field declared on the item's class itself
 * (a column, `@Field` on an entity property) or an edge loaded ahead (which reads the item's id), none with arguments
 * or directives, and no fragment on another type. Else null: anything else may read any property. The loaders then
 * read only these columns (and the keys): the long texts and dates of 2,000 projects a nested read never shows were a
 * good part of its CPU (issue 18).
 */
export function columnsAsked(
  info: GraphQLResolveInfo,
  itemClass: abstract new (...args: never[]) => object,
  selection: SelectionSetNode | undefined,
): readonly string[] | null {
  return selection ? columnsOf(itemClass, selection, info.fragments) : null;
}

/**
 * `columnsAsked` of a selection set, with the document's fragments (the selection set's own), once per item class: the
 * 600 cells of a comparison's matrix each ask for their projects.
 */
const columnsOf = perSelectionAndClass(columnsOfSelection);

/** What `columnsOf` keeps: the columns a selection set asks of `itemClass`, or null. */
function columnsOfSelection(
  itemClass: abstract new (...args: never[]) => object,
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
): string[] | null {
  const columns = columnFields(itemClass);
  const asked = new Set<string>();
  for (const node of fieldsOnType(selection, fragments, itemClass.name)) {
    if (!node) return null;
    const name = node.name.value;
    if (node.arguments?.length || node.directives?.length) return null;
    if (name === "__typename" || name === "id" || edges.get(itemClass)?.has(name)) continue;
    if (!columns.has(name)) return null;
    asked.add(name);
  }
  return [...asked].sort();
}

/** The fields a class declares on its own properties (`@Field` beside `@Property`), by class. */
const columnFieldsOf = new WeakMap<object, Set<string>>();

function columnFields(itemClass: object): Set<string> {
  let names = columnFieldsOf.get(itemClass);
  if (!names) {
    const declared = getMetadataStorage().fields.filter(
      (field) => field.target === itemClass && field.name === field.schemaName,
    );
    columnFieldsOf.set(itemClass, (names = new Set(declared.map((field) => field.name))));
  }
  return names;
}

/**
 * The fields of a selection set, those of its fragments included; with `typeName`, only fragments on that type (or
 * without a type condition): a fragment on another type or an interface is left to the resolvers.
 */
function* selectedFields(
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  typeName: string | undefined,
): Generator<FieldNode> {
  for (const node of fieldsOnType(selection, fragments, typeName)) if (node) yield node;
}

/** As `selectedFields`, with undefined in place of each fragment left out (on another type, or with a directive). */
function* fieldsOnType(
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  typeName: string | undefined,
): Generator<FieldNode | undefined> {
  for (const node of selection.selections) {
    if (node.kind === "Field") {
      yield node;
      continue;
    }
    const fragment = node.kind === "InlineFragment" ? node : fragments[node.name.value];
    const on = fragment?.typeCondition?.name.value;
    if (!fragment || node.directives?.length || (typeName && on && on !== typeName)) yield undefined;
    else yield* fieldsOnType(fragment.selectionSet, fragments, typeName);
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
