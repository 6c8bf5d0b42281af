import { expect } from "vitest";
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

/** Malformed keys and slugs (case, spaces, doubled hyphens, paths, bidi and control characters, empty, SQL). */
export const MALFORMED_KEYS: readonly string[] = [
  "Massen-101",
  "massen 101",
  "massen--101",
  "../massen-101",
  "massen-101\u202e",
  "massen-101\n",
  "",
  "massen-101'; drop table topic;--",
];

/** Keys over the 120 characters a key may have, one of them large. */
export const OVERSIZED_KEYS: readonly string[] = ["a".repeat(121), "a".repeat(1_000_000)];

/** Asserts the answer refused the argument `key` as malformed or (`oversized`) too long, naming it, showing no internals. */
export function expectKeyRefused(answer: GraphQLResponse<unknown>, oversized: boolean, what: string): void {
  expect(answer.status, what).toBe(200);
  expect(answer.errors, what).toHaveLength(1);
  expect(answer.errors![0].extensions, what).toMatchObject({ code: "BAD_USER_INPUT", fields: ["key"] });
  expect(answer.errors![0].message, what).toMatch(
    oversized ? /key is at most 120 characters/ : /key must be lowercase letters and digits/,
  );
  expect(JSON.stringify(answer), what).not.toMatch(/\n\s+at |select |mikro/i);
}
