/**
 * Rate limiting of /graphql over HTTP: per address (an Authorization header that is not a
 * verified API token buys no budget of its own: it is refused with 401 first; verified
 * tokens' own budgets are tested in auth.test.ts); in memory, and shared through the machine's Redis
 * (127.0.0.1:6379) by two hub instances; and what happens when Redis is away.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";
import { startRedisRelay } from "../support/redis-relay.js";

const REDIS_URL = "redis://127.0.0.1:6379";
const QUERY = "{ __typename }";
/** The Redis key of this machine's test requests: they all come from 127.0.0.1. */
const ADDRESS_KEY = "ikz-hub:rl:ip:127.0.0.1";

/** Posts a tiny query, with optional extra headers. */
function post(hub: TestHub, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
}

/** The same query as a GET, as embeds send it. */
function get(hub: TestHub, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(hub.url);
  url.searchParams.set("query", QUERY);
  return fetch(url, { headers: { "apollo-require-preflight": "true", ...headers } });
}

function rateHeaders(res: Response) {
  return {
    limit: res.headers.get("ratelimit-limit"),
    remaining: res.headers.get("ratelimit-remaining"),
    reset: res.headers.get("ratelimit-reset"),
  };
}

/** Asserts the complete 429 answer and returns its Retry-After. */
async function expectRateLimited(res: Response, points: number, kind: "token" | "address"): Promise<number> {
  expect(res.status).toBe(429);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("cache-control")).toBe("no-store");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(rateHeaders(res)).toEqual({ limit: String(points), remaining: "0", reset: String(retryAfter) });
  expect(await res.json()).toEqual({
    errors: [
      {
        message: `Too many requests: the limit is ${points} per 60 s for this ${kind}; try again in ${retryAfter} s.`,
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter },
      },
    ],
  });
  return retryAfter;
}

describe("in memory (no REDIS_URL)", () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "5" });
  });
  afterEach(() => hub?.close());

  it("lets an address make 5 requests (GET and POST) and answers the 6th with 429", async () => {
    const remaining: (string | null)[] = [];
    for (const send of [post, get, post, get, post]) {
      const res = await send(hub);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { __typename: "Query" } });
      const headers = rateHeaders(res);
      expect(headers.limit).toBe("5");
      expect(Number(headers.reset)).toBeGreaterThanOrEqual(1);
      expect(Number(headers.reset)).toBeLessThanOrEqual(60);
      remaining.push(headers.remaining);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);

    const refused = await post(hub, { origin: "https://www.herten.de" });
    await expectRateLimited(refused, 5, "address");
    // Readable by a script on another origin, headers included.
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(refused.headers.get("access-control-expose-headers")?.toLowerCase().split(",")).toEqual(
      expect.arrayContaining(["retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"]),
    );
    expect(refused.headers.get("x-request-id")).toBeTruthy();
    await expectRateLimited(await get(hub), 5, "address");
    // A refused request is not parsed, so even a broken body gets the 429.
    const broken = await fetch(hub.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    await expectRateLimited(broken, 5, "address");
  });

  it("gives an unverified bearer header no budget of its own", async () => {
    for (let i = 0; i < 5; i++) expect((await post(hub)).status).toBe(200);
    await expectRateLimited(await post(hub), 5, "address");
    // A fresh random "token" on each request must not get round the address's budget:
    // unknown tokens are charged to the address before anything else happens.
    for (const authorization of [
      `Bearer test-${randomUUID()}`,
      `Bearer ikz_${randomUUID().replaceAll("-", "").padEnd(43, "A")}`,
      "Basic dXNlcjpwYXNz",
    ]) {
      await expectRateLimited(await post(hub, { authorization }), 5, "address");
    }
  });

  it("does not charge CORS preflights", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await fetch(hub.url, {
        method: "OPTIONS",
        headers: {
          origin: "https://www.ratingen.de",
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("ratelimit-remaining")).toBeNull();
    }
    const res = await post(hub);
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-remaining")).toBe("4");
  });

  it("does not limit /healthz, nor count it", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${hub.origin}/healthz`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body).toMatchObject({ status: "ok", database: { status: "up" } });
      // No REDIS_URL: no redis entry.
      expect(body.redis).toBeUndefined();
      expect(res.headers.get("ratelimit-limit")).toBeNull();
    }
    expect((await post(hub)).headers.get("ratelimit-remaining")).toBe("4");
    for (let i = 0; i < 4; i++) await post(hub);
    expect((await post(hub)).status).toBe(429);
    expect((await fetch(`${hub.origin}/healthz`)).status).toBe(200);
  });
});

describe("shared through Redis", () => {
  let redis: Redis;
  const createdKeys: string[] = [];
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  afterAll(async () => {
    if (createdKeys.length) await redis.del(...createdKeys);
    await redis.quit();
  });

  it("makes two hub instances spend one budget per address", async () => {
    const env = { REDIS_URL, RATE_LIMIT_POINTS: "6" };
    const [a, b] = await Promise.all([startTestHub(env), startTestHub(env)]);
    try {
      const key = ADDRESS_KEY;
      await redis.del(key);
      createdKeys.push(key);
      const auth = {};
      const remaining: (string | null)[] = [];
      for (const hub of [a, a, a, b, b, b]) {
        const res = await post(hub, auth);
        expect(res.status).toBe(200);
        remaining.push(res.headers.get("ratelimit-remaining"));
      }
      expect(remaining).toEqual(["5", "4", "3", "2", "1", "0"]);
      await expectRateLimited(await post(a, auth), 6, "address");
      await expectRateLimited(await post(b, auth), 6, "address");

      expect(await redis.get(key)).toBe("8");
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
      expect(await redis.keys("ikz-hub:rl:*")).toContain(key);

      for (const hub of [a, b]) {
        const health = (await (await fetch(`${hub.origin}/healthz`)).json()) as any;
        expect(health).toMatchObject({ status: "ok", database: { status: "up" }, redis: { status: "up" } });
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("opens one connection per hub, named ikz-hub, that the budgets and the response cache share", async () => {
    const relay = await startRedisRelay();
    const prefix = `test-shared-${randomUUID()}:`;
    const hub = await startTestHub({ REDIS_URL: relay.url, RESPONSE_CACHE_REDIS_PREFIX: prefix });
    try {
      const query = `${hub.origin}/graphql?query=${encodeURIComponent(`{ municipality(slug: "kelsterbach") { name } }`)}`;
      const headers = { "apollo-require-preflight": "true" };
      expect((await fetch(query, { headers })).headers.get("age")).toBeNull();
      expect((await fetch(query, { headers })).headers.get("age")).not.toBeNull();
      expect((await redis.keys(`${prefix}*`)).length).toBeGreaterThan(0);
      expect((await post(hub)).status).toBe(200);
      const names = (await redis.client("LIST")) as string;
      expect(names).toMatch(/ name=ikz-hub /);
      expect(relay.accepted()).toBe(1);
    } finally {
      await hub.close();
      relay.cut();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    }
  });
});

describe("Redis unreachable", () => {
  it("starts with REDIS_URL at a closed port and limits in memory, without a 500", async () => {
    const hub = await startTestHub({ REDIS_URL: "redis://127.0.0.1:1", RATE_LIMIT_POINTS: "3" });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post(hub);
        expect(res.status).toBe(200);
        expect(res.headers.get("ratelimit-remaining")).toBe(String(2 - i));
      }
      await expectRateLimited(await post(hub), 3, "address");
      const health = await fetch(`${hub.origin}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: "ok",
        database: { status: "up" },
        redis: { status: "down" },
      });
    } finally {
      await hub.close();
    }
  });

  it("falls back to memory when Redis goes away while the hub runs", async () => {
    const relay = await startRedisRelay();
    const key = ADDRESS_KEY;
    const auth = {};
    const hub = await startTestHub({ REDIS_URL: relay.url, RATE_LIMIT_POINTS: "4" });
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.del(key);
    try {
      for (let i = 0; i < 2; i++) expect((await post(hub, auth)).status).toBe(200);
      expect(await redis.get(key)).toBe("2");

      relay.cut();
      await new Promise((resolve) => setTimeout(resolve, 100));

      // Redis is gone: the memory limiter counts afresh, and nothing fails.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(hub, auth)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const health = (await (await fetch(`${hub.origin}/healthz`)).json()) as any;
      expect(health.redis).toEqual({ status: "down" });
      expect(await redis.get(key)).toBe("2");
    } finally {
      await hub.close();
      await redis.del(key);
      await redis.quit();
      relay.cut();
    }
  });
});
