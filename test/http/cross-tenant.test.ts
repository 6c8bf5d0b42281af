/**
 * The cross-tenant matrix: every mutation of the API, sent by an editor of another
 * city (FORBIDDEN), anonymously (UNAUTHENTICATED) and with a revoked token
 * (UNAUTHENTICATED), leaves every table as it was. The same mutations sent by the
 * right token succeed, so the refusals are not an accident of bad arguments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import { createToken, revokeToken } from "../../schema/token/token.service.js";
import { gql } from "../support/client.js";
import { contentDigest, databaseDigest } from "../support/digest.js";
import { EditorBrowser } from "../support/editor-browser.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import {
  allMutations,
  CITIES,
  createTestTokens,
  findTargets,
  type MutationCase,
  type TestTokens,
} from "../support/mutations.js";

describe("cross-tenant matrix", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let cases: MutationCase[];
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    cases = allMutations(await findTargets(hub.db.orm));
    // Verifying a token stamps its last use once a minute; do that before the digests are taken.
    for (const token of [...Object.values(tokens.editors), tokens.admin])
      expect((await gql(hub, "{ viewer { name } }", {}, token)).data?.viewer).not.toBeNull();
  });
  afterAll(() => hub?.close());

  it("covers every mutation of the schema", async () => {
    const { data } = await gql(hub, "{ __schema { mutationType { fields { name } } } }");
    const names = data!.__schema.mutationType.fields.map((field: { name: string }) => field.name).sort();
    expect(cases.map((entry) => entry.name).sort()).toEqual(names);
    expect(names.length).toBe(53);
  });

  it("refuses every mutation to other cities' editors, anonymous callers and revoked tokens, and changes nothing", async () => {
    const before = await databaseDigest(hub.db.orm);
    for (const entry of cases) {
      const stranger = tokens.editors[CITIES.find((city) => city !== entry.city)!];
      const forbidden = await gql(hub, entry.query, entry.variables, stranger);
      expect(
        forbidden.errors?.map((error) => error.extensions?.code),
        `${entry.name} by another city's editor`,
      ).toEqual(["FORBIDDEN"]);
      expect(forbidden.errors![0].message, entry.name).toMatch(
        entry.adminOnly || !entry.city ? /^Only admin tokens/ : /belongs to another municipality/,
      );
      if (entry.adminOnly && entry.city) {
        // Its own city's editor may not write it either: municipalities are the operators' to keep.
        const own = await gql(hub, entry.query, entry.variables, tokens.editors[entry.city]);
        expect(
          own.errors?.map((error) => error.extensions?.code),
          `${entry.name} by its own city's editor`,
        ).toEqual(["FORBIDDEN"]);
        expect(own.errors![0].message).toMatch(/^Only admin tokens/);
      }
      const anonymous = await gql(hub, entry.query, entry.variables);
      expect(
        anonymous.errors?.map((error) => error.extensions?.code),
        `${entry.name} anonymously`,
      ).toEqual(["UNAUTHENTICATED"]);
      const revoked = await gql(hub, entry.query, entry.variables, tokens.revoked);
      expect(revoked.status, `${entry.name} with a revoked token`).toBe(401);
      expect(revoked.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    }
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("refuses a token revoked after the hub cached it, at once, for writes", async () => {
    const { token, record } = await createToken(hub.db.orm.em.fork(), {
      name: "Bald weg",
      role: TokenRole.EDITOR,
      municipalitySlug: "herten",
    });
    expect((await gql(hub, "{ viewer { name } }", {}, token)).data?.viewer).toEqual({ name: "Bald weg" });
    await revokeToken(hub.db.orm.em.fork(), record.id);
    const before = await databaseDigest(hub.db.orm);
    const entry = cases.find((candidate) => candidate.name === "createProject")!;
    const answer = await gql(hub, entry.query, entry.variables, token);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(answer.errors![0].message).toMatch(/revoked/);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("refuses every form POST of the editor pages by another city's editor, anonymous, expired or without the form secret, and changes nothing", async () => {
    // Herten's record of each kind with a form, found as Herten's editor (drafts included); a budget line made first,
    // since the seed's strategies have none.
    const first = await gql(
      hub,
      `{ strategies(filter: { municipalities: ["herten"] }, first: 1) { nodes { slug } } }`,
      {},
      tokens.editors.herten,
    );
    const line = await gql(
      hub,
      `mutation($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) { id } }`,
      {
        input: {
          strategy: first.data!.strategies.nodes[0].slug,
          year: 2025,
          amount: "1000",
          category: "OTHER",
          description: "Für die Formularprobe",
        },
      },
      tokens.editors.herten,
    );
    expect(line.errors).toBeUndefined();
    const { data } = await gql(
      hub,
      `{ projects(filter: { municipalities: ["herten"] }, first: 1) { nodes { slug } }
         strategies(filter: { municipalities: ["herten"] }, first: 1) {
           nodes { slug fieldsOfAction { id } budget(first: 1) { id } }
         }
         municipality(slug: "herten") { indicators(first: 1) { key } }
         lessons(filter: { municipalities: ["herten"] }, first: 1) { nodes { slug } }
         sources(municipality: "herten", first: 1) { nodes { key } }
         municipality(slug: "herten") { decisions(first: 1) { key } engagements(first: 1) { id } } }`,
      {},
      tokens.editors.herten,
    );
    const keys: Record<string, string | undefined> = {
      projekte: data!.projects.nodes[0]?.slug,
      strategien: data!.strategies.nodes[0]?.slug,
      erfahrungen: data!.lessons.nodes[0]?.slug,
      quellen: data!.sources.nodes[0]?.key,
      beschluesse: data!.municipality.decisions[0]?.key,
      beauftragungen: data!.municipality.engagements[0]?.id,
      // A strategy's parts, by their global IDs (encoded for the path), and the city's indicators by key.
      handlungsfelder: data!.strategies.nodes[0]?.fieldsOfAction[0]?.id,
      haushaltsposten: data!.strategies.nodes[0]?.budget[0]?.id,
      kennzahlen: data!.municipality.indicators[0]?.key,
    };
    const posts: { path: string; form: Record<string, string> }[] = [];
    const fields = {
      title: "Übernommen",
      summary: "Fremd",
      body: "Fremd",
      slug: "herten-fremd",
      key: "herten-fremd",
      // A part of Herten's strategy, created by whoever posts.
      strategy: data!.strategies.nodes[0]?.slug ?? "",
      description: "Fremd",
      year: "2025",
      amount: "100",
      category: "PERSONNEL",
      name: "Fremd",
      unit: "Stück",
      "values[0].value": "1",
      "values[0].asOf": "2024",
    };
    for (const [segment, raw] of Object.entries(keys)) {
      posts.push({ path: `/meine-kommune/${segment}/neu`, form: { ...fields, aktion: "speichern" } });
      if (!raw) continue;
      const key = encodeURIComponent(raw);
      posts.push({
        path: `/meine-kommune/${segment}/${key}/bearbeiten`,
        form: { ...fields, version: "1", aktion: "speichern" },
      });
      for (const aktion of ["veroeffentlichen", "zurueckziehen", "archivieren"])
        posts.push({ path: `/meine-kommune/${segment}/${key}/stand`, form: { version: "1", aktion } });
    }
    expect(Object.values(keys).filter(Boolean).length).toBeGreaterThanOrEqual(4);
    // Herten's seeded council decisions and engagements, and its strategy's parts, are posted to as well.
    for (const segment of ["beschluesse", "beauftragungen", "handlungsfelder", "haushaltsposten", "kennzahlen"])
      expect(keys[segment], segment).toBeTruthy();
    const signedIn = async (token: string) => {
      const browser = new EditorBrowser(hub.origin);
      expect((await browser.signIn(token)).status).toBe(303);
      const page = await browser.request("/meine-kommune");
      return { browser, csrf: EditorBrowser.csrfOf(page.text) };
    };
    const stranger = await signedIn(tokens.editors.ratingen);
    const own = await signedIn(tokens.editors.herten);
    const expired = await signedIn(tokens.editors.herten);
    const before = await contentDigest(hub.db.orm);
    await hub.db.orm.em
      .fork()
      .getConnection()
      .execute(
        "update editor_session set expires_at = now() - interval '1 second' where id = (select max(id) from editor_session)",
      );
    for (const { path, form } of posts) {
      const foreign = await stranger.browser.request(path, { method: "POST", form: { ...form, csrf: stranger.csrf } });
      // A "new" form of the stranger's own city is theirs to post; only its slug in Herten's naming is refused.
      if (!path.endsWith("/neu")) expect(foreign.status, `${path} by Ratingen`).toBe(404);
      else expect(foreign.status, `${path} by Ratingen`).toBe(400);
      const anonymous = await new EditorBrowser(hub.origin).request(path, { method: "POST", form });
      expect(anonymous.status, `${path} anonymously`).toBe(401);
      const late = await expired.browser.request(path, { method: "POST", form: { ...form, csrf: expired.csrf } });
      expect(late.status, `${path} with an expired session`).toBe(401);
      const withoutSecret = await own.browser.request(path, { method: "POST", form });
      expect(withoutSecret.status, `${path} without the form secret`).toBe(403);
    }
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("lets the right token run every mutation (the positive control)", async () => {
    // Archiving last, parents after their children: an archived strategy freezes its fields of action.
    const rank = (name: string) =>
      !name.startsWith("archive") ? 0 : name === "archiveStrategy" || name === "archiveProject" ? 2 : 1;
    for (const entry of [...cases].sort((a, b) => rank(a.name) - rank(b.name))) {
      const token = entry.adminOnly || !entry.city ? tokens.admin : tokens.editors[entry.city];
      const answer = await gql(hub, entry.query, entry.variables, token);
      expect(answer.errors, entry.name).toBeUndefined();
    }
  });
});
