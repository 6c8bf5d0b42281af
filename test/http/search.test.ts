import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $filter: SearchFilter, $first: Int, $after: String) {
    search(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountIsExact
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      hits {
        score
        highlights {
          field
          snippet
        }
        municipality {
          slug
          name
        }
        node {
          __typename
          ... on Project {
            slug
            title
            providers {
              slug
            }
          }
          ... on Strategy {
            slug
            title
          }
          ... on FieldOfAction {
            title
          }
          ... on LessonLearned {
            slug
            title
          }
          ... on Municipality {
            slug
            name
          }
          ... on Provider {
            slug
            name
          }
        }
      }
      facets {
        field
        values {
          value
          label
          count
        }
      }
    }
  }
`;

async function search(variables: Record<string, unknown>) {
  const res = await hub.query(SEARCH, variables);
  return res;
}

describe("search over GraphQL", () => {
  it("finds Herten's Kita software and Kelsterbach's kindergarten administration for Kita, with snippets and municipality", async () => {
    const res = await search({ query: "Kita" });
    expect(res.errors).toBeUndefined();
    const { hits, totalCount, facets } = res.data!.search;
    expect(totalCount).toBeGreaterThanOrEqual(2);
    const slugs = hits.map((hit: any) => hit.node.slug);
    expect(slugs).toContain("herten-kita-online");
    expect(slugs).toContain("kelsterbach-kindergartenverwaltung");
    const herten = hits.find((hit: any) => hit.node.slug === "herten-kita-online");
    expect(herten.municipality).toEqual({ slug: "herten", name: "Herten" });
    expect(herten.highlights[0].field).toBe("title");
    expect(herten.highlights[0].snippet).toContain("<mark>Kita</mark>");
    const types = facets.find((facet: any) => facet.field === "TYPE").values;
    expect(types).toContainEqual({ value: "PROJECT", label: "Projekt", count: expect.any(Number) });
    const municipalities = facets.find((facet: any) => facet.field === "MUNICIPALITY").values;
    expect(municipalities).toContainEqual({ value: "herten", label: "Herten", count: expect.any(Number) });
    expect(facets.map((facet: any) => facet.field)).toEqual([
      "TYPE",
      "MUNICIPALITY",
      "STATE",
      "TOPIC",
      "STATUS",
      "PROVIDER",
    ]);
  });

  it("labels topics, states, statuses and providers", async () => {
    const res = await search({ query: "", filter: { types: ["PROJECT"], municipalities: ["herten"] } });
    const facets = res.data!.search.facets;
    const values = (field: string) => facets.find((facet: any) => facet.field === field).values;
    expect(values("STATE")).toEqual([
      { value: "NW", label: "Nordrhein-Westfalen", count: res.data!.search.totalCount },
    ]);
    expect(values("TOPIC")).toContainEqual({
      value: "childcare",
      label: expect.any(String),
      count: expect.any(Number),
    });
    expect(values("TOPIC").every((value: any) => value.label !== value.value)).toBe(true);
    expect(values("PROVIDER")).toContainEqual({ value: "krzn", label: "KRZN", count: expect.any(Number) });
    expect(values("STATUS").every((value: any) => value.label !== value.value)).toBe(true);
  });

  it("gives providers no municipality", async () => {
    const res = await search({ query: "", filter: { types: ["PROVIDER"] }, first: 100 });
    expect(res.data!.search.totalCount).toBe(12);
    expect(
      res.data!.search.hits.every((hit: any) => hit.node.__typename === "Provider" && hit.municipality === null),
    ).toBe(true);
  });

  it("pages with first and after", async () => {
    const first = await search({ query: "Digitalisierung", first: 3 });
    const page = first.data!.search;
    expect(page.hits).toHaveLength(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await search({ query: "Digitalisierung", first: 3, after: page.pageInfo.endCursor });
    const all = await search({ query: "Digitalisierung", first: 6 });
    const key = (hit: any) => `${hit.node.__typename}:${hit.node.slug ?? hit.node.title}`;
    expect(second.data!.search.hits.map(key)).toEqual(all.data!.search.hits.slice(3, 6).map(key));
    expect(second.data!.search.pageInfo.hasPreviousPage).toBe(true);
  });

  it("resolves a page of 20 hits in a bounded number of statements", async () => {
    hub.db.resetQueryCount();
    const res = await search({ query: "Digitalisierung", first: 20 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.hits).toHaveLength(20);
    // Counted here are the ORM's statements: one load per type (6), the hits' municipalities (1), facet labels (1), the
    // projects' providers (1), however many hits the page holds. The engine runs its own five (words, estimates in one
    // batch, counting, ranking, and the cached document count) on connections of its own, without a loop.
    expect(hub.db.queries.length).toBeLessThanOrEqual(9);
  });
});

describe("search hits are public records only", () => {
  it("drops a draft the index still holds, even for an admin and the city's editors", async () => {
    const tokens = await createTestTokens(hub.db.orm);
    // What a race between concurrent writes could leave behind: the record is a draft, its document still indexed.
    const client = new pg.Client({ connectionString: hub.db.url });
    await client.connect();
    try {
      await client.query("begin");
      await client.query("set local ikz.search_deferred = 'on'");
      await client.query("update project set publication_state = 'DRAFT' where slug = 'herten-kita-online'");
      await client.query("commit");
      const { rows } = await client.query(
        "select d.id from search_document d join project p on p.id = d.entity_id where d.type = 'Project' and p.slug = 'herten-kita-online'",
      );
      expect(rows).toHaveLength(1);
    } finally {
      await client.end();
    }
    for (const token of [tokens.admin, tokens.editors.herten]) {
      const res = await gql(hub, SEARCH, { query: "Kita", first: 100 }, token);
      expect(res.errors).toBeUndefined();
      const slugs = res.data!.search.hits.map((hit: any) => hit.node.slug);
      expect(slugs).toContain("kelsterbach-kindergartenverwaltung");
      expect(slugs).not.toContain("herten-kita-online");
    }
    // The admin may still read the draft itself: only search hits are held to the public view.
    const direct = await gql(hub, `query { project(slug: "herten-kita-online") { slug } }`, {}, tokens.admin);
    expect(direct.data!.project).toEqual({ slug: "herten-kita-online" });
  });
});

describe("search input", () => {
  const codeOf = (res: any) => res.errors?.[0]?.extensions?.code;

  it("rejects a query over 300 characters with BAD_USER_INPUT", async () => {
    for (const query of ["x".repeat(301), "Kita ".repeat(2048)]) {
      const res = await search({ query });
      expect(codeOf(res)).toBe("BAD_USER_INPUT");
      expect(res.errors![0].message).toMatch(/query is longer than 300 characters/);
    }
  });

  it.each([
    [{ municipalities: ["atlantis"] }, "filter.municipalities"],
    [{ topics: ["no-such-topic"] }, "filter.topics"],
    [{ providers: ["nobody"] }, "filter.providers"],
    [{ statuses: ["SLEEPING"] }, "filter.statuses"],
  ])("rejects unknown filter values %j", async (filter, field) => {
    const res = await search({ query: "Kita", filter });
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors![0].extensions!.fields).toEqual([field]);
  });

  it("rejects a cursor it did not hand out, and first over 100", async () => {
    expect(codeOf(await search({ query: "Kita", after: "bm9wZQ" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await search({ query: "Kita", first: 101 }))).toBe("BAD_USER_INPUT");
  });

  it.each([
    `"Kita`,
    "&|!():*",
    "Kita & | ! ( ) : * <-> '",
    "'); drop table search_document; --",
    "Kita 🚀🎉",
    "x".repeat(300),
    "\\ '' \" $1 ?",
  ])("answers hostile query %j with results, never a 500", async (query) => {
    const res = await search({ query });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.totalCount).toBeGreaterThanOrEqual(0);
  });

  it("refuses a NUL character with BAD_USER_INPUT", async () => {
    const res = await search({ query: "Kita\u0000" });
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
  });
});

describe("/healthz", () => {
  it("reports the search engine", async () => {
    const health = (await (await fetch(`${hub.origin}/healthz`)).json()) as any;
    expect(health.search).toEqual({ status: "up", engine: "postgres" });
  });
});
