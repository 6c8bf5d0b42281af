/**
 * Rate-limit points by query cost: a cheap operation takes one point, a costly one one
 * point per started RATE_LIMIT_COST_PER_POINT of its cost, from the same budget; without
 * enough points left it is refused with 429 before it runs, and takes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pointsForCost } from "../../server/rate-limit/cost-points.plugin.js";
import { ANALYST_QUERY, analystQueryCost } from "../support/analyst-query.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { startTestHub, type TestHub } from "../support/hub.js";

/** Posts an operation and returns status, rate-limit headers and body. */
async function post(hub: TestHub, query: string) {
  const res = await fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    remaining: Number(res.headers.get("ratelimit-remaining")),
    retryAfter: res.headers.get("retry-after"),
    cacheControl: res.headers.get("cache-control"),
    body: (await res.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    },
  };
}

describe("rate-limit points by query cost", () => {
  let hub: TestHub;
  const points = pointsForCost(analystQueryCost(buildHubSchema()), 500);

  beforeEach(async () => {
    // Room for one analyst query and a little more, not for two.
    hub = await startTestHub({ RATE_LIMIT_POINTS: String(points + 5), RATE_LIMIT_COST_PER_POINT: "500" });
  });
  afterEach(() => hub?.close());

  it("charges a costly operation one point per started 500 of cost, a cheap one a single point", async () => {
    expect(points).toBeGreaterThan(10);
    const analyst = await post(hub, ANALYST_QUERY);
    expect(analyst.status).toBe(200);
    expect(analyst.body.errors).toBeUndefined();
    expect(analyst.remaining).toBe(5);
    const cheap = await post(hub, "{ __typename }");
    expect(cheap.status).toBe(200);
    expect(cheap.remaining).toBe(4);
  });

  it("refuses a costly operation the budget cannot pay before it runs, takes nothing for it, and still lets cheap ones through", async () => {
    expect((await post(hub, ANALYST_QUERY)).status).toBe(200);
    hub.db.resetQueryCount();
    const refused = await post(hub, ANALYST_QUERY);
    expect(refused.status).toBe(429);
    expect(refused.cacheControl).toBe("no-store");
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(refused.body.errors![0].message).toMatch(new RegExp(`costs \\d+, that is ${points} rate-limit points`));
    expect(hub.db.queries).toEqual([]);
    // The refused operation's own points were given back: only its request's one point is gone.
    const cheap = await post(hub, "{ __typename }");
    expect(cheap.status).toBe(200);
    expect(cheap.remaining).toBe(3);
  });

  it("charges nothing extra for an operation the cost rule refuses", async () => {
    const tooCostly = await post(
      hub,
      "{ municipalities(first: 100) { nodes { projects(first: 100) { nodes { title } } } } }",
    );
    expect(tooCostly.status).toBe(400);
    expect(tooCostly.body.errors![0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const cheap = await post(hub, "{ __typename }");
    expect(cheap.remaining).toBe(points + 5 - 2);
  });
});
