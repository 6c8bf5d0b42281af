/**
 * Freshness and history over HTTP (issue 16): a status carries the date its source gives it for ("Stand laut
 * Quelle"), on the API, the project and strategy pages and the card; a project's public status history starts with
 * its source's status and grows by each status change that becomes public, never by a draft's; and the deprecated
 * strategy status `DRAFT` is taken as `IN_PREPARATION`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const HISTORY = `query($slug: String!) { project(slug: $slug) {
  status statusAsOf statusHistory { status since recordedAt source { key } } } }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) {
  updateProject(id: $id, version: $version, input: $input) { version status statusAsOf } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { version } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishProject(id: $id) { version } }`;
const KITA = "herten-kita-online";

const codes = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.map((error) => error.extensions?.code);

describe("status as of the source, and the public status history", () => {
  let hub: TestHub;
  let tokens: TestTokens;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  async function history(slug: string, token?: string) {
    const answer = await gql(hub, HISTORY, { slug }, token);
    expect(answer.errors).toBeUndefined();
    return answer.data!.project;
  }

  const page = async (path: string) => (await fetch(`${hub.origin}${path}`)).text();

  it("gives Herten's Kita project the date of its 2018 council paper, on the API, its page and its card", async () => {
    const project = await history(KITA);
    expect(project.statusAsOf).toBe("2018-11");
    expect(project.statusHistory).toEqual([
      { status: "PLANNED", since: "2018-11", recordedAt: expect.any(String), source: { key: "herten-vorlage-18-203" } },
    ]);
    const html = await page(`/projekte/${KITA}`);
    expect(html).toContain('Stand laut Quelle: <time datetime="2018-11">November 2018</time>');
    expect(html).toContain('<h2 id="statusverlauf">Statusverlauf</h2>');
    const card = await page(`/embed/projects/${KITA}`);
    expect(card).toContain('Stand laut Quelle: <time datetime="2018-11">November 2018</time>');
    expect(card).toMatch(/Zuletzt geändert: <time datetime="[^"]+">\d{1,2}\. \w+ \d{4}<\/time>/);
  });

  it("shows a strategy's status with its source's date, under the new name of the old DRAFT", async () => {
    const answer = await gql(hub, `{ strategy(slug: "herten-it-digitalisierungsstrategie") { status statusAsOf } }`);
    expect(answer.data?.strategy).toEqual({ status: "IN_PREPARATION", statusAsOf: "2018-11" });
    const html = await page("/strategien/herten-it-digitalisierungsstrategie");
    expect(html).toContain("In Erarbeitung");
    expect(html).toContain('Stand laut Quelle: <time datetime="2018-11">November 2018</time>');
  });

  it("takes the deprecated DRAFT as IN_PREPARATION, on input and in filters, and never answers it", async () => {
    const created = await gql(
      hub,
      `mutation { createStrategy(input: { municipality: "herten", slug: "herten-strategie-alt", title: "Alt", status: DRAFT,
        summary: "Entwurf.", sources: ["herten-vorlage-18-203"] }) { status } }`,
      {},
      tokens.editors.herten,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createStrategy).toEqual({ status: "IN_PREPARATION" });
    const variables = await gql(
      hub,
      `query($statuses: [StrategyStatus!]) { strategies(filter: { statuses: $statuses }) { nodes { slug status } } }`,
      { statuses: ["DRAFT"] },
    );
    expect(variables.data?.strategies.nodes).toEqual([
      { slug: "herten-it-digitalisierungsstrategie", status: "IN_PREPARATION" },
    ]);
    const introspection = await gql(
      hub,
      `{ __type(name: "StrategyStatus") { enumValues(includeDeprecated: true) { name isDeprecated } } }`,
    );
    expect(introspection.data?.__type.enumValues).toContainEqual({ name: "DRAFT", isDeprecated: true });
  });

  it("extends the public history by a published status change, not by a draft's", async () => {
    const editor = tokens.editors.herten;
    const slug = "herten-statusverlauf";
    const input = {
      municipality: "herten",
      slug,
      title: "Digitale Bauakte",
      summary: "Bauanträge werden digital bearbeitet.",
      status: "PLANNED",
      statusAsOf: "2018-11",
      topics: ["e-file"],
      sources: ["herten-vorlage-18-203"],
    };
    const created = await gql(hub, CREATE, { input }, editor);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProject.id as string;
    // A draft's status change is nobody's business yet: nothing is recorded.
    const draft = await gql(hub, UPDATE, { id, version: 1, input: { status: "IDEA", statusAsOf: "2018" } }, editor);
    expect(draft.errors).toBeUndefined();
    expect((await history(slug, editor)).statusHistory).toEqual([]);

    const published = await gql(hub, PUBLISH, { id }, editor);
    expect(published.errors).toBeUndefined();
    const first = (await history(slug)).statusHistory;
    expect(first.map(({ status, since }: { status: string; since: string }) => ({ status, since }))).toEqual([
      { status: "IDEA", since: "2018" },
    ]);

    // A change to the published project is public at once; without a date of its own it dates from today.
    const before = new Date().toISOString().slice(0, 10);
    const changed = await gql(
      hub,
      UPDATE,
      { id, version: published.data!.publishProject.version, input: { status: "IN_PROGRESS" } },
      editor,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateProject).toMatchObject({ status: "IN_PROGRESS", statusAsOf: null });
    const after = new Date().toISOString().slice(0, 10);
    const second = (await history(slug)).statusHistory;
    expect(second).toHaveLength(2);
    expect(second[1]).toMatchObject({ status: "IN_PROGRESS", source: null });
    expect([before, after]).toContain(second[1].since);

    // Unpublished, a change does not show; published again, it is appended with the date the editor gave.
    const hidden = await gql(hub, UNPUBLISH, { id }, editor);
    const completed = await gql(
      hub,
      UPDATE,
      { id, version: hidden.data!.unpublishProject.version, input: { status: "COMPLETED", statusAsOf: "2020-03" } },
      editor,
    );
    expect(completed.errors).toBeUndefined();
    expect(await history(slug)).toBeNull();
    expect((await history(slug, editor)).statusHistory).toHaveLength(2);
    expect((await gql(hub, PUBLISH, { id }, editor)).errors).toBeUndefined();
    const third = (await history(slug)).statusHistory;
    expect(third.map(({ status, since }: { status: string; since: string }) => ({ status, since }))).toEqual([
      { status: "IDEA", since: "2018" },
      { status: "IN_PROGRESS", since: second[1].since },
      { status: "COMPLETED", since: "2020-03" },
    ]);
    const html = await page(`/projekte/${slug}`);
    expect(html).toContain('<th scope="row">Abgeschlossen</th>');
    expect(html).toContain('<time datetime="2020-03">März 2020</time>');
  });

  it("refuses a status date in the future or not a date, and saves nothing", async () => {
    const kita = await gql(hub, `{ project(slug: "${KITA}") { id version } }`);
    const { id, version } = kita.data!.project;
    for (const statusAsOf of ["2999-01", "2018-13"]) {
      const answer = await gql(hub, UPDATE, { id, version, input: { statusAsOf } }, tokens.editors.herten);
      expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
    }
    expect((await history(KITA)).statusAsOf).toBe("2018-11");
  });
});
