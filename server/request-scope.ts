import { randomUUID } from "node:crypto";

/** What is known about the HTTP request being served, wherever the code runs. */
export interface RequestScope {
  requestId: string;
  /** Whose rate-limit budget the request spends (set by the rate-limit middleware), for charges made later. */
  rateLimitKey?: string;
  /**
   * The rate-limit points the operation took in all, the request's one included (set by the cost-points plugin when
   * it charged more): what the answer costs again when the response cache serves it.
   */
  costPoints?: number;
}

/**
 * Where a request's scope is kept, on what carries it: the request's express response (from the request-id
 * middleware on) and every GraphQL context made for it (a symbol-keyed property: Apollo's per-operation copy of a
 * context keeps it). Passed explicitly, not through AsyncLocalStorage: in Node 20, the first use of one turns on
 * promise hooks for the whole process, and every promise after that costs more (issue 18: about 15 % of the CPU of
 * a nested read).
 */
const SCOPE = Symbol("ikz-hub.requestScope");

type Holder = object & { [SCOPE]?: RequestScope };

/** Gives `holder` (a response, a GraphQL context) the scope of the request it belongs to. */
export function setScope(holder: object, scope: RequestScope): void {
  (holder as Holder)[SCOPE] = scope;
}

/** The scope of the request `holder` belongs to, if it was given one. */
export function scopeOf(holder: object): RequestScope | undefined {
  return (holder as Holder)[SCOPE];
}

/**
 * The id of the request `holder` belongs to, for logs and error messages; without one (a CLI command, a background
 * job) a new one, so that an error logged there can still be quoted and found.
 */
export function requestIdOf(holder: object | undefined): string {
  return (holder && scopeOf(holder)?.requestId) ?? randomUUID();
}
