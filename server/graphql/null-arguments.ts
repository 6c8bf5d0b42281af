import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, isNonNullType, Kind, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import { requestVariables } from "./request-cost.js";

/**
 * Refuses, before execution, a null sent through a nullable variable into an
 * argument that must not be null, such as `projects(first: $n)` with
 * `{"n": null}`. GraphQL allows that usage because `first` has a default, but
 * then fails during execution without a code; here it is a `BAD_USER_INPUT`
 * that names the argument. Goes into ApolloServer's `plugins`.
 */
export const refuseNullArguments: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const nullVariables = new Set<string>();
        const variables = requestVariables({ schema, document, operation, request });
        // Variables that do not fit are refused by execution, with a message that names them.
        if (!variables) return;
        for (const [name, value] of Object.entries(variables)) if (value === null) nullVariables.add(name);
        if (!nullVariables.size) return;
        const typeInfo = new TypeInfo(schema);
        let problem: GraphQLError | undefined;
        // This operation and the fragments: another operation of the document may name its variables alike.
        const executed = {
          ...document,
          definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
        };
        visit(
          executed,
          visitWithTypeInfo(typeInfo, {
            Argument(node) {
              const argument = typeInfo.getArgument();
              if (
                problem ||
                !argument ||
                node.value.kind !== Kind.VARIABLE ||
                !nullVariables.has(node.value.name.value) ||
                !isNonNullType(argument.type)
              )
                return;
              const field = typeInfo.getFieldDef()?.name ?? "the field";
              const fallback =
                argument.defaultValue === undefined
                  ? ""
                  : ` Leave it out for the default (${JSON.stringify(argument.defaultValue)}).`;
              problem = new GraphQLError(
                `${argument.name} of ${field} must not be null: $${node.value.name.value} is null.${fallback}`,
                {
                  nodes: [node],
                  extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [argument.name], http: { status: 400 } },
                },
              );
            },
          }),
        );
        if (problem) throw problem;
      },
    };
  },
};
