import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** Whether the field being resolved asks for its sub-field `field`, directly or through fragments. */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, field, info));
}

function selects(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === "Field") return selection.name.value === field;
    if (selection.kind === "InlineFragment") return selects(selection.selectionSet, field, info);
    return selects(info.fragments[selection.name.value]?.selectionSet, field, info);
  });
}
