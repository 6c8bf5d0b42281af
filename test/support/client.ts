import type { GraphQLResponse, TestHub } from "./hub.js";

/** Posts a GraphQL operation with an optional API token and returns status and body. */
export async function gql<T = Record<string, any>>(
  hub: TestHub,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
