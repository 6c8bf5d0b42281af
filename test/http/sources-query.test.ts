/**
 * `sources(query, municipality, first, after)`: the root list an editor searches for a publication to cite.
 * Anonymous callers see published sources only; an editor also sees their own city's drafts, never another's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const SOURCES = `query($query: String, $municipality: String, $first: Int, $after: String, $orderBy: SourceOrder) {
  sources(query: $query, municipality: $municipality, first: $first, after: $after, orderBy: $orderBy) {
    totalCount nodes { key title publisher } pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { key } }`;

type Page = { totalCount: number; nodes: { key: string; title: string }[]; pageInfo: { endCursor: string | null } };

describe("sources(query:, municipality:)", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  const sources = async (variables: Record<string, unknown>, token?: string) =>
    gql<{ sources: Page }>(hub, SOURCES, variables, token);
  const keys = (page: Page | undefined) => page?.nodes.map((node) => node.key);

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const draft = {
      municipality: "herten",
      key: "herten-entwurf-quelle",
      title: "Unveröffentlichter Vermerk 100%_sicher",
    };
    const created = await gql(hub, CREATE, { input: draft }, tokens.editors.herten);
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  it("finds published sources by words of their title or publisher, case-insensitively", async () => {
    const byTitle = await sources({ query: "vorlage" });
    expect(byTitle.errors).toBeUndefined();
    expect(byTitle.data!.sources.nodes.length).toBeGreaterThan(0);
    for (const node of byTitle.data!.sources.nodes) expect(node.title.toLowerCase()).toContain("vorlage");
    expect(keys((await sources({ query: "KOMMUNE21" })).data?.sources)).toContain("kommune21-ratingen-2021-07-02");
  });

  it("lists every published source without a query, by title, page by page", async () => {
    const all = (await sources({ first: 100 })).data!.sources;
    const titles = all.nodes.map((node) => node.title);
    expect(titles.length).toBeGreaterThan(4);
    expect(all.totalCount).toBe(all.nodes.length);
    const first = (await sources({ first: 2 })).data!.sources;
    const second = (await sources({ first: 2, after: first.pageInfo.endCursor })).data!.sources;
    expect([...keys(first)!, ...keys(second)!]).toEqual(keys(all)!.slice(0, 4));
  });

  it("narrows to the sources a municipality's editors maintain (the seeded ones are the operators')", async () => {
    const herten = { municipality: "herten", first: 100 };
    expect(keys((await sources(herten, tokens.editors.herten)).data?.sources)).toEqual(["herten-entwurf-quelle"]);
    expect(keys((await sources(herten)).data?.sources)).toEqual([]);
    const ratingen = { municipality: "ratingen", first: 100 };
    expect(keys((await sources(ratingen, tokens.editors.herten)).data?.sources)).toEqual([]);
  });

  it("shows a draft to its own city's editor only", async () => {
    const query = { query: "Vermerk" };
    expect(keys((await sources(query)).data?.sources)).toEqual([]);
    expect(keys((await sources(query, tokens.editors.ratingen)).data?.sources)).toEqual([]);
    expect(keys((await sources(query, tokens.editors.herten)).data?.sources)).toEqual(["herten-entwurf-quelle"]);
  });

  it("takes LIKE wildcards in the query literally", async () => {
    expect(keys((await sources({ query: "%" })).data?.sources)).toEqual([]);
    expect(keys((await sources({ query: "_" }, tokens.editors.herten)).data?.sources)).toEqual([
      "herten-entwurf-quelle",
    ]);
    expect(keys((await sources({ query: "100%_s" }, tokens.editors.herten)).data?.sources)).toEqual([
      "herten-entwurf-quelle",
    ]);
  });

  it.each([
    [{ query: "x".repeat(201) }, "query", /at most 200/],
    [{ municipality: "atlantis" }, "municipality", /atlantis/],
    [{ municipality: "y".repeat(500) }, "municipality", /at most 120/],
    [{ first: 5000 }, "first", /at most/],
    [{ after: "not-a-cursor" }, "after", /cursor/],
  ])("refuses %j with a clear error and no data", async (variables, field, message) => {
    const answer = await sources(variables);
    expect(answer.status).toBe(200);
    expect(answer.data?.sources ?? null).toBeNull();
    expect(answer.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0].message).toMatch(message);
    expect(JSON.stringify(answer.errors)).not.toMatch(/at .*\.(ts|js):\d+/);
    void field;
  });
});
