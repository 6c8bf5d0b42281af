import { AsyncLocalStorage } from "node:async_hooks";

/** What is known about the HTTP request being served, wherever the code runs. */
export interface RequestScope {
  requestId: string;
  /** Whose rate-limit budget the request spends (set by the rate-limit middleware), for charges made later. */
  rateLimitKey?: string;
}

/** Carries the current request's id through async calls, e.g. into Apollo's `formatError`. */
export const requestScope = new AsyncLocalStorage<RequestScope>();
