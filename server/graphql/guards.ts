import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { type DocumentNode, GraphQLError, type ValidationRule, visit } from "graphql";
import type { HubContext } from "../../schema/common/context.js";
import { ErrorCode } from "../../schema/common/errors.js";

/** How deeply variables may nest; real inputs here are three or four levels deep. */
export const MAX_VARIABLE_DEPTH = 32;

type Finding = { kind: "nul"; path: string[] } | { kind: "deep"; path: string[] } | null;

/** Finds the first string holding a NUL character, or a value nested deeper than allowed. */
function inspect(root: unknown, rootPath: string): Finding {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [rootPath] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { kind: "nul", path };
    } else if (value !== null && typeof value === "object") {
      if (path.length > MAX_VARIABLE_DEPTH) return { kind: "deep", path: path.slice(0, 3) };
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** Whether each parsed document (Apollo keeps them) has a string literal with a NUL character: looked at once. */
const nulLiterals = new WeakMap<DocumentNode, boolean>();

function hasNulLiteral(document: DocumentNode): boolean {
  let found = nulLiterals.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (node.value.includes("\u0000")) found = true;
      },
    });
    nulLiterals.set(document, found);
  }
  return found;
}

/**
 * Rejects requests whose variables or string literals hold a NUL character
 * (U+0000): PostgreSQL cannot store it in text, and no legitimate slug, key or
 * text contains it. Also refuses absurdly nested variables. Checked once per
 * request, before execution.
 */
export const rejectNulCharacters: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const finding: Finding =
          inspect(request.variables ?? {}, "variables") ??
          (hasNulLiteral(document) ? { kind: "nul", path: ["query"] } : null);
        if (finding) {
          const where = finding.path.join(".");
          const message =
            finding.kind === "nul"
              ? `${where} contains a NUL character (U+0000), which text here cannot hold.`
              : `${where} nests deeper than ${MAX_VARIABLE_DEPTH} levels; no argument of this API does.`;
          throw new GraphQLError(message, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [where], http: { status: 400 } },
          });
        }
      },
    };
  },
};

/**
 * Reports operations of a type the schema does not have (e.g. a mutation while the
 * API is read-only) at validation, instead of as an uncoded execution failure.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API does not support ${node.operation} operations.`, { nodes: [node] }),
      );
    }
  },
});

/**
 * Keeps answers to token holders out of shared caches: what an editor or admin
 * reads may include drafts, so such an answer is never `public`. Every answer
 * varies by `Authorization`, so a cache never hands one caller's answer to another.
 */
export const privateForTokenHolders: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    return {
      // Before execution, so that the cache-control plugin sees the restriction when it writes the header.
      async didResolveOperation({ contextValue, overallCachePolicy }) {
        if (contextValue.viewer) overallCachePolicy.restrict({ maxAge: 0, scope: "PRIVATE" });
      },
      async willSendResponse({ response }) {
        response.http.headers.set(
          "vary",
          [response.http.headers.get("vary"), "Authorization"].filter(Boolean).join(", "),
        );
      },
    };
  },
};
