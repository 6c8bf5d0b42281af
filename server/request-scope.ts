import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What is known about the HTTP request being served, wherever the code runs. */
export interface RequestScope {
  requestId: string;
  /** Whose rate-limit budget the request spends (set by the rate-limit middleware), for charges made later. */
  rateLimitKey?: string;
}

/** Carries the current request's id through async calls, e.g. into Apollo's `formatError`. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * The id of the request being served, for logs and error messages; outside a request (a CLI command,
 * a background job) a new one, so that an error logged there can still be quoted and found.
 */
export function currentRequestId(): string {
  return requestScope.getStore()?.requestId ?? randomUUID();
}
