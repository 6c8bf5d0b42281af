import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const CARD_QUERY = "query ProjectCard($slug: String!) { project(slug: $slug) { title } }";

function getUrl(query: string, variables: Record<string, unknown>, operationName?: string): string {
  const url = new URL(hub.url);
  url.searchParams.set("query", query);
  url.searchParams.set("variables", JSON.stringify(variables));
  if (operationName) url.searchParams.set("operationName", operationName);
  return url.toString();
}

describe("cross-origin reads", () => {
  it("answers a browser's preflight from any origin, without opening credentials", async () => {
    const res = await fetch(hub.url, {
      method: "OPTIONS",
      headers: {
        origin: "https://www.kelsterbach.de",
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-apollo-operation-name",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toContain("x-apollo-operation-name");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("does not let pages on other sites send an API token, so writes are not opened to them", async () => {
    const res = await fetch(hub.url, {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(
      res.headers
        .get("access-control-allow-headers")
        ?.split(",")
        .map((name) => name.trim().toLowerCase()),
    ).not.toContain("authorization");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("serves a GET query from another origin with a cacheable, public response", async () => {
    const res = await fetch(getUrl(CARD_QUERY, { slug: "herten-kita-online" }, "ProjectCard"), {
      headers: { origin: "https://www.kelsterbach.de", "x-apollo-operation-name": "ProjectCard" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("max-age=60, public");
    const body = (await res.json()) as any;
    expect(body.data.project.title).toMatch(/Kita/);
  });

  it("refuses a simple GET without the CSRF header, as Apollo's CSRF prevention demands", async () => {
    const res = await fetch(getUrl(CARD_QUERY, { slug: "herten-kita-online" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it("never runs a mutation over GET", async () => {
    const res = await fetch(getUrl("mutation { __typename }", {}), { headers: { "apollo-require-preflight": "true" } });
    // 400 while the schema has no mutations (validation refuses it first); Apollo answers 405 once it has.
    expect([400, 405]).toContain(res.status);
    const body = (await res.json()) as any;
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_REQUEST)$/);
  });
});

describe("cache headers of GraphQL answers", () => {
  /** The `Cache-Control` of a POSTed query. */
  async function cacheControlOf(query: string, variables: Record<string, unknown> = {}): Promise<string | null> {
    const res = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    await res.arrayBuffer();
    return res.headers.get("cache-control");
  }

  it("lets a minute's public caching hold for data, nested lists and fragments alike", async () => {
    expect(await cacheControlOf("{ topics { nodes { key } } }")).toBe("max-age=60, public");
    expect(
      await cacheControlOf("{ municipalities(first: 2) { nodes { slug projects(first: 1) { nodes { slug } } } } }"),
    ).toBe("max-age=60, public");
    expect(await cacheControlOf("{ ...Root } fragment Root on Query { topics { nodes { key } } }")).toBe(
      "max-age=60, public",
    );
  });

  it("never lets a cache keep what differs per caller, nor an answer without data or with errors", async () => {
    expect(await cacheControlOf("{ viewer { name } }")).toBe("no-store");
    expect(await cacheControlOf("{ topics { nodes { key } } ...V } fragment V on Query { viewer { name } }")).toBe(
      "no-store",
    );
    expect(await cacheControlOf("{ __typename }")).toBe("no-store");
    expect(await cacheControlOf("{ __schema { queryType { name } } }")).toBe("no-store");
    expect(
      await cacheControlOf("query ($no: Boolean!) { topics @skip(if: $no) { nodes { key } } }", { no: true }),
    ).toBe("no-store");
    expect(await cacheControlOf("{ project(slug: 1) { slug } }")).toBe("no-store");
  });
});

describe("ETags of GraphQL answers", () => {
  it("a GET answer has one as before; a POST answer, which nothing revalidates, has none", async () => {
    const url = getUrl(CARD_QUERY, { slug: "herten-e-akte" });
    const headers = { "apollo-require-preflight": "true" };
    const first = await fetch(url, { headers });
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const post = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: CARD_QUERY, variables: { slug: "herten-e-akte" } }),
    });
    expect(post.status).toBe(200);
    expect((await post.json()).data).toEqual(expect.any(Object));
    expect(post.headers.get("etag")).toBeNull();
    expect(post.headers.get("content-length")).toMatch(/^\d+$/);
  });
});

describe("malformed paths", () => {
  it("a malformed percent-encoding anywhere is a 400, not a 500", async () => {
    for (const path of ["/nope/%E0%A4%A", "/graphql/%"]) {
      const res = await fetch(`${hub.origin}${path}`);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});
