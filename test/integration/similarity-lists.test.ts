/**
 * Stored suggestion lists (issue 18): `Project.similar` serves a project's stored list while
 * it is current. Writes through the API (create, edit, publish, unpublish, archive) delete the
 * lists they may change in their own transaction, so that what is served is what a fresh
 * computation gives; a draft, an unpublished or an archived project never reaches an anonymous
 * reader; a list computed while a write committed is never stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

let hub: TestHub;
let tokens: TestTokens;
beforeAll(async () => {
  hub = await startTestHub({ MAX_QUERY_COST: "10000000", PAGE_CACHE_SECONDS: "0" });
  tokens = await createTestTokens(hub.db.orm);
});
afterAll(() => hub?.close());

const sql = <T extends object = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  hub.db.orm.em.fork().getConnection().execute<T[]>(query, params, "all");

const EVERY_PROJECT = `{ projects(first: 100) { nodes { slug similar(first: 20) { project { slug } score reasons } } } }`;
type Answer = Record<string, { project: { slug: string }; score: number; reasons: string[] }[]>;

/** Every published project's suggestions as an anonymous reader gets them. */
async function suggestions(token?: string): Promise<Answer> {
  const answer = await gql(hub, EVERY_PROJECT, {}, token);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return Object.fromEntries(
    answer.data!.projects.nodes.map((node: { slug: string; similar: Answer[string] }) => [node.slug, node.similar]),
  );
}

/** The same answer computed from scratch: no stored list is used (and all are stored anew). */
async function fresh(token?: string): Promise<Answer> {
  await sql("delete from similarity_list");
  return suggestions(token);
}

/** Slugs and reasons of each list: what a write may change; scores may drift with frequencies (see `exact`). */
const ranking = (answer: Answer) =>
  Object.fromEntries(
    Object.entries(answer).map(([slug, list]) => [slug, list.map((s) => `${s.project.slug} ${s.reasons.join("; ")}`)]),
  );

const storedCount = async () => (await sql<{ n: number }>("select count(*)::int as n from similarity_list"))[0].n;

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { version } }`;
const VERSION = `query($slug: String!) { project(slug: $slug) { version } }`;
const transition = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { publicationState } }`;

describe("stored similarity lists", () => {
  it("stay what a fresh computation gives after create, edit, publish, unpublish and archive through the API", async () => {
    // Only the deletions by the writes keep the lists current here: no list goes stale by the number of writes.
    await sql("update similarity_state set drift_share = 1000000");
    const herten = tokens.editors.herten;
    const warm = await suggestions();
    expect(await storedCount()).toBe(Object.keys(warm).length);
    // Served from the stored lists: the same answer, and no list computed anew.
    const epoch = (await sql<{ epoch: string }>("select epoch::text from similarity_state"))[0].epoch;
    expect(await suggestions()).toEqual(warm);
    expect((await sql<{ epoch: string }>("select epoch::text from similarity_state"))[0].epoch).toBe(epoch);

    /**
     * After each write: `slug` is where a fresh computation puts it in every list, offered to nobody unless
     * `published`, and to Kelsterbach's Kita project when `forKita`.
     */
    const check = async (slug: string, published: boolean, forKita = published) => {
      const served = await suggestions();
      const computed = await fresh();
      // Lists that share nothing with the project are kept, and their ranks may differ from a fresh computation's
      // only by the moved frequencies (which the renewal by epochs, off here, bounds): the project is where it would be.
      const placeOf = (answer: Answer) =>
        Object.fromEntries(
          Object.entries(answer).map(([of, list]) => [of, list.find((s) => s.project.slug === slug) ?? null]),
        );
      expect(placeOf(served)).toEqual(placeOf(computed));
      if (slug in computed) expect(ranking({ [slug]: served[slug] })).toEqual(ranking({ [slug]: computed[slug] }));
      const offered = Object.values(served).flatMap((list) => list.map((s) => s.project.slug));
      if (!published) expect(offered.includes(slug), `${slug} offered`).toBe(false);
      expect(served["kelsterbach-kindergartenverwaltung"].some((s) => s.project.slug === slug)).toBe(forKita);
      // An editor of the project's city sees the same suggestions: drafts are never suggested to anybody.
      const asEditor = await suggestions(herten);
      const offeredToEditor = Object.values(asEditor).flatMap((list) => list.map((s) => s.project.slug));
      expect(offeredToEditor.includes(slug)).toBe(offered.includes(slug));
    };

    const slug = "herten-kita-anmeldung-zentral";
    const created = await gql(
      hub,
      CREATE,
      {
        input: {
          municipality: "herten",
          slug,
          title: "Kindergartenverwaltung zentral",
          summary: "Zentrale Anmeldung und Platzvergabe für Kindergärten und Kitas.",
          status: "PLANNED",
          topics: ["childcare", "online-services"],
          providers: ["krzn"],
          products: ["jugis"],
          sources: ["herten-vorlage-18-203"],
        },
      },
      herten,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const { id } = created.data!.createProject;
    await check(slug, false);

    const publish = await gql(hub, transition("publishProject"), { id }, herten);
    expect(publish.data!.publishProject.publicationState).toBe("PUBLISHED");
    await check(slug, true);
    // Its suggestions are stored too, and served as stored.
    expect(await storedCount()).toBe(Object.keys(await suggestions()).length);

    /** Changes the project through the API at its current version. */
    const update = async (input: Record<string, unknown>) => {
      const { version } = (await gql(hub, VERSION, { slug }, herten)).data!.project;
      return gql(hub, UPDATE, { id, version, input }, herten);
    };
    // An edit that takes away what it shared with Kelsterbach's Kita project.
    const edited = await update({
      title: "Wohngeld online",
      summary: "Anträge auf Wohngeld digital.",
      topics: ["housing"],
      providers: [],
      products: [],
    });
    expect(edited.errors, JSON.stringify(edited.errors)).toBeUndefined();
    await check(slug, true, false);
    // … and one that gives it back.
    const back = await update({
      title: "Kindergartenverwaltung zentral",
      summary: "Zentrale Anmeldung und Platzvergabe für Kindergärten und Kitas.",
      topics: ["childcare", "online-services"],
      providers: ["krzn"],
    });
    expect(back.errors, JSON.stringify(back.errors)).toBeUndefined();
    await check(slug, true);

    expect(
      (await gql(hub, transition("unpublishProject"), { id }, herten)).data!.unpublishProject.publicationState,
    ).toBe("DRAFT");
    await check(slug, false);

    expect((await gql(hub, transition("publishProject"), { id }, herten)).data!.publishProject.publicationState).toBe(
      "PUBLISHED",
    );
    await check(slug, true);
    expect((await gql(hub, transition("archiveProject"), { id }, herten)).data!.archiveProject.publicationState).toBe(
      "ARCHIVED",
    );
    await check(slug, false);
    expect(
      await sql("select 1 from similarity_list where neighbours && array(select id from project where slug = ?)", [
        slug,
      ]),
    ).toEqual([]);
  });

  it("renew every list after a write on the seed data, so that scores are exactly a fresh computation's", async () => {
    await sql("update similarity_state set drift_share = 0.001");
    await suggestions();
    const slug = "herten-projekt-ohne-bezug";
    const created = await gql(
      hub,
      CREATE,
      {
        input: {
          municipality: "herten",
          slug,
          title: "Friedhofsgebühren",
          summary: "Satzung.",
          status: "IDEA",
          topics: ["recruiting"],
          sources: ["herten-vorlage-18-203"],
        },
      },
      tokens.editors.herten,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const published = await gql(
      hub,
      transition("publishProject"),
      { id: created.data!.createProject.id },
      tokens.editors.herten,
    );
    expect(published.data!.publishProject.publicationState).toBe("PUBLISHED");
    // Fewer than 1,000 published projects: one write is more than a thousandth of them.
    const served = await suggestions();
    expect(served).toEqual(await fresh());
  });

  it("clears every list when a provider's name changes (reasons name it), and not on a save that keeps it", async () => {
    // A Ratingen project sharing Herten's Kita-Online's topic, provider and product.
    await sql(
      `insert into project (slug, title, summary, municipality_id, status, publication_state, created_at, updated_at)
       values ('ratingen-kita-krzn', 'Kita-Anmeldung', 'Online-Anmeldung für Kitas.', (select id from municipality where slug = 'ratingen'), 'PLANNED', 'PUBLISHED', now(), now())`,
    );
    const pivot = (table: string, column: string, target: string, slug: string) =>
      sql(
        `insert into ${table} (project_id, ${column}) select (select id from project where slug = 'ratingen-kita-krzn'), id from ${target} where ${target === "topic" ? "key" : "slug"} = ?`,
        [slug],
      );
    await pivot("project_topics", "topic_id", "topic", "childcare");
    await pivot("project_providers", "provider_id", "provider", "krzn");
    await pivot("project_products", "product_id", "product", "jugis");
    await suggestions();
    const stored = await storedCount();
    await sql("update provider set name = name where slug = 'krzn'");
    expect(await storedCount()).toBe(stored);
    await sql("update provider set name = 'KRZN Kamp-Lintfort' where slug = 'krzn'");
    expect(await storedCount()).toBe(0);
    const answer = await suggestions();
    expect(
      Object.values(answer)
        .flat()
        .flatMap((s) => s.reasons),
    ).toContain("same provider: KRZN Kamp-Lintfort");
  });

  it("are all cleared by a bulk write of more than 100 projects, and by it only", async () => {
    await suggestions();
    const stored = await storedCount();
    const insert = (from: number, to: number) =>
      sql(
        `insert into project (slug, title, summary, municipality_id, status, publication_state, created_at, updated_at)
         select 'bulk-list-' || i, 'Sammelprojekt ' || i, 'Grabstellen', (select id from municipality where slug = 'ratingen'), 'PLANNED', 'DRAFT', now(), now()
           from generate_series(?::int, ?::int) as i`,
        [from, to],
      );
    // Drafts sharing nothing with anybody: the stored lists stay.
    await insert(1, 100);
    expect(await storedCount()).toBe(stored);
    await insert(101, 201);
    expect(await storedCount()).toBe(0);
  });

  it("never stores a list computed before a write committed", async () => {
    const [{ id }] = await sql<{ id: number }>("select id from project where slug = 'herten-kita-online'");
    await sql("delete from similarity_list where project_id = ?", [id]);
    const [{ epoch }] = await sql<{ epoch: string }>("select epoch::text from similarity_state");
    const store = (at: string) =>
      sql(`select similarity_store(?::bigint, array[?]::int[], '[[]]'::jsonb, '[[]]'::jsonb, '[[]]'::jsonb)`, [at, id]);
    await store(String(BigInt(epoch) - 1n));
    expect(await sql("select 1 from similarity_list where project_id = ?", [id])).toEqual([]);
    await store(epoch);
    expect(await sql("select matches from similarity_list where project_id = ?", [id])).toEqual([{ matches: [] }]);
  });
});
