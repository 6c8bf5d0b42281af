/**
 * The response cache of /graphql: anonymous GET queries are answered from it (seen by the `Age` header and the
 * metrics, never by timing) with the bytes and headers first sent, charged the points they cost; token holders never
 * are and never fill it, refused answers are never kept, a write shows at once, two hubs on one Redis share entries
 * and invalidations, an unreadable entry or an unreachable Redis only bypasses it, and it is bounded.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";
import { createResponseStore } from "../../server/response-cache/response-store.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { startRedisRelay } from "../support/redis-relay.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const REDIS_URL = "redis://127.0.0.1:6379";
const HERTEN_PROJECTS = `query HertenProjects { projects(filter: { municipalities: ["herten"] }, first: 100) { totalCount nodes { slug } } }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`;
const PUBLISH = `mutation($id: ID!, $version: Int) { publishProject(id: $id, version: $version) { publicationState } }`;

/** The header Apollo's CSRF prevention asks of a GET. */
const PREFLIGHT = { "apollo-require-preflight": "true" };

/** Sends `query` as a GET, as embeds do, with an optional API token. */
async function get(hub: TestHub, query: string, token?: string, variables?: Record<string, unknown>) {
  const { res, text } = await rawGet(
    hub,
    { query, ...(variables ? { variables: JSON.stringify(variables) } : {}) },
    { ...PREFLIGHT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  );
  return { res, body: JSON.parse(text) as { data?: any; errors?: unknown[] } };
}

/** Sends a GET with `params` as they are written (raw variables, no CSRF header unless given) and reads the text. */
async function rawGet(hub: TestHub, params: Record<string, string>, headers: Record<string, string> = PREFLIGHT) {
  const url = new URL(hub.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const res = await fetch(url, { headers });
  return { res, text: await res.text() };
}

/** The project slugs of Herten an anonymous GET (or a token holder's) sees, and whether it came from the cache. */
async function hertenSlugs(hub: TestHub, token?: string) {
  const { res, body } = await get(hub, HERTEN_PROJECTS, token);
  expect(res.status).toBe(200);
  expect(body.errors).toBeUndefined();
  return {
    slugs: (body.data.projects.nodes as { slug: string }[]).map((node) => node.slug),
    cached: res.headers.get("age") !== null,
    cacheControl: res.headers.get("cache-control"),
  };
}

/** The response-cache counters of a hub's /metrics. */
async function cacheCounts(hub: TestHub): Promise<Record<string, number>> {
  const text = await (await fetch(hub.hub.metricsUrl!)).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^ikz_hub_response_cache_requests_total\{outcome="(\w+)"\} (\d+)$/gm))
    counts[match[1]] = Number(match[2]);
  return counts;
}

/** Creates a draft project in Herten with a token; returns its id and version. */
async function createDraft(hub: TestHub, token: string, slug: string) {
  const input = {
    municipality: "herten",
    slug,
    title: "Digitale Bauakte",
    summary: "Bauanträge werden digital bearbeitet.",
    status: "PLANNED",
    // What publishing asks of a project (a topic, a published source), as in publishing.test.ts.
    topics: ["e-file"],
    sources: ["herten-vorlage-18-203"],
  };
  const created = await gql(hub, CREATE, { input }, token);
  expect(created.errors).toBeUndefined();
  return created.data!.createProject as { id: string; version: number };
}

describe("in memory", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    hub = await startTestHub({ METRICS_PORT: "0" });
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  it("answers a repeated anonymous GET from the cache, with Age and the public max-age", async () => {
    const query = `{ municipality(slug: "ratingen") { name } }`;
    const before = await cacheCounts(hub);
    const first = await get(hub, query);
    const second = await get(hub, query);
    expect(first.res.headers.get("age")).toBeNull();
    expect(Number(second.res.headers.get("age"))).toBeGreaterThanOrEqual(0);
    expect(second.res.headers.get("cache-control")).toBe("max-age=60, public");
    expect(second.body).toEqual(first.body);
    expect(second.body.data.municipality.name).toBeTruthy();
    const after = await cacheCounts(hub);
    expect((after.miss ?? 0) - (before.miss ?? 0)).toBe(1);
    expect((after.hit ?? 0) - (before.hit ?? 0)).toBe(1);
  });

  it("keys by variables: another slug is not served the cached answer", async () => {
    const query = `query($slug: String!) { municipality(slug: $slug) { slug } }`;
    await get(hub, query, undefined, { slug: "herten" });
    const other = await get(hub, query, undefined, { slug: "ratingen" });
    expect(other.res.headers.get("age")).toBeNull();
    expect(other.body.data.municipality.slug).toBe("ratingen");
  });

  it("never caches POSTs, nor answers whose scope is PRIVATE", async () => {
    const posts = [];
    for (let i = 0; i < 2; i++)
      posts.push(
        await fetch(hub.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: `{ municipality(slug: "herten") { name } }` }),
        }),
      );
    expect(posts.map((res) => res.headers.get("age"))).toEqual([null, null]);
    const viewer = [await get(hub, "{ viewer { role } }"), await get(hub, "{ viewer { role } }")];
    expect(viewer.map(({ res }) => res.headers.get("age"))).toEqual([null, null]);
  });

  it("never serves a token holder from the cache nor caches its answer, which may show drafts", async () => {
    const draft = await createDraft(hub, tokens.editors.herten, "herten-cache-entwurf");
    expect(draft.version).toBe(1);
    const anonymous = await hertenSlugs(hub);
    expect(anonymous.slugs).not.toContain("herten-cache-entwurf");
    expect((await hertenSlugs(hub)).cached).toBe(true);

    for (let i = 0; i < 2; i++) {
      const editor = await hertenSlugs(hub, tokens.editors.herten);
      expect(editor).toMatchObject({ cached: false, cacheControl: "no-store" });
      expect(editor.slugs).toContain("herten-cache-entwurf");
    }
    const again = await hertenSlugs(hub);
    expect(again.cached).toBe(true);
    expect(again.slugs).not.toContain("herten-cache-entwurf");
  });

  it("shows a publish to the next anonymous GET", async () => {
    const draft = await createDraft(hub, tokens.editors.herten, "herten-cache-veroeffentlicht");
    expect((await hertenSlugs(hub)).slugs).not.toContain("herten-cache-veroeffentlicht");
    expect((await hertenSlugs(hub)).cached).toBe(true);
    const published = await gql(hub, PUBLISH, { id: draft.id, version: draft.version }, tokens.editors.herten);
    expect(published.errors).toBeUndefined();
    const after = await hertenSlugs(hub);
    expect(after).toMatchObject({ cached: false });
    expect(after.slugs).toContain("herten-cache-veroeffentlicht");
  });
});

describe("stored answers", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ METRICS_PORT: "0" });
  });
  afterAll(() => hub?.close());

  it("answers a hit with the bytes and headers it stored, and 304 to a matching If-None-Match", async () => {
    const params = { query: `{ municipalities(first: 3) { nodes { slug name } } }` };
    const first = await rawGet(hub, params);
    const second = await rawGet(hub, params);
    expect(first.res.status).toBe(200);
    expect(second.res.headers.get("age")).not.toBeNull();
    expect(second.text).toBe(first.text);
    for (const header of ["content-type", "cache-control", "vary", "etag"])
      expect(second.res.headers.get(header), header).toBe(first.res.headers.get(header));
    // fetch would add `Cache-Control: no-cache` to a request with If-None-Match, which asks for the body again.
    const revalidation = { "if-none-match": first.res.headers.get("etag")!, "cache-control": "max-age=0" };
    const revalidated = await rawGet(hub, params, { ...PREFLIGHT, ...revalidation });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.text).toBe("");
  });

  it("keys by the variables' values, not by how they are spelt", async () => {
    const query = `query($slug: String!) { municipality(slug: $slug) { name } }`;
    await rawGet(hub, { query, variables: `{"slug":"ratingen"}` });
    const respelt = await rawGet(hub, { query, variables: `{ "slug" : "ratingen" }` });
    expect(respelt.res.headers.get("age")).not.toBeNull();
    expect(JSON.parse(respelt.text).data.municipality.name).toBe("Ratingen");
  });

  it("charges a hit the rate-limit points its answer cost, and leaves a caller without them to Apollo's 429", async () => {
    // A budget of its own: 60 points, each a unit of query cost.
    const small = await startTestHub({ RATE_LIMIT_POINTS: "60", RATE_LIMIT_COST_PER_POINT: "1" });
    const params = { query: `{ projects(first: 5) { nodes { slug } } }` };
    const answers = [];
    for (let i = 0; i < 30; i++) {
      const { res, text } = await rawGet(small, params);
      answers.push({
        status: res.status,
        age: res.headers.get("age"),
        remaining: Number(res.headers.get("ratelimit-remaining")),
        text,
      });
      if (res.status !== 200) break;
    }
    await small.close();
    const served = answers.filter((answer) => answer.status === 200);
    expect(served.length).toBeGreaterThan(1);
    expect(served.slice(1).every((answer) => answer.age !== null)).toBe(true);
    const points = 60 - served[0].remaining;
    expect(points).toBeGreaterThan(1);
    served.forEach((answer, index) => expect(answer.remaining).toBe(60 - points * (index + 1)));
    const refused = answers.at(-1)!;
    expect(refused).toMatchObject({ status: 429, age: null });
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe("RATE_LIMITED");
  });

  it("serves no stored answer to a GET without the header Apollo's CSRF prevention asks for", async () => {
    const params = { query: `{ municipality(slug: "kelsterbach") { slug } }` };
    await rawGet(hub, params);
    const bare = await rawGet(hub, params, {});
    expect(bare.res.status).toBe(400);
    expect(bare.res.headers.get("age")).toBeNull();
  });

  it("stores no refused answer: errors, variables that are not JSON", async () => {
    const refused: Record<string, string>[] = [
      { query: `{ municipality(slug: "herten") { nichtDa } }` },
      { query: `query($slug: String!) { municipality(slug: $slug) { name } }`, variables: `{"slug":` },
    ];
    for (const params of refused) {
      const answers = [await rawGet(hub, params), await rawGet(hub, params)];
      for (const { res, text } of answers) {
        expect(res.status).toBe(400);
        expect(res.headers.get("age")).toBeNull();
        expect(JSON.parse(text).errors[0].extensions.code).toBeTruthy();
      }
    }
  });
});

describe("bounds", () => {
  it("keeps the in-memory cache within its byte budget, dropping the least recently used", async () => {
    const store = createResponseStore({ maxBytes: 1000, keyPrefix: "unused:" }, null, silent());
    for (let i = 0; i < 5; i++) await store.cache.set(`k${i}`, "x".repeat(400), { ttl: 60 });
    const kept = [];
    for (let i = 0; i < 5; i++) kept.push((await store.cache.get(`k${i}`)) !== undefined);
    expect(kept).toEqual([false, false, false, true, true]);
  });

  it("turns the cache off with RESPONSE_CACHE_MB=0", async () => {
    const hub = await startTestHub({ RESPONSE_CACHE_MB: "0" });
    try {
      await get(hub, "{ __typename }");
      expect((await get(hub, "{ __typename }")).res.headers.get("age")).toBeNull();
    } finally {
      await hub.close();
    }
  });
});

function silent() {
  return createLogger({ logLevel: "silent", logFormat: "json" });
}

describe("shared through Redis", () => {
  const prefix = `test:rc:${randomUUID()}:`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let a: TestHub;
  let b: TestHub;
  beforeAll(async () => {
    const env = { REDIS_URL, RESPONSE_CACHE_REDIS_PREFIX: prefix };
    [a, b] = await Promise.all([startTestHub(env), startTestHub(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("serves one hub's answer to the other, kept no longer than its max-age", async () => {
    const query = `{ municipality(slug: "kelsterbach") { name } }`;
    expect((await get(a, query)).res.headers.get("age")).toBeNull();
    const fromB = await get(b, query);
    expect(fromB.res.headers.get("age")).not.toBeNull();
    expect(fromB.body.data.municipality.name).toBeTruthy();
    const entries = (await redis.keys(`${prefix}*`)).filter((key) => key !== `${prefix}generation`);
    expect(entries.length).toBeGreaterThan(0);
    for (const key of entries) {
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    }
  });

  it("answers afresh past an entry it cannot read (another version's), and replaces it", async () => {
    const query = `{ municipality(slug: "hildesheim") { slug } }`;
    await get(a, query);
    const entries = (await redis.keys(`${prefix}*`)).filter((key) => key !== `${prefix}generation`);
    for (const key of entries) await redis.set(key, "{kein json", "EX", 60);
    const afresh = await get(b, query);
    expect(afresh.res.status).toBe(200);
    expect(afresh.res.headers.get("age")).toBeNull();
    expect(afresh.body.data.municipality.slug).toBe("hildesheim");
    expect((await get(b, query)).res.headers.get("age")).not.toBeNull();
  });

  it("invalidates both hubs' entries when one of them writes", async () => {
    const tokens = await createTestTokens(a.db.orm);
    expect((await hertenSlugs(b)).cached).toBe(false);
    expect((await hertenSlugs(b)).cached).toBe(true);
    await createDraft(a, tokens.editors.herten, "herten-cache-geteilt");
    expect((await hertenSlugs(b)).cached).toBe(false);
  });
});

describe("Redis unreachable", () => {
  it("answers every anonymous GET (200, uncached) when Redis is at a closed port, and counts the bypass", async () => {
    const hub = await startTestHub({ REDIS_URL: "redis://127.0.0.1:1", METRICS_PORT: "0" });
    try {
      for (let i = 0; i < 2; i++) {
        const { res, body } = await get(hub, `{ municipality(slug: "hildesheim") { name } }`);
        expect(res.status).toBe(200);
        expect(res.headers.get("age")).toBeNull();
        expect(body.data.municipality.name).toBeTruthy();
      }
      expect(await cacheCounts(hub)).toMatchObject({ bypass: 2 });
    } finally {
      await hub.close();
    }
  });

  it("goes on answering when Redis goes away while the hub runs", async () => {
    const relay = await startRedisRelay();
    const prefix = `test:rc:${randomUUID()}:`;
    const hub = await startTestHub({ REDIS_URL: relay.url, RESPONSE_CACHE_REDIS_PREFIX: prefix });
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const query = `{ municipality(slug: "herten") { name } }`;
    try {
      await get(hub, query);
      expect((await get(hub, query)).res.headers.get("age")).not.toBeNull();
      relay.cut();
      for (let i = 0; i < 2; i++) {
        const { res, body } = await get(hub, query);
        expect(res.status).toBe(200);
        expect(res.headers.get("age")).toBeNull();
        expect(body.data.municipality.name).toBeTruthy();
      }
    } finally {
      await hub.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      relay.cut();
    }
  });
});
