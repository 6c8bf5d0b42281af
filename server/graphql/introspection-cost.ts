import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLString,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  valueFromAST,
} from "graphql";

/** The introspection object kinds that hold other objects. */
type IntrospectionKind = "__Schema" | "__Type" | "__Field" | "__InputValue" | "__Directive" | "__EnumValue";

/** What an introspection field holds: objects of one kind (one, or a list), or nothing that counts. */
interface Children {
  kind: IntrospectionKind;
  values: readonly unknown[];
}

/**
 * Counts the objects an introspection root field (`__schema` or `__type`) answers,
 * as the rest of the cost model counts them: each object once per list item it
 * sits in. It walks the selection over the schema itself (deprecated fields
 * included, an upper bound), so a full introspection costs what it produces, and
 * dozens of aliased ones cost dozens of times that. Each selection set is counted
 * once per schema element, so nesting cannot make the count itself expensive.
 */
export function introspectionCost(
  schema: GraphQLSchema,
  node: FieldNode,
  getFragment: (name: string) => FragmentDefinitionNode | null | undefined,
  variableValues: Record<string, unknown>,
): number {
  const memo = new Map<SelectionSetNode, Map<unknown, number>>();
  const inProgress = new Set<string>();

  const count = (set: SelectionSetNode, kind: IntrospectionKind, value: unknown): number => {
    let known = memo.get(set);
    if (!known) memo.set(set, (known = new Map()));
    const cached = known.get(value);
    if (cached !== undefined) return cached;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const children = childrenOf(schema, kind, value, selection.name.value);
        if (!children || !selection.selectionSet) continue;
        for (const child of children.values) total += 1 + count(selection.selectionSet, children.kind, child);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet, kind, value);
      } else {
        const name = selection.name.value;
        const fragment = getFragment(name);
        // A cycle is refused by validation; here it adds nothing.
        if (!fragment || inProgress.has(name)) continue;
        inProgress.add(name);
        total += count(fragment.selectionSet, kind, value);
        inProgress.delete(name);
      }
    }
    known.set(value, total);
    return total;
  };

  if (!node.selectionSet) return 0;
  if (node.name.value === "__schema") return 1 + count(node.selectionSet, "__Schema", schema);
  const nameArgument = node.arguments?.find((argument) => argument.name.value === "name");
  const name = nameArgument && valueFromAST(nameArgument.value, GraphQLString, variableValues);
  if (typeof name === "string") {
    const type = schema.getType(name);
    return type ? 1 + count(node.selectionSet, "__Type", type) : 0;
  }
  // The name is not known yet: the largest type bounds it.
  const selectionSet = node.selectionSet;
  return 1 + Math.max(0, ...Object.values(schema.getTypeMap()).map((type) => count(selectionSet, "__Type", type)));
}

/** The objects a field of an introspection object holds, as graphql-js's introspection answers them. */
function childrenOf(
  schema: GraphQLSchema,
  kind: IntrospectionKind,
  value: unknown,
  field: string,
): Children | undefined {
  const one = (child: unknown, childKind: IntrospectionKind): Children => ({
    kind: childKind,
    values: child ? [child] : [],
  });
  switch (kind) {
    case "__Schema": {
      if (field === "types") return { kind: "__Type", values: Object.values(schema.getTypeMap()) };
      if (field === "queryType") return one(schema.getQueryType(), "__Type");
      if (field === "mutationType") return one(schema.getMutationType(), "__Type");
      if (field === "subscriptionType") return one(schema.getSubscriptionType(), "__Type");
      if (field === "directives") return { kind: "__Directive", values: schema.getDirectives() };
      return undefined;
    }
    case "__Type": {
      const type = value as Parameters<typeof getNamedType>[0];
      if (field === "ofType") return one(isListType(type) || isNonNullType(type) ? type.ofType : null, "__Type");
      if (field === "fields")
        return {
          kind: "__Field",
          values: isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [],
        };
      if (field === "interfaces")
        return { kind: "__Type", values: isObjectType(type) || isInterfaceType(type) ? type.getInterfaces() : [] };
      if (field === "possibleTypes")
        return { kind: "__Type", values: isAbstractType(type) ? schema.getPossibleTypes(type) : [] };
      if (field === "enumValues") return { kind: "__EnumValue", values: isEnumType(type) ? type.getValues() : [] };
      if (field === "inputFields")
        return { kind: "__InputValue", values: isInputObjectType(type) ? Object.values(type.getFields()) : [] };
      return undefined;
    }
    case "__Field":
    case "__Directive":
    case "__InputValue": {
      const element = value as { args?: readonly unknown[]; type?: unknown };
      if (field === "args") return { kind: "__InputValue", values: element.args ?? [] };
      if (field === "type") return one(element.type, "__Type");
      return undefined;
    }
    default:
      return undefined;
  }
}
