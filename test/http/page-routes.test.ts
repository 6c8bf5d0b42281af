/**
 * Issue 12 over HTTP, for the page routes (cards, project pages, oEmbed): they spend
 * the GraphQL rate-limit budget, answer repeated and conditional requests from a
 * server-side cache without a database statement, show a publish or unpublish within
 * the cache's lifetime, and never build links from a Host that is not the hub's.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

const SLUG = "herten-kita-online";
const FORGED = "evil.example";

/** An answer as a plain HTTP client sees it; `fetch` cannot send another Host. */
interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends a GET to the hub with any Host header. */
function raw(hub: TestHub, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(hub.origin);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: hostname, port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}

/** The Vary header as a list of lower-case names. */
const varyOf = (answer: RawAnswer) =>
  String(answer.headers.vary ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);

const pagePaths = (origin: string) => [
  `/embed/projects/${SLUG}`,
  `/embed/projects/${SLUG}?lang=en&theme=dark&compact=1`,
  `/oembed?url=${encodeURIComponent(`${origin}/projekte/${SLUG}`)}`,
];

const setState = (hub: TestHub, slug: string, state: "DRAFT" | "PUBLISHED") =>
  hub.db.orm.em.getConnection().execute("update project set publication_state = ? where slug = ?", [state, slug]);

describe("rate limit", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "6" });
  });
  afterAll(() => hub?.close());

  it("page routes spend the address's GraphQL budget; past it they answer 429 with Retry-After, and so does GraphQL", async () => {
    const remaining: string[] = [];
    for (const path of [
      ...pagePaths(hub.origin),
      `/embed/projects/no-such-project`,
      `/oembed?url=${encodeURIComponent(`${hub.origin}/projekte/nope`)}`,
    ]) {
      const res = await fetch(`${hub.origin}${path}`);
      expect(res.status, path).toBeLessThan(429);
      remaining.push(res.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["5", "4", "3", "2", "1"]);
    expect((await hub.query("{ __typename }")).status).toBe(200);

    for (const path of [
      `/embed/projects/${SLUG}`,
      `/oembed?url=${encodeURIComponent(`${hub.origin}/projekte/${SLUG}`)}`,
    ]) {
      // Conditional requests too: a 304 is cheap, but not free.
      const res = await fetch(`${hub.origin}${path}`, { headers: { "if-none-match": "*" } });
      expect(res.status, path).toBe(429);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        "RATE_LIMITED",
      );
    }
    const graphql = await hub.query("{ __typename }");
    expect(graphql.status).toBe(429);
    expect(graphql.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    // The static assets stay free: they are read once and kept in memory. So does the old project address's redirect.
    expect((await fetch(`${hub.origin}/embed/card.css`)).status).toBe(200);
    expect((await fetch(`${hub.origin}/projects/${SLUG}`, { redirect: "manual" })).status).toBe(301);
  });
});

describe("server-side cache", () => {
  let hub: TestHub;
  beforeAll(async () => {
    // The longest lifetime, so that no entry expires between two requests however loaded the machine is;
    // test/unit/page-cache.test.ts sees entries expire by a clock of its own.
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "300" });
  });
  afterAll(() => hub?.close());

  it("answers a conditional request with 304 and no database statement", async () => {
    for (const path of pagePaths(hub.origin)) {
      const first = await fetch(`${hub.origin}${path}`);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("etag")!;
      hub.db.resetQueryCount();
      const again = await fetch(`${hub.origin}${path}`, { headers: { "if-none-match": etag } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(hub.db.queries, path).toEqual([]);
    }
  });

  it("serves a cached answer again without a statement, the same bytes with the same ETag", async () => {
    for (const path of pagePaths(hub.origin)) {
      const first = await fetch(`${hub.origin}${path}`);
      const body = await first.text();
      hub.db.resetQueryCount();
      const again = await fetch(`${hub.origin}${path}`);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(body);
      expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
      expect(again.headers.get("cache-control")).toBe("public, max-age=300");
      expect(hub.db.queries, path).toEqual([]);
    }
  });

  it("keys answers by their options: another language or theme is rendered, not served from another's entry", async () => {
    const de = await (await fetch(`${hub.origin}/embed/projects/${SLUG}`)).text();
    const en = await (await fetch(`${hub.origin}/embed/projects/${SLUG}?lang=en`)).text();
    expect(de).toContain('lang="de"');
    expect(en).toContain('lang="en"');
    // Unknown parameters do not make new entries: the canonical options are the key.
    await fetch(`${hub.origin}/embed/projects/${SLUG}?lang=en&junk=1`);
    hub.db.resetQueryCount();
    expect(await (await fetch(`${hub.origin}/embed/projects/${SLUG}?lang=EN&junk=2`)).text()).toBe(en);
    expect(hub.db.queries).toEqual([]);
  });

  it("serves a card from its entry after an unpublish, and remembers an unpublished slug for every route", async () => {
    const slug = "herten-e-payment";
    const card = () => fetch(`${hub.origin}/embed/projects/${slug}`);
    expect((await card()).status).toBe(200);
    try {
      await setState(hub, slug, "DRAFT");
      hub.db.resetQueryCount();
      expect((await card()).status).toBe(200); // cached
      expect(hub.db.queries).toEqual([]);
      // Not yet rendered in this language: rendered now, and found unpublished.
      expect((await fetch(`${hub.origin}/embed/projects/${slug}?lang=en`)).status).toBe(404);

      await setState(hub, slug, "PUBLISHED");
      hub.db.resetQueryCount();
      expect((await fetch(`${hub.origin}/embed/projects/${slug}?lang=en`)).status).toBe(404); // remembered as unpublished
      expect(
        (await fetch(`${hub.origin}/oembed?url=${encodeURIComponent(`${hub.origin}/projekte/${slug}`)}`)).status,
      ).toBe(404);
      expect(hub.db.queries).toEqual([]);
    } finally {
      await setState(hub, slug, "PUBLISHED");
    }
  });

  it("does not keep a failed render", async () => {
    const slug = "kelsterbach-lugm";
    const fork = hub.db.orm.em.fork;
    hub.db.orm.em.fork = () => {
      throw new Error("database away");
    };
    try {
      expect((await fetch(`${hub.origin}/embed/projects/${slug}`)).status).toBe(500);
    } finally {
      hub.db.orm.em.fork = fork;
    }
    expect((await fetch(`${hub.origin}/embed/projects/${slug}`)).status).toBe(200);
  });
});

describe("links and the Host header without PUBLIC_URL", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ ALLOWED_HOSTS: "ikz-hub.example, hub.example:8080" });
  });
  afterAll(() => hub?.close());

  const exportPaths = ["/export/projects.csv", "/export/projects.json", "/export/strategies.csv"];

  it("never puts a forged Host in any body or header of a page, card, oEmbed or export answer", async () => {
    const { port } = new URL(hub.origin);
    const oembedOf = (origin: string) => `/oembed?url=${encodeURIComponent(`${origin}/projekte/${SLUG}`)}`;
    const paths = [
      ...pagePaths(hub.origin),
      oembedOf(`http://${FORGED}`),
      oembedOf(`http://${FORGED}:${port}`),
      `/embed/projects/no-such-project`,
    ];
    for (const host of [FORGED, `${FORGED}:${port}`, "ikz-hub.example.evil.example", "hub.example:9999"]) {
      for (const path of paths) {
        const answer = await raw(hub, path, { host });
        expect(answer.status, `${host} ${path}`).toBe(400);
        expect(answer.headers["cache-control"]).toBe("no-store");
        expect(answer.body).toContain("Host");
        expect(JSON.stringify(answer), `${host} ${path}`).not.toContain(host.split(":")[0]);
      }
      for (const path of exportPaths) {
        const answer = await raw(hub, path, { host });
        expect(answer.status, `${host} ${path}`).toBe(200);
        // Strategies link nowhere: that answer does not depend on the Host.
        expect(varyOf(answer).includes("host"), path).toBe(path.startsWith("/export/projects."));
        expect(JSON.stringify(answer), `${host} ${path}`).not.toContain(host.split(":")[0]);
      }
    }
    // Exports still answer, without the page links.
    const json = JSON.parse((await raw(hub, "/export/projects.json", { host: FORGED })).body) as {
      projects: { page: string | null }[];
    };
    expect(json.projects.length).toBeGreaterThan(0);
    expect(json.projects.every((project) => project.page === null)).toBe(true);
  });

  it("builds links from loopback hosts and ALLOWED_HOSTS, and says so with Vary: Host", async () => {
    const { port } = new URL(hub.origin);
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `127.1.2.3:${port}`,
      `[::1]:${port}`,
      "ikz-hub.example",
      "IKZ-Hub.example:1234",
      "hub.example:8080",
    ]) {
      const origin = new URL(`http://${host}`).origin;
      for (const path of pagePaths(origin)) {
        const answer = await raw(hub, path, { host });
        expect(answer.status, `${host} ${path}`).toBe(200);
        expect(varyOf(answer), `${host} ${path}`).toContain("host");
        if (!path.startsWith("/embed/projects/") || path.includes("?")) continue;
        expect(answer.body).toContain(`href="${origin}/projekte/${SLUG}"`);
      }
      const conditional = await raw(hub, `/embed/projects/${SLUG}`, { host, "if-none-match": "*" });
      expect(conditional.status).toBe(304);
      expect(varyOf(conditional)).toContain("host");
      const csv = await raw(hub, "/export/projects.csv", { host });
      expect(csv.body).toContain(`${origin}/projekte/${SLUG}`);
      expect(varyOf(csv)).toContain("host");
    }
  });

  it("cannot make the real oEmbed URL a cached 404 with a forged or another Host", async () => {
    const real = `/oembed?url=${encodeURIComponent(`${hub.origin}/projekte/${SLUG}`)}`;
    // The old answer to a forged Host was a 404 any shared cache could keep for a minute.
    const forged = await raw(hub, real, { host: FORGED });
    expect(forged.status).toBe(400);
    expect(forged.headers["cache-control"]).toBe("no-store");
    // Another trusted name for the hub: the url is not one of its pages under that name; never cacheable either.
    const { port } = new URL(hub.origin);
    const other = await raw(hub, real, { host: `localhost:${port}` });
    expect(other.status).toBe(404);
    expect(other.headers["cache-control"]).toBe("no-store");
    expect(varyOf(other)).toContain("host");
    // Nor in the hub's own cache: the real request still gets the answer.
    const genuine = await raw(hub, real, { host: new URL(hub.origin).host });
    expect(genuine.status).toBe(200);
    expect(JSON.parse(genuine.body)).toMatchObject({ type: "rich", provider_url: `${hub.origin}/` });
  });
});

describe("links with PUBLIC_URL", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ PUBLIC_URL: "https://ikz-hub.example" });
  });
  afterAll(() => hub?.close());

  it("come from PUBLIC_URL whatever the Host, and the answers do not vary by Host", async () => {
    for (const path of [...pagePaths("https://ikz-hub.example"), "/export/projects.csv"]) {
      const answer = await raw(hub, path, { host: FORGED });
      expect(answer.status, path).toBe(200);
      expect(JSON.stringify(answer)).not.toContain(FORGED);
      expect(varyOf(answer)).not.toContain("host");
    }
  });
});
