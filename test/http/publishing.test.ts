/**
 * Publishing over HTTP: drafts are private to their city's editors and admins on
 * every read path, publishing makes a record public, updates guard against stale
 * versions, archived records are gone for the public, every write leaves a
 * revision, and the change feed tells portals what changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id slug publicationState version title } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { id version title note topics { key } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int) { publishProject(id: $id, version: $version) { publicationState version } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishProject(id: $id) { publicationState version } }`;
const ARCHIVE = `mutation($id: ID!) { archiveProject(id: $id) { publicationState version } }`;
const READ = `query($slug: String!, $id: ID!) {
  project(slug: $slug) { title }
  node(id: $id) { id }
  projects(filter: { municipalities: ["herten"] }, first: 100) { totalCount nodes { slug } }
  municipality(slug: "herten") { projects(first: 100) { totalCount nodes { slug } } }
}`;
const REVISIONS = `query($slug: String!) { project(slug: $slug) { revisions { action actor version changes { field before after } } } }`;
const FEED = `query($since: DateTime!, $after: String, $first: Int) { changes(since: $since, after: $after, first: $first) {
  totalCount pageInfo { hasNextPage endCursor } nodes { kind type id at node { id ... on Project { slug } } } } }`;
const EPOCH = "2000-01-01T00:00:00.000Z";

const codes = (answer: { errors?: { extensions?: Record<string, any> }[] }) =>
  answer.errors?.map((error) => error.extensions?.code);

function newProject(slug: string, extra: Record<string, unknown> = {}) {
  return {
    input: {
      municipality: "herten",
      slug,
      title: "Digitale Bauakte",
      summary: "Bauanträge werden digital bearbeitet.",
      status: "PLANNED",
      ...extra,
    },
  };
}

describe("publishing", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let herten: string;
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    herten = tokens.editors.herten;
  });
  afterAll(() => hub?.close());

  async function reads(slug: string, id: string, token?: string) {
    const answer = await gql(hub, READ, { slug, id }, token);
    expect(answer.errors).toBeUndefined();
    const data = answer.data!;
    return {
      bySlug: data.project !== null,
      byNode: data.node !== null,
      inList: data.projects.nodes.some((node: { slug: string }) => node.slug === slug),
      inMunicipality: data.municipality.projects.nodes.some((node: { slug: string }) => node.slug === slug),
      total: data.projects.totalCount as number,
    };
  }

  it("keeps a draft to its city's editors and admins, on every read path", async () => {
    const created = await gql(hub, CREATE, newProject("herten-digitale-bauakte"), herten);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProject).toMatchObject({
      slug: "herten-digitale-bauakte",
      publicationState: "DRAFT",
      version: 1,
    });
    const { id } = created.data!.createProject;
    const hidden = { bySlug: false, byNode: false, inList: false, inMunicipality: false };
    const shown = { bySlug: true, byNode: true, inList: true, inMunicipality: true };
    expect(await reads("herten-digitale-bauakte", id)).toMatchObject(hidden);
    expect(await reads("herten-digitale-bauakte", id, tokens.editors.ratingen)).toMatchObject(hidden);
    expect(await reads("herten-digitale-bauakte", id, herten)).toMatchObject(shown);
    expect(await reads("herten-digitale-bauakte", id, tokens.admin)).toMatchObject(shown);
    // The embeds are public pages: a draft does not exist there.
    expect((await fetch(`${hub.origin}/embed/projects/herten-digitale-bauakte`)).status).toBe(404);
    expect((await fetch(`${hub.origin}/projekte/herten-digitale-bauakte`)).status).toBe(404);
    const public_ = await reads("herten-digitale-bauakte", id);
    const own = await reads("herten-digitale-bauakte", id, herten);
    expect(own.total).toBe(public_.total + 1);
  });

  it("publishes only what has a topic and a source, then shows it to everybody", async () => {
    const { data } = await gql(hub, CREATE, newProject("herten-e-rechnung"), herten);
    const { id } = data!.createProject;
    const refused = await gql(hub, PUBLISH, { id }, herten);
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    // Both preconditions at once, each at the input field an editor fills to mend it.
    expect(refused.errors![0].message).toBe(
      "The input has 2 problems; nothing was saved. This project cannot be published yet: it has no topic. This project cannot be published yet: it cites no published source.",
    );
    expect(refused.errors![0].extensions!.fields).toEqual(["input.topics", "input.sources"]);
    expect(refused.errors![0].extensions!.problems).toEqual([
      {
        path: "input.topics",
        message: "This project cannot be published yet: it has no topic.",
        code: "BAD_USER_INPUT",
      },
      {
        path: "input.sources",
        message: "This project cannot be published yet: it cites no published source.",
        code: "BAD_USER_INPUT",
      },
    ]);
    const updated = await gql(
      hub,
      UPDATE,
      { id, version: 1, input: { topics: ["e-file"], sources: ["herten-vorlage-18-203"] } },
      herten,
    );
    expect(updated.data!.updateProject).toMatchObject({ version: 2, topics: [{ key: "e-file" }] });
    const published = await gql(hub, PUBLISH, { id, version: 2 }, herten);
    expect(published.data!.publishProject).toEqual({ publicationState: "PUBLISHED", version: 3 });
    expect(await reads("herten-e-rechnung", id)).toMatchObject({
      bySlug: true,
      byNode: true,
      inList: true,
      inMunicipality: true,
    });
    expect((await fetch(`${hub.origin}/embed/projects/herten-e-rechnung`)).status).toBe(200);
    // Publishing again changes nothing and writes no revision.
    expect((await gql(hub, PUBLISH, { id }, herten)).data!.publishProject).toEqual({
      publicationState: "PUBLISHED",
      version: 3,
    });
    const revisions = (await gql(hub, REVISIONS, { slug: "herten-e-rechnung" }, herten)).data!.project.revisions;
    expect(revisions.map((revision: { action: string }) => revision.action)).toEqual([
      "PUBLISHED",
      "UPDATED",
      "CREATED",
    ]);
    expect(revisions[0]).toEqual({
      action: "PUBLISHED",
      actor: "Redaktion herten",
      version: 3,
      changes: [{ field: "publicationState", before: "DRAFT", after: "PUBLISHED" }],
    });
    expect(revisions[1].changes).toEqual([
      { field: "sources", before: [], after: ["herten-vorlage-18-203"] },
      { field: "topics", before: [], after: ["e-file"] },
    ]);
  });

  it("refuses an update of a stale version with CONFLICT and keeps the colleague's edit", async () => {
    const { data } = await gql(hub, CREATE, newProject("herten-ratsinformationssystem"), herten);
    const { id } = data!.createProject;
    expect(
      (await gql(hub, UPDATE, { id, version: 1, input: { note: "Kollegin" } }, herten)).data!.updateProject.version,
    ).toBe(2);
    const before = await databaseDigest(hub.db.orm);
    const stale = await gql(hub, UPDATE, { id, version: 1, input: { note: "ich" } }, herten);
    expect(codes(stale)).toEqual(["CONFLICT"]);
    expect(stale.errors![0].message).toMatch(/you sent version 1, it is now at version 2/);
    expect(stale.errors![0].extensions!.currentVersion).toBe(2);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
    const read = await gql(hub, `{ project(slug: "herten-ratsinformationssystem") { note version } }`, {}, herten);
    expect(read.data!.project).toEqual({ note: "Kollegin", version: 2 });
  });

  it("lets exactly one of two simultaneous updates of the same version win", async () => {
    const { data } = await gql(hub, CREATE, newProject("herten-parallel"), herten);
    const { id } = data!.createProject;
    const answers = await Promise.all(
      ["eins", "zwei", "drei", "vier"].map((note) =>
        gql(hub, UPDATE, { id, version: 1, input: { note } }, note === "zwei" ? tokens.admin : herten),
      ),
    );
    const won = answers.filter((answer) => !answer.errors);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => codes(answer)?.[0] === "CONFLICT")).toHaveLength(3);
    const revisions = (await gql(hub, REVISIONS, { slug: "herten-parallel" }, herten)).data!.project.revisions;
    expect(revisions).toHaveLength(2);
    expect(revisions[0].changes).toEqual([{ field: "note", before: null, after: won[0].data!.updateProject.note }]);
  });

  it("hides unpublished and archived records again, and an archived one can no longer change", async () => {
    const { data } = await gql(
      hub,
      CREATE,
      newProject("herten-archiv", { topics: ["e-file"], sources: ["herten-vorlage-18-203"] }),
      herten,
    );
    const { id } = data!.createProject;
    await gql(hub, PUBLISH, { id }, herten);
    expect((await gql(hub, UNPUBLISH, { id }, herten)).data!.unpublishProject.publicationState).toBe("DRAFT");
    expect(await reads("herten-archiv", id)).toMatchObject({ bySlug: false, byNode: false, inList: false });
    await gql(hub, PUBLISH, { id }, herten);
    expect((await gql(hub, ARCHIVE, { id }, herten)).data!.archiveProject.publicationState).toBe("ARCHIVED");
    expect(await reads("herten-archiv", id)).toMatchObject({ bySlug: false, byNode: false, inList: false });
    expect(await reads("herten-archiv", id, herten)).toMatchObject({ bySlug: true });
    for (const attempt of [
      gql(hub, UPDATE, { id, version: 5, input: { note: "x" } }, herten),
      gql(hub, PUBLISH, { id }, herten),
      gql(hub, UNPUBLISH, { id }, herten),
    ]) {
      const answer = await attempt;
      expect(codes(answer)).toEqual(["CONFLICT"]);
      expect(answer.errors![0].message).toMatch(/archived/);
    }
    const revisions = (await gql(hub, REVISIONS, { slug: "herten-archiv" }, tokens.admin)).data!.project.revisions;
    expect(revisions.map((revision: { action: string }) => revision.action)).toEqual([
      "ARCHIVED",
      "PUBLISHED",
      "UNPUBLISHED",
      "PUBLISHED",
      "CREATED",
    ]);
  });

  it("keeps a published record complete, and hides a draft source it cites from the public", async () => {
    const source = await gql(
      hub,
      `mutation { createSource(input: { key: "herten-entwurf-quelle", title: "Interner Entwurf" }) { key publicationState } }`,
      {},
      herten,
    );
    expect(source.data).toEqual({ createSource: { key: "herten-entwurf-quelle", publicationState: "DRAFT" } });
    const { data } = await gql(hub, `{ project(slug: "herten-kita-online") { id version sources { key } } }`);
    const { id, version, sources } = data!.project;
    const keys = sources.map((item: { key: string }) => item.key);
    const emptied = await gql(hub, UPDATE, { id, version, input: { topics: [] } }, herten);
    expect(codes(emptied)).toEqual(["BAD_USER_INPUT"]);
    expect(emptied.errors![0].message).toBe(
      "This project is published and must stay complete: it has no topic; unpublish it first to change that.",
    );
    const cited = await gql(
      hub,
      UPDATE,
      { id, version, input: { sources: [...keys, "herten-entwurf-quelle"] } },
      herten,
    );
    expect(cited.errors).toBeUndefined();
    const read = `{ project(slug: "herten-kita-online") { sources { key } } }`;
    expect((await gql(hub, read)).data!.project.sources.map((item: { key: string }) => item.key)).toEqual(keys);
    expect((await gql(hub, read, {}, herten)).data!.project.sources.map((item: { key: string }) => item.key)).toContain(
      "herten-entwurf-quelle",
    );
  });

  it("shows revisions to the city's editors and admins only", async () => {
    for (const token of [undefined, tokens.editors.ratingen]) {
      const answer = await gql(hub, REVISIONS, { slug: "herten-e-rechnung" }, token);
      expect(codes(answer)).toEqual(["FORBIDDEN"]);
      expect(answer.data).toEqual({ project: { revisions: null } });
    }
  });

  it("hides a published field of action while its strategy is a draft", async () => {
    const strategy = await gql(
      hub,
      `mutation { createStrategy(input: { municipality: "herten", slug: "herten-strategie-2030", title: "Herten 2030", status: DRAFT, summary: "Entwurf.", sources: ["herten-vorlage-18-203"] }) { id } }`,
      {},
      herten,
    );
    expect(strategy.errors).toBeUndefined();
    const field = await gql(
      hub,
      `mutation { createFieldOfAction(input: { strategy: "herten-strategie-2030", title: "Schulen", topics: ["schools"] }) { id position } }`,
      {},
      herten,
    );
    expect(field.errors).toBeUndefined();
    expect(field.data!.createFieldOfAction.position).toBe(1);
    const fieldId = field.data!.createFieldOfAction.id;
    const publishedField = await gql(
      hub,
      `mutation($id: ID!) { publishFieldOfAction(id: $id) { publicationState } }`,
      { id: fieldId },
      herten,
    );
    expect(publishedField.data).toEqual({ publishFieldOfAction: { publicationState: "PUBLISHED" } });
    const node = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await gql(hub, node, { id: fieldId })).data!.node).toBeNull();
    expect((await gql(hub, node, { id: fieldId }, herten)).data!.node).toEqual({ id: fieldId });
    const publishedStrategy = await gql(
      hub,
      `mutation($id: ID!) { publishStrategy(id: $id) { publicationState } }`,
      { id: strategy.data!.createStrategy.id },
      herten,
    );
    expect(publishedStrategy.data).toEqual({ publishStrategy: { publicationState: "PUBLISHED" } });
    expect((await gql(hub, node, { id: fieldId })).data!.node).toEqual({ id: fieldId });
    const fields = await gql(hub, `{ strategy(slug: "herten-strategie-2030") { fieldsOfAction { title } } }`);
    expect(fields.data!.strategy.fieldsOfAction).toEqual([{ title: "Schulen" }]);
  });

  it("lists public changes in commit order, pages through them, and never shows a draft's", async () => {
    const all = await gql(hub, FEED, { since: EPOCH, first: 100 });
    expect(all.errors).toBeUndefined();
    const feed = all.data!.changes.nodes as {
      kind: string;
      type: string;
      id: string;
      at: string;
      node: { slug?: string } | null;
    }[];
    const projects = feed.filter((change) => change.type === "Project");
    // Drafts that were never public (bauakte, ratsinformationssystem, parallel) are not in it.
    expect(projects.map((change) => [change.kind, change.node?.slug ?? null])).toEqual([
      ["CREATED", "herten-e-rechnung"],
      ["CREATED", null],
      ["UNPUBLISHED", null],
      ["CREATED", null],
      ["ARCHIVED", null],
      ["UPDATED", "herten-kita-online"],
    ]);
    // The field of action published under a draft strategy never was public on its own: its strategy's CREATED stands for it.
    expect(feed.filter((change) => change.type === "FieldOfAction")).toEqual([]);
    expect(feed.filter((change) => change.type === "Strategy").map((change) => change.kind)).toEqual(["CREATED"]);
    expect(feed.map((change) => change.at)).toEqual([...feed.map((change) => change.at)].sort());
    let after: string | null = null;
    const paged: string[] = [];
    do {
      const page: any = await gql(hub, FEED, { since: EPOCH, first: 2, after });
      paged.push(
        ...page.data.changes.nodes.map((change: { id: string; kind: string }) => `${change.kind}:${change.id}`),
      );
      after = page.data.changes.pageInfo.hasNextPage ? page.data.changes.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(feed.map((change) => `${change.kind}:${change.id}`));
    const later = await gql(hub, FEED, { since: feed[1].at, first: 100 });
    expect(
      later.data!.changes.nodes.map((change: { id: string; kind: string }) => `${change.kind}:${change.id}`),
    ).toEqual(feed.filter((change) => change.at > feed[1].at).map((change) => `${change.kind}:${change.id}`));
  });

  it("rejects a malformed `since` and a foreign cursor with a clear error", async () => {
    expect(codes(await gql(hub, FEED, { since: "gestern" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await gql(hub, FEED, { since: "1999-12-31T00:00:00Z" }))).toEqual(["BAD_USER_INPUT"]);
    const projects = await gql(hub, `{ projects(first: 1) { pageInfo { endCursor } } }`);
    const foreign = await gql(hub, FEED, { since: EPOCH, after: projects.data!.projects.pageInfo.endCursor });
    expect(codes(foreign)).toEqual(["BAD_USER_INPUT"]);
    for (const value of [1.5, 3e9, -1e20]) {
      const crafted = Buffer.from(JSON.stringify(["Revision", "id", "ASC", value, 1])).toString("base64url");
      expect(codes(await gql(hub, FEED, { since: EPOCH, after: crafted })), String(value)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("answers wrong input with BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const before = await databaseDigest(hub.db.orm);
    const wrong: [Record<string, unknown>, string][] = [
      [newProject("Mit Leerzeichen"), "input.slug"],
      [newProject("kita-online"), "input.slug"],
      [newProject("herten-x", { title: "   " }), "input.title"],
      [newProject("herten-x", { summary: "x".repeat(20_001) }), "input.summary"],
      [newProject("herten-x", { topics: ["gibt-es-nicht"] }), "input.topics"],
      [newProject("herten-x", { providers: Array.from({ length: 51 }, (_, index) => `p${index}`) }), "input.providers"],
      [newProject("herten-x", { strategy: "ratingen-digital-2025plus" }), "input.strategy"],
      [newProject("herten-x", { municipality: "atlantis" }), "input.municipality"],
    ];
    for (const [variables, field] of wrong) {
      const answer = await gql(hub, CREATE, variables, herten);
      expect(codes(answer), field).toEqual(["BAD_USER_INPUT"]);
      expect(JSON.stringify(answer.errors![0].extensions), field).toContain(field.replace("input.", ""));
      expect(answer.errors![0].message).not.toMatch(/\bat \w+ \(|node_modules|select |insert /i);
    }
    const { data } = await gql(hub, `{ project(slug: "herten-kita-online") { id version } }`);
    const { id, version } = data!.project;
    const cleared = await gql(hub, UPDATE, { id, version, input: { title: null } }, herten);
    expect(codes(cleared)).toEqual(["BAD_USER_INPUT"]);
    expect(cleared.errors![0].message).toBe("input.title cannot be empty; leave it out to keep the current value.");
    const wrongType = await gql(hub, UPDATE, { id: "kein-gültiger-Schlüssel!", version, input: {} }, herten);
    expect(codes(wrongType)).toEqual(["BAD_USER_INPUT"]);
    const strategyId = (await gql(hub, `{ strategy(slug: "herten-it-digitalisierungsstrategie") { id } }`)).data!
      .strategy.id;
    expect(codes(await gql(hub, UPDATE, { id: strategyId, version: 1, input: {} }, herten))).toEqual([
      "BAD_USER_INPUT",
    ]);
    const missing = await gql(
      hub,
      UPDATE,
      { id: Buffer.from("Project:999999").toString("base64url"), version: 1, input: {} },
      herten,
    );
    expect(codes(missing)).toEqual(["NOT_FOUND"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("lets admins add topics and providers that editors then use", async () => {
    const topic = await gql(
      hub,
      `mutation { createTopic(input: { key: "e-invoice", labelDe: "E-Rechnung", labelEn: "e-invoice", description: "Elektronische Rechnungen." }) { key label } }`,
      {},
      tokens.admin,
    );
    expect(topic.data!.createTopic).toEqual({ key: "e-invoice", label: "E-Rechnung" });
    const provider = await gql(
      hub,
      `mutation { createProvider(input: { slug: "civitec", name: "Civitec", kind: MUNICIPAL_IT_SERVICE_PROVIDER, description: "Zweckverband.", statesServed: [NW, NW] }) { slug statesServed } }`,
      {},
      tokens.admin,
    );
    expect(provider.data!.createProvider).toEqual({ slug: "civitec", statesServed: ["NW"] });
    const project = await gql(
      hub,
      CREATE,
      newProject("herten-e-rechnung-2", { topics: ["e-invoice"], providers: ["civitec"] }),
      herten,
    );
    expect(project.errors).toBeUndefined();
    const wrongKey = await gql(
      hub,
      `mutation { createMunicipality(input: { slug: "neustadt", name: "Neustadt", officialKey: "06000000", state: NW }) { id } }`,
      {},
      tokens.admin,
    );
    expect(codes(wrongKey)).toEqual(["BAD_USER_INPUT"]);
    expect(wrongKey.errors![0].message).toMatch(/does not belong to state NW/);
  });
  it("treats another city's drafts as unknown to its editors: no citing, no probing by ID", async () => {
    const ratingen = tokens.editors.ratingen;
    const citing = await gql(
      hub,
      CREATE,
      {
        input: { ...newProject("ratingen-zitat").input, municipality: "ratingen", sources: ["herten-entwurf-quelle"] },
      },
      ratingen,
    );
    expect(codes(citing)).toEqual(["BAD_USER_INPUT"]);
    expect(citing.errors![0].message).toMatch(/^Unknown value in input\.sources\[0\]: "herten-entwurf-quelle"/);
    const draft = (await gql(hub, `{ project(slug: "herten-digitale-bauakte") { id } }`, {}, herten)).data!.project.id;
    const probe = await gql(hub, UPDATE, { id: draft, version: 1, input: { note: "x" } }, ratingen);
    expect(codes(probe)).toEqual(["NOT_FOUND"]);
    const published = (await gql(hub, `{ project(slug: "herten-kita-online") { id version } }`)).data!.project;
    expect(
      codes(await gql(hub, UPDATE, { id: published.id, version: published.version, input: { note: "x" } }, ratingen)),
    ).toEqual(["FORBIDDEN"]);
  });

  it("does not put a strategy on a topic through a draft field of action", async () => {
    const field = await gql(
      hub,
      `mutation { createFieldOfAction(input: { strategy: "herten-it-digitalisierungsstrategie", title: "Abfall", topics: ["waste-management"] }) { id } }`,
      {},
      herten,
    );
    expect(field.errors).toBeUndefined();
    const onTopic = `{ strategies(filter: { municipalities: ["herten"], topics: ["waste-management"] }) { totalCount } }`;
    expect((await gql(hub, onTopic)).data!.strategies.totalCount).toBe(0);
    expect((await gql(hub, onTopic, {}, herten)).data!.strategies.totalCount).toBe(1);
  });

  it("never lets a shared cache keep an answer given to a token holder", async () => {
    const url = new URL(hub.url);
    url.searchParams.set("query", '{ project(slug: "herten-kita-online") { title } }');
    const anonymous = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(anonymous.headers.get("cache-control")).toBe("max-age=60, public");
    expect(anonymous.headers.get("vary")).toMatch(/Authorization/);
    const editor = await fetch(url, {
      headers: { "apollo-require-preflight": "true", authorization: `Bearer ${herten}` },
    });
    expect(editor.status).toBe(200);
    expect(editor.headers.get("cache-control") ?? "").not.toMatch(/public|max-age=[1-9]/);
    expect(editor.headers.get("vary")).toMatch(/Authorization/);
  });

  it("freezes the records of an archived strategy", async () => {
    const { data } = await gql(
      hub,
      `{ strategy(slug: "herten-strategie-2030") { id fieldsOfAction { id version } } }`,
      {},
      herten,
    );
    const [field] = data!.strategy.fieldsOfAction;
    expect(
      (
        await gql(
          hub,
          `mutation($id: ID!) { archiveStrategy(id: $id) { publicationState } }`,
          { id: data!.strategy.id },
          herten,
        )
      ).errors,
    ).toBeUndefined();
    const update = await gql(
      hub,
      `mutation($id: ID!, $v: Int!) { updateFieldOfAction(id: $id, version: $v, input: { title: "Neu" }) { id } }`,
      { id: field.id, v: field.version },
      herten,
    );
    expect(codes(update)).toEqual(["CONFLICT"]);
    expect(update.errors![0].message).toBe(
      "This field of action belongs to an archived record and can no longer be changed.",
    );
    const create = await gql(
      hub,
      `mutation { createFieldOfAction(input: { strategy: "herten-strategie-2030", title: "Noch eins" }) { id } }`,
      {},
      herten,
    );
    expect(codes(create)).toEqual(["BAD_USER_INPUT"]);
    expect(create.errors![0].message).toMatch(/archived/);
  });
});
