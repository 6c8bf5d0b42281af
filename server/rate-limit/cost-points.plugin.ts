import { type ApolloServerPlugin, type BaseContext, HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../../schema/common/errors.js";
import { requestCost } from "../graphql/request-cost.js";
import { scopeOf } from "../request-scope.js";
import type { RateLimiter } from "./rate-limiter.js";

/** What the cost-based charge needs: the limiter (made at start), the cost limit and the price of a point. */
export interface CostPointsOptions {
  /** The hub's limiter; undefined until the routes are mounted. */
  limiter: () => RateLimiter | undefined;
  /** MAX_QUERY_COST: costlier operations are refused by the cost rule and charged nothing more. */
  maxCost: number;
  /** RATE_LIMIT_COST_PER_POINT: how much query cost one rate-limit point pays for. */
  costPerPoint: number;
}

/** The points an operation of `cost` takes from its caller's budget: one per started `costPerPoint`, at least one. */
export function pointsForCost(cost: number, costPerPoint: number): number {
  return Math.max(1, Math.ceil(cost / costPerPoint));
}

/**
 * The points to take beyond the request's one (which the rate-limit middleware took) for an answer worth `points`:
 * capped at the whole budget, so that every request can pass once per window.
 */
export function extraPoints(points: number, budget: RateLimiter): number {
  return Math.min(points, budget.points) - 1;
}

/**
 * Charges an operation's rate-limit points by its query cost, as GitHub's GraphQL
 * API does: the rate-limit middleware has taken one point for the request; once the
 * operation is known, this takes the rest (`pointsForCost` less one) from the same
 * budget, so that a caller within the budget can send many cheap queries or a few
 * costly ones, not hundreds of costly ones. Without points enough the answer is 429
 * `RATE_LIMITED` with `Retry-After`, nothing is executed, and the refused points are
 * not taken. Goes into ApolloServer's `plugins`, after the operation limits.
 */
export function costPointsPlugin({
  limiter,
  maxCost,
  costPerPoint,
}: CostPointsOptions): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, schema, document, operation, request, response }) {
          const scope = scopeOf(contextValue);
          const budget = limiter();
          if (!scope?.rateLimitKey || !budget || !operation) return;
          const key = scope.rateLimitKey;
          const cost = requestCost({ schema, document, operation, request });
          // Variables that do not fit, and costs over the limit, are refused by others with their own message.
          if (cost === undefined || cost > maxCost) return;
          const extra = extraPoints(pointsForCost(cost, costPerPoint), budget);
          if (extra <= 0) return;
          const result = await budget.consume(key, extra);
          response.http.headers.set("ratelimit-remaining", String(result.remaining));
          response.http.headers.set("ratelimit-reset", String(result.resetSeconds));
          if (result.allowed) {
            // What a stored answer of this operation charges when the response cache serves it.
            scope.costPoints = extra + 1;
            return;
          }
          throw new GraphQLError(
            `Too many requests: this operation costs ${cost}, that is ${extra + 1} rate-limit points (one per ${costPerPoint} of cost), ` +
              `and ${result.remaining} are left of ${budget.points} per ${budget.durationSeconds} s. Ask for less, or try again in ${result.resetSeconds} s.`,
            {
              extensions: {
                code: ErrorCode.RATE_LIMITED,
                retryAfterSeconds: result.resetSeconds,
                http: {
                  status: 429,
                  headers: new HeaderMap([
                    ["retry-after", String(result.resetSeconds)],
                    ["cache-control", "no-store"],
                  ]),
                },
              },
            },
          );
        },
      };
    },
  };
}
