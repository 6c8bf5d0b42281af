/**
 * The change feed as a page and as Atom (issue 13): newest first, filtered by city
 * and topic, never a draft: a project created through the API shows in neither
 * until it is published; hostile titles stay text in HTML and XML; the Atom
 * document parses and has what RFC 4287 requires. Also the API's `changes`
 * arguments behind them (`newestFirst`, `municipalities`, `topics`).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const HTML_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { publicationState } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishProject(id: $id) { publicationState } }`;
const FEED = `query($first: Int, $after: String, $newestFirst: Boolean, $municipalities: [String!], $topics: [String!]) {
  changes(since: "2000-01-01T00:00:00Z", first: $first, after: $after, newestFirst: $newestFirst, municipalities: $municipalities, topics: $topics) {
    pageInfo { hasNextPage endCursor } nodes { kind type id at node { ... on Project { slug } } } } }`;
// The API refuses bidi and control characters in titles; xml.ts's unit test covers those.
const HOSTILE_TITLE = `Wasser <img src=x onerror=alert(1)> </script><script>alert(2)</script> & "x" ]]> javascript:alert(3)`;
const DRAFT_TITLE = "Geheimer Entwurf Zählerfernauslesung";

type Entry = {
  id: string;
  title: string;
  updated: string;
  link: { "@_href": string } | { "@_href": string }[];
  summary: string;
};

describe("the change feed pages", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  const page = (path: string) => fetch(hub.origin + path, { headers: { accept: HTML_ACCEPT } });
  const atom = async (path: string) => {
    const response = await fetch(hub.origin + path);
    return { response, text: await response.text() };
  };

  async function project(city: "herten" | "ratingen", slug: string, title: string, topic: string, source: string) {
    const created = await gql(
      hub,
      CREATE,
      {
        input: {
          municipality: city,
          slug,
          title,
          summary: "Zähler werden aus der Ferne gelesen.",
          status: "PLANNED",
          topics: [topic],
          sources: [source],
        },
      },
      tokens.editors[city],
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createProject.id as string;
  }

  beforeAll(async () => {
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  it("shows a draft in neither feed, and a published project in both, newest first and inert", async () => {
    const id = await project("herten", "herten-feed-entwurf", DRAFT_TITLE, "e-file", "herten-vorlage-18-203");
    for (const path of ["/aenderungen", "/aenderungen?kommune=herten", "/aenderungen?thema=e-file", "/"]) {
      const html = await (await page(path)).text();
      expect(html, path).not.toContain(DRAFT_TITLE);
      expect(html, path).not.toContain("herten-feed-entwurf");
    }
    for (const path of ["/aenderungen.atom", "/aenderungen.atom?kommune=herten"]) {
      const { text } = await atom(path);
      expect(text, path).not.toContain(DRAFT_TITLE);
      expect(text, path).not.toContain("herten-feed-entwurf");
    }

    expect((await gql(hub, PUBLISH, { id }, tokens.editors.herten)).data!.publishProject.publicationState).toBe(
      "PUBLISHED",
    );
    const html = await (await page("/aenderungen")).text();
    expect(html).toContain(DRAFT_TITLE);
    expect(html).toContain('href="/projekte/herten-feed-entwurf"');
    // Newest first: the project just published leads the list.
    const first = /<li class="change">.*?<\/li>/s.exec(html)?.[0];
    expect(first).toContain("herten-feed-entwurf");
    expect(await (await page("/")).text()).toContain('href="/projekte/herten-feed-entwurf"');
    const { text } = await atom("/aenderungen.atom");
    expect(text).toContain(DRAFT_TITLE);

    // Back to a draft: its entries stay, but show neither title nor link.
    await gql(hub, UNPUBLISH, { id }, tokens.editors.herten);
    const after = await (await page("/aenderungen")).text();
    expect(after).not.toContain(DRAFT_TITLE);
    expect(after).not.toContain("herten-feed-entwurf");
    expect((await atom("/aenderungen.atom")).text).not.toContain(DRAFT_TITLE);
    // A draft's topics decide nothing for the public: its entries match a topic filter only for its own editors.
    const ids = async (token?: string) =>
      (await gql(hub, FEED, { first: 100, topics: ["e-file"] }, token)).data!.changes.nodes.map(
        (change: { id: string }) => change.id,
      );
    expect(await ids()).not.toContain(id);
    expect(await ids(tokens.editors.herten)).toContain(id);
  });

  it("keeps hostile titles as text in the page and in well-formed XML", async () => {
    const id = await project("ratingen", "ratingen-feed-feindlich", HOSTILE_TITLE, "e-file", "ratingen-trimborn-2021");
    await gql(hub, PUBLISH, { id }, tokens.editors.ratingen);
    const html = await (await page("/aenderungen")).text();
    expect(html).toContain("&lt;img src=x onerror=alert(1)>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    const { text } = await atom("/aenderungen.atom");
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toContain("<img");
    expect(text).not.toContain("<script>");
    const feed = new XMLParser({ ignoreAttributes: false }).parse(text).feed;
    const entries = ([] as Entry[]).concat(feed.entry);
    expect(entries[0].title).toContain("<img src=x onerror=alert(1)>");
  });

  it("answers a well-formed Atom feed with what RFC 4287 requires", async () => {
    const { response, text } = await atom("/aenderungen.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("etag")).toBeTruthy();
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(text);
    const feed = parsed.feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${hub.origin}/aenderungen.atom`);
    expect(feed.title).toBe("IKZ-Hub: Letzte Änderungen");
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    const links = ([] as { "@_rel": string; "@_href": string }[]).concat(feed.link);
    expect(links.find((link) => link["@_rel"] === "self")?.["@_href"]).toBe(`${hub.origin}/aenderungen.atom`);
    expect(links.find((link) => link["@_rel"] === "alternate")?.["@_href"]).toBe(`${hub.origin}/aenderungen`);
    const entries = ([] as Entry[]).concat(feed.entry);
    expect(entries.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const entry of entries) {
      expect(entry.id).toMatch(/^tag:127\.0\.0\.1,2026:aenderung\//);
      ids.add(entry.id);
      expect(entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      const link = ([] as { "@_href": string }[]).concat(entry.link)[0]["@_href"];
      expect(link.startsWith(`${hub.origin}/`)).toBe(true);
      expect(entry.summary).toBeTruthy();
    }
    expect(ids.size).toBe(entries.length);
    expect(entries.map((entry) => entry.updated)).toEqual([...entries.map((entry) => entry.updated)].sort().reverse());
    // The same request gives the same ids: a reader sees no entry twice.
    const again = new XMLParser({ ignoreAttributes: false }).parse((await atom("/aenderungen.atom")).text).feed;
    expect(([] as Entry[]).concat(again.entry).map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
    // The page links its feed.
    const html = await (await page("/aenderungen?thema=e-file")).text();
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Letzte Änderungen zum Thema');
    expect(html).toContain('href="/aenderungen.atom?thema=e-file"');
  });

  it("filters by city and by topic, in the page, the feed and the API", async () => {
    const id = await project(
      "ratingen",
      "ratingen-feed-kita",
      "Kita-Anmeldung Feedtest",
      "childcare",
      "ratingen-trimborn-2021",
    );
    await gql(hub, PUBLISH, { id }, tokens.editors.ratingen);
    const inRatingen = await (await page("/aenderungen?kommune=ratingen")).text();
    expect(inRatingen).toContain("Kita-Anmeldung Feedtest");
    expect(inRatingen).toContain("<h1>Letzte Änderungen in Ratingen</h1>");
    expect(await (await page("/aenderungen?kommune=herten")).text()).not.toContain("Kita-Anmeldung Feedtest");
    expect(await (await page("/aenderungen?thema=childcare")).text()).toContain("Kita-Anmeldung Feedtest");
    expect(await (await page("/aenderungen?thema=e-file")).text()).not.toContain("Kita-Anmeldung Feedtest");
    expect((await atom("/aenderungen.atom?kommune=ratingen&thema=childcare")).text).toContain(
      "Kita-Anmeldung Feedtest",
    );
    expect((await atom("/aenderungen.atom?kommune=herten")).text).not.toContain("Kita-Anmeldung Feedtest");

    const byCity = await gql(hub, FEED, { first: 100, newestFirst: true, municipalities: ["ratingen"] });
    expect(byCity.errors).toBeUndefined();
    expect(byCity.data!.changes.nodes[0].node).toEqual({ slug: "ratingen-feed-kita" });
    const byTopic = await gql(hub, FEED, { first: 100, topics: ["childcare"] });
    const slugs = byTopic.data!.changes.nodes.map((change: { node: { slug?: string } | null }) => change.node?.slug);
    expect(slugs).toContain("ratingen-feed-kita");
    expect(slugs).not.toContain("ratingen-feed-feindlich");
    expect((await gql(hub, FEED, { municipalities: ["atlantis"] })).errors?.[0].extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await gql(hub, FEED, { topics: ["nope"] })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("pages newest first with cursors that belong to their order", async () => {
    const oldest = await gql(hub, FEED, { first: 100 });
    const all = oldest.data!.changes.nodes as { at: string }[];
    const newest: { at: string }[] = [];
    let after: string | null = null;
    do {
      const answer: any = await gql(hub, FEED, { first: 2, newestFirst: true, after });
      newest.push(...answer.data.changes.nodes);
      after = answer.data.changes.pageInfo.hasNextPage ? answer.data.changes.pageInfo.endCursor : null;
    } while (after);
    expect(newest).toEqual([...all].reverse());
    const cursor =
      oldest.data!.changes.pageInfo.endCursor ?? (await gql(hub, FEED, { first: 1 })).data!.changes.pageInfo.endCursor;
    expect((await gql(hub, FEED, { first: 1, newestFirst: true, after: cursor })).errors?.[0].extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("answers unknown or malformed filters with the HTML 404, never a 500", async () => {
    for (const path of [
      "/aenderungen?kommune=atlantis",
      "/aenderungen?thema=nope",
      "/aenderungen?kommune=a&kommune=b",
      `/aenderungen?nach=${"x".repeat(300)}`,
      "/aenderungen?nach=kaputt",
    ]) {
      const response = await page(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain("Seite nicht gefunden");
    }
    expect((await fetch(`${hub.origin}/aenderungen.atom?thema=nope`)).status).toBe(404);
  });
});
