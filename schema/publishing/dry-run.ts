import { DirectiveLocation, GraphQLDirective, type OperationDefinitionNode } from "graphql";

/**
 * `mutation … @dryRun { … }`: the operation's writes run with every check they make, in one transaction that is
 * rolled back once the answer is computed. Declared once for every write mutation (they all write through
 * publishing.service.ts); the hub's plugin server/graphql/dry-run.plugin.ts opens and rolls back the transaction.
 */
export const DryRunDirective = new GraphQLDirective({
  name: "dryRun",
  description:
    "Runs every write of this mutation operation with all of its checks, inside one transaction that is rolled back " +
    "after the answer is computed: nothing is saved. The answer is the one the operation would give: the same " +
    "errors with the same `extensions.problems` (every problem of the input at once, each at its path), or on valid " +
    "input the records as they would be, read inside the transaction (ids and versions as they would have been; an " +
    "id shown there names nothing afterwards). Needs the same token and permissions as the write itself; " +
    "`extensions.dryRun` is true in such an answer. For forms that check an input before saving it.",
  locations: [DirectiveLocation.MUTATION],
});

/** Whether an operation asks for a dry run. */
export function isDryRun(operation: OperationDefinitionNode | null | undefined): boolean {
  return (
    operation?.operation === "mutation" &&
    (operation.directives ?? []).some((directive) => directive.name.value === DryRunDirective.name)
  );
}
