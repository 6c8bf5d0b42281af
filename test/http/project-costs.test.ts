/**
 * A project's costs written through the API (`input.costs`, issue 14): created with the project, reordered,
 * changed by `id` and removed by leaving them out; read back in their order and recorded in the revision; bad
 * entries are refused at their path (`input.costs[2].amount`), all at once, writing nothing; a draft's costs stay
 * hidden from the public; another city's cost item cannot be named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const FIELDS = `id slug version publicationState
  costs { id amount currency kind period description note sources { key } }
  costSummary { currency oneOff annual }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($slug: String!, $version: Int!, $input: ProjectInput!) {
  updateProject(slug: $slug, version: $version, input: $input) { ${FIELDS} } }`;
const READ = `query($slug: String!) { project(slug: $slug) { ${FIELDS} } }`;
const SOURCE = "herten-vorlage-18-203";

type Answer = { errors?: { message: string; extensions?: Record<string, any> }[]; data?: Record<string, any> | null };
type Cost = { id: string; amount: string; description: string };
const fields = (answer: Answer) => answer.errors?.flatMap((error) => error.extensions?.fields ?? []);

describe("project costs through the API", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  /** Creates a Herten project draft with `costs`, as Herten's editor. */
  async function create(slug: string, costs: Record<string, unknown>[]) {
    const input = {
      municipality: "herten",
      slug,
      title: "Kita-Portal",
      summary: "Anmeldung für Kitas online.",
      status: "PLANNED",
      topics: ["e-file"],
      sources: [SOURCE],
      costs,
    };
    const answer = await gql(hub, CREATE, { input }, tokens.editors.herten);
    expect(answer.errors).toBeUndefined();
    return answer.data!.createProject;
  }

  it("creates, reorders, changes and removes costs, in order, and records them in the revision", async () => {
    const project = await create("herten-kosten-reihe", [
      { amount: "12000", period: "ONE_OFF", description: "Einführung", sources: [SOURCE] },
      { amount: "250.5", period: "MONTHLY", description: "Lizenz" },
      { amount: "-100", kind: "DIFFERENCE", period: "ANNUAL", description: "Einsparung Papier" },
    ]);
    expect(project.costs.map((cost: Cost) => [cost.amount, cost.description])).toEqual([
      ["12000.00", "Einführung"],
      ["250.50", "Lizenz"],
      ["-100.00", "Einsparung Papier"],
    ]);
    expect(project.costs[0]).toMatchObject({ currency: "EUR", kind: "COST", sources: [{ key: SOURCE }] });
    // A draft has no summary, whoever reads it; published, the COST items add up (the saving is left out).
    expect(project.costSummary).toEqual([]);
    const published = await gql(
      hub,
      `mutation($slug: String!) { publishProject(slug: $slug) { costSummary { currency oneOff annual } } }`,
      { slug: project.slug },
      tokens.editors.herten,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishProject.costSummary).toEqual([
      { currency: "EUR", oneOff: "12000.00", annual: "3006.00" },
    ]);

    // Swapping the first two (positions move past each other) and dropping the third, in one write.
    const [intro, licence] = project.costs as Cost[];
    const answer = await gql(
      hub,
      UPDATE,
      {
        slug: project.slug,
        version: project.version + 1,
        input: {
          costs: [
            { id: licence.id, amount: "300", period: "MONTHLY", description: "Lizenz", note: "ab 2024" },
            { id: intro.id, amount: "12000", period: "ONE_OFF", description: "Einführung" },
          ],
        },
      },
      tokens.editors.herten,
    );
    expect(answer.errors).toBeUndefined();
    const updated = answer.data!.updateProject;
    expect(updated.costs.map((cost: Cost) => cost.id)).toEqual([licence.id, intro.id]);
    expect(updated.costs[0]).toMatchObject({ amount: "300.00", note: "ab 2024" });
    // Named by id, a cost keeps its sources when the entry leaves them out.
    expect(updated.costs[1].sources).toEqual([{ key: SOURCE }]);

    const read = await gql(hub, READ, { slug: project.slug }, tokens.editors.herten);
    expect(read.data!.project).toEqual(updated);
    const revisions = await gql(
      hub,
      `query($slug: String!) { project(slug: $slug) { revisions { changes { field before after } } } }`,
      { slug: project.slug },
      tokens.editors.herten,
    );
    const changes = revisions.data!.project.revisions.flatMap((revision: any) => revision.changes);
    const costChange = changes.find((change: any) => change.field === "costs" && change.before);
    expect(costChange.before).toHaveLength(3);
    expect(costChange.after).toHaveLength(2);
  });

  it("hides a draft's costs from the public", async () => {
    const project = await create("herten-kosten-entwurf", [{ amount: "1", period: "TOTAL", description: "Alles" }]);
    const anonymous = await gql(hub, READ, { slug: project.slug });
    expect(anonymous.data?.project ?? null).toBeNull();
    const [cost] = project.costs as Cost[];
    const node = await gql(hub, `query($id: ID!) { node(id: $id) { id } }`, { id: cost.id });
    expect(node.data?.node ?? null).toBeNull();
  });

  it("refuses every bad entry at once, at its path, and writes nothing", async () => {
    const project = await create("herten-kosten-fehler", [{ amount: "5", period: "ONE_OFF", description: "Eins" }]);
    const other = await create("herten-kosten-andere", [{ amount: "7", period: "ONE_OFF", description: "Zwei" }]);
    const before = await databaseDigest(hub.db.orm);
    const answer = await gql(
      hub,
      UPDATE,
      {
        slug: project.slug,
        version: project.version,
        input: {
          costs: [
            { id: project.costs[0].id, amount: "5", period: "ONE_OFF", description: "Eins" },
            { id: project.costs[0].id, amount: "6", period: "ONE_OFF", description: "Doppelt" },
            { amount: "-3", period: "ANNUAL", description: "Negativ" },
            { id: other.costs[0].id, amount: "7", period: "ONE_OFF", description: "Fremd" },
            { amount: "1", period: "ONE_OFF", description: "   ", currency: "euro", sources: ["no-such-source"] },
            { id: "x".repeat(201), amount: "1", period: "ONE_OFF", description: "\u202eLizenz" },
          ],
        },
      },
      tokens.editors.herten,
    );
    expect(answer.data?.updateProject ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(answer)).not.toMatch(/\bat .+\.(js|ts):\d+/);
    expect(fields(answer)).toEqual(
      expect.arrayContaining([
        "input.costs[1].id",
        "input.costs[2].amount",
        "input.costs[3].id",
        "input.costs[4].description",
        "input.costs[4].currency",
        "input.costs[5].id",
        "input.costs[5].description",
      ]),
    );
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("refuses more than 50 costs and a malformed amount, writing nothing", async () => {
    const project = await create("herten-kosten-viele", []);
    const before = await databaseDigest(hub.db.orm);
    const many = Array.from({ length: 51 }, (_, index) => ({
      amount: String(index),
      period: "ONE_OFF",
      description: `Posten ${index}`,
    }));
    const tooMany = await gql(
      hub,
      UPDATE,
      { slug: project.slug, version: project.version, input: { costs: many } },
      tokens.editors.herten,
    );
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["input.costs"] });
    const malformed = await gql(
      hub,
      UPDATE,
      {
        slug: project.slug,
        version: project.version,
        input: { costs: [{ amount: "1e9", period: "ONE_OFF", description: "x" }] },
      },
      tokens.editors.herten,
    );
    expect(malformed.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(malformed.errors?.[0].message).toMatch(/Decimal/);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });
});
