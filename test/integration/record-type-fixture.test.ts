/**
 * The proof that a record type is declared once (issue 17): the throw-away publishable `Cooperation` of
 * `test/fixtures/cooperation/` (its feature manifest, and its tables and `public_cooperation` view as SQL) is
 * composed with the hub's features, and the hub picks it up: the GraphQL schema (its type, `node`, create and
 * update, publish, unpublish and archive), the visibility filter, revisions, the change feed, the public view
 * the SQL outside the ORM reads, search (its declared search SQL deployed as a migration would) and exports.
 */
import { readFileSync } from "node:fs";
import type { GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { features } from "../../schema/features.js";
import { searchableOf } from "../../schema/search/searchable-types.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { searchDdl } from "../../server/search/search-ddl.js";
import { cooperationFeature, cooperationSql } from "../fixtures/cooperation/index.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import { expectViewsMatchOrm, publicTypes, sqlOf } from "../support/public-views.js";

const CREATE = `mutation($input: CreateCooperationInput!) {
  createCooperation(input: $input) { id slug publicationState version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: CooperationInput!) {
  updateCooperation(id: $id, version: $version, input: $input) { version title } }`;
const TRANSITION = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { publicationState version } }`;
const READ = `query($id: ID!) {
  node(id: $id) { id ... on Cooperation { slug title municipality { slug } topics { key } sources { key } } }
  municipality(slug: "herten") { cooperations { slug } }
}`;
const REVISIONS = `query($id: ID!) { node(id: $id) { ... on Cooperation { revisions { action version } } } }`;
const SEARCH = `query($query: String!) { search(query: $query, filter: { types: [COOPERATION] }) {
  hits { node { __typename ... on Cooperation { slug } } } facets { field values { value label count } } } }`;
const FEED = `query { changes(since: "2000-01-01T00:00:00Z", first: 100, newestFirst: true) {
  nodes { kind type id node { id } } } }`;

// The hub's own schema, built before the composed one: type-graphql keeps a field resolver's field on the class it
// extends (`Municipality.cooperations`) for every later build in the process. It does list the loaded class as a
// type implementing `Node`, which the SDL never shows: no module of the hub imports the fixture.
const ownSchema = buildHubSchema();

describe("a record type declared once (the Cooperation fixture)", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let id: string;
  const sql = <T extends object>(statement: string) => sqlOf(hub.db)<T>(statement);

  beforeAll(async () => {
    const composed = [...features, cooperationFeature];
    hub = await startTestHub({}, { features: composed });
    await sql(readFileSync(cooperationSql, "utf8"));
    // What `npm run migration:create` would write as the search migration of a new searchable type.
    await sql(searchDdl(searchableOf(composed)));
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  /** What the public and Herten's editor read of the record: by `node`, and on Herten's `cooperations`. */
  async function reads(token?: string) {
    const answer = await gql(hub, READ, { id }, token);
    expect(answer.errors).toBeUndefined();
    return {
      byNode: answer.data!.node !== null,
      inMunicipality: answer.data!.municipality.cooperations.some((c: { slug: string }) => c.slug === "herten-ikz"),
    };
  }

  it("is in the composed schema, and only there", async () => {
    const answer = await gql(
      hub,
      `{ __schema { mutationType { fields { name } } } __type(name: "Cooperation") {
      interfaces { name } fields { name } } }`,
    );
    const mutations = answer.data!.__schema.mutationType.fields.map((field: { name: string }) => field.name);
    for (const name of ["create", "update", "publish", "unpublish", "archive"]) {
      expect(mutations).toContain(`${name}Cooperation`);
    }
    expect(answer.data!.__type.interfaces.map((type: { name: string }) => type.name).sort()).toEqual([
      "Node",
      "Publishable",
    ]);
    expect(answer.data!.__type.fields.map((field: { name: string }) => field.name)).toEqual(
      expect.arrayContaining(["id", "slug", "title", "municipality", "topics", "sources", "revisions", "version"]),
    );
    expect(ownSchema.getMutationType()!.getFields().createCooperation).toBeUndefined();
    expect((ownSchema.getType("Municipality") as GraphQLObjectType).getFields().cooperations).toBeUndefined();
  });

  it("is written through the write path, and the public sees it only while published", async () => {
    const [source] = await sql<{ key: string }>(`select key from source where publication_state = 'PUBLISHED' limit 1`);
    const [topic] = await sql<{ key: string }>(`select key from topic order by key limit 1`);
    const input = { municipality: "herten", slug: "herten-ikz", title: "IKZ Digitalisierung", summary: "Gemeinsam." };
    const created = await gql(hub, CREATE, { input }, tokens.editors.herten);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCooperation).toMatchObject({ publicationState: "DRAFT", version: 1 });
    id = created.data!.createCooperation.id;
    const changes = { title: "IKZ Digitale Verwaltung", topics: [topic.key], sources: [source.key] };
    const updated = await gql(hub, UPDATE, { id, version: 1, input: changes }, tokens.editors.herten);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCooperation).toEqual({ version: 2, title: "IKZ Digitale Verwaltung" });

    expect(await reads()).toEqual({ byNode: false, inMunicipality: false });
    expect(await reads(tokens.editors.herten)).toEqual({ byNode: true, inMunicipality: true });
    expect(await reads(tokens.editors.ratingen)).toEqual({ byNode: false, inMunicipality: false });

    const published = await gql(hub, TRANSITION("publishCooperation"), { id }, tokens.editors.herten);
    expect(published.data!.publishCooperation).toEqual({ publicationState: "PUBLISHED", version: 3 });
    expect(await reads()).toEqual({ byNode: true, inMunicipality: true });
    const node = (await gql(hub, READ, { id })).data!.node;
    expect(node).toMatchObject({ municipality: { slug: "herten" }, topics: [{ key: topic.key }] });
  });

  /** The cooperations search finds for a query, and the type facet's entry for them. */
  async function found(query: string) {
    const answer = await gql(hub, SEARCH, { query });
    expect(answer.errors).toBeUndefined();
    const { hits, facets } = answer.data!.search;
    const typeFacet = facets.find((facet: { field: string }) => facet.field === "TYPE");
    return {
      slugs: hits
        .filter((hit: { node: { __typename: string } }) => hit.node.__typename === "Cooperation")
        .map((hit: { node: { slug: string } }) => hit.node.slug),
      facet: typeFacet.values.find((value: { value: string }) => value.value === "COOPERATION") ?? null,
    };
  }

  it("is found by search while published, under its own type and label", async () => {
    expect(await found("Digitale Verwaltung")).toEqual({
      slugs: ["herten-ikz"],
      facet: { value: "COOPERATION", label: "Kooperation", count: 1 },
    });
    // The document follows its municipality: renaming it rewrites the document's context.
    const [{ name }] = await sql<{ name: string }>(`select name from municipality where slug = 'herten'`);
    await sql(`update municipality set name = 'Herten Hochlar' where slug = 'herten'`);
    expect((await found("Hochlar")).slugs).toEqual(["herten-ikz"]);
    await sql(`update municipality set name = '${name}' where slug = 'herten'`);
  });

  /** The slugs `/export/cooperations.json` lists, and the CSV's header line. */
  async function exported() {
    const json = await fetch(`${hub.origin}/export/cooperations.json`);
    expect(json.status).toBe(200);
    const body = (await json.json()) as { cooperations: { slug: string }[]; count: number };
    const csv = await fetch(`${hub.origin}/export/cooperations.csv`);
    expect(csv.status).toBe(200);
    const header = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0];
    return { slugs: body.cooperations.map((record) => record.slug), count: body.count, header };
  }

  it("is exported while published, as CSV and JSON", async () => {
    expect(await exported()).toEqual({
      slugs: ["herten-ikz"],
      count: 1,
      header: "slug;title;municipality;state;summary;municipality_slug;topics;sources",
    });
  });

  it("keeps revisions and tells the change feed", async () => {
    const feed = await gql(hub, FEED);
    expect(feed.errors).toBeUndefined();
    const entries = feed.data!.changes.nodes.filter((entry: { type: string }) => entry.type === "Cooperation");
    expect(entries).toEqual([{ kind: "CREATED", type: "Cooperation", id, node: { id } }]);

    for (const name of ["unpublishCooperation", "archiveCooperation"]) {
      const answer = await gql(hub, TRANSITION(name), { id }, tokens.editors.herten);
      expect(answer.errors).toBeUndefined();
      expect(await reads()).toEqual({ byNode: false, inMunicipality: false });
      expect(await found("Digitale Verwaltung")).toEqual({ slugs: [], facet: null });
      expect((await exported()).slugs).toEqual([]);
    }
    const revisions = await gql(hub, REVISIONS, { id }, tokens.admin);
    expect(revisions.errors).toBeUndefined();
    expect(revisions.data!.node.revisions.map((revision: { action: string }) => revision.action)).toEqual([
      "ARCHIVED",
      "UNPUBLISHED",
      "PUBLISHED",
      "UPDATED",
      "CREATED",
    ]);
    const kinds = (await gql(hub, FEED))
      .data!.changes.nodes.filter((entry: { type: string }) => entry.type === "Cooperation")
      .map((entry: { kind: string }) => entry.kind);
    expect(kinds).toEqual(["UNPUBLISHED", "CREATED"]);
  });

  it("has a public view that selects what the ORM's filter shows the public", async () => {
    await sql(`insert into cooperation (created_at, updated_at, publication_state, slug, title, summary, municipality_id)
      select now(), now(), s.state, 'herten-ikz-' || lower(s.state), 'IKZ', 'Test.', m.id
        from municipality m, unnest(array['DRAFT', 'PUBLISHED', 'ARCHIVED']) as s(state) where m.slug = 'herten'`);
    const types = publicTypes(hub.db);
    const cooperation = types.filter((type) => type.table === "cooperation");
    expect(cooperation).toMatchObject([{ ownState: true, parent: null }]);
    const views = await sql<{ name: string }>(
      `select table_name as name from information_schema.views where table_name like 'public\\_%' order by 1`,
    );
    expect(views.map((view) => view.name)).toEqual(types.map((type) => `public_${type.table}`).sort());
    const visible = await sql<{ slug: string }>(`select slug from public_cooperation order by slug`);
    expect(visible.map((row) => row.slug)).toEqual(["herten-ikz-published"]);
    await expectViewsMatchOrm(hub.db, types);
  });
});
