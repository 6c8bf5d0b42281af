/**
 * Every problem of a mutation's input in one answer: for each record type a create with
 * several mistakes gets all of them, each at its path from the mutation's arguments
 * (`input.slug`, `input.topics[1]`, `input.values[1].asOf`), and nothing is written.
 * Records are named by slug or key as well as by ID, exactly one of them, and another
 * city's draft is as unknown by slug as by ID.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { CREATE_INPUTS, createTestTokens, type TestTokens } from "../support/mutations.js";

type Answer = Awaited<ReturnType<typeof gql>>;
interface Problem {
  path: string;
  message: string;
  code: string;
}

/** Mistakes per create mutation, over its valid base input, and the paths each must be reported at. */
const MISTAKES: Record<string, { input: Record<string, unknown>; paths: string[] }> = {
  createProject: {
    input: {
      slug: "Herten Bad",
      title: "   ",
      topics: ["e-file", "gibt-es-nicht"],
      providers: ["nope"],
      sources: ["fehlt"],
    },
    paths: ["input.slug", "input.title", "input.sources[0]", "input.topics[1]", "input.providers[0]"],
  },
  createStrategy: {
    input: { slug: "herten-it-digitalisierungsstrategie", consultants: ["nope"], sources: ["x".repeat(500)] },
    paths: ["input.sources", "input.slug", "input.consultants[0]"],
  },
  createFieldOfAction: {
    input: { title: "", topics: ["schools", "nope"], sources: ["fehlt"] },
    paths: ["input.title", "input.sources[0]", "input.topics[1]"],
  },
  createBudgetLine: {
    input: { year: 1800, description: " ", sources: ["fehlt"] },
    paths: ["input.year", "input.description", "input.sources[0]"],
  },
  createIndicator: {
    input: {
      key: "Bad Key",
      values: [
        { value: 1, asOf: "2024" },
        { value: 2, asOf: "2024" },
      ],
      sources: ["fehlt"],
    },
    paths: ["input.key", "input.values[1].asOf", "input.sources[0]"],
  },
  createLessonLearned: {
    input: { slug: "ratingen-fremd", project: "nope", topics: ["nope"] },
    paths: ["input.slug", "input.project", "input.topics[0]"],
  },
  createSource: {
    input: { key: "herten-vorlage-18-203", url: "javascript:alert(1)", title: "<img src=x onerror=alert(1)>\u202E" },
    paths: ["input.title", "input.url", "input.key"],
  },
  createEngagement: {
    input: { description: " ", sources: ["fehlt", "auch-nicht"] },
    paths: ["input.description", "input.sources[0]", "input.sources[1]"],
  },
  createDecision: {
    input: { key: "18-203-rat-2018-11-28", title: "\u202E", reference: "x".repeat(61), sources: ["fehlt"] },
    paths: ["input.title", "input.reference", "input.key", "input.sources[0]"],
  },
  createMunicipality: {
    input: { slug: "Bad Slug", website: "www.x.de", sources: ["fehlt"] },
    paths: ["input.slug", "input.website", "input.sources[0]"],
  },
  createProvider: {
    input: { slug: "krzn", website: "ftp://x", sources: ["fehlt"] },
    paths: ["input.website", "input.slug", "input.sources[0]"],
  },
  createProduct: {
    input: { slug: "Bad", vendor: "nope", topics: ["nope"] },
    paths: ["input.slug", "input.vendor", "input.topics[0]"],
  },
  createTopic: {
    input: { key: "e-file", labelDe: "" },
    paths: ["input.labelDe", "input.key"],
  },
};

const problems = (answer: Answer): Problem[] => (answer.errors?.[0]?.extensions?.problems ?? []) as Problem[];
const codes = (answer: Answer) => answer.errors?.map((error) => error.extensions?.code);

describe("input problems", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    // A token's first use stamps it: done here, so that the digests compare only what the mutations wrote.
    for (const token of [tokens.admin, tokens.editors.herten, tokens.editors.ratingen])
      await gql(hub, "{ viewer { name } }", {}, token);
  });
  afterAll(() => hub?.close());

  const tokenFor = (city: string | null) => (city ? tokens.editors[city as "herten"] : tokens.admin);

  it.each(Object.keys(MISTAKES))("%s answers every mistake at once, at its path, and writes nothing", async (name) => {
    const { type, input, city } = CREATE_INPUTS[name];
    const before = await databaseDigest(hub.db.orm);
    const answer = await gql(
      hub,
      `mutation($input: ${type}!) { ${name}(input: $input) { id } }`,
      { input: { ...input, ...MISTAKES[name].input } },
      tokenFor(city),
    );
    expect(answer.data?.[name] ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    const error = answer.errors![0];
    expect(error.extensions!.code).toBe("BAD_USER_INPUT");
    expect(problems(answer).map(({ path }) => path)).toEqual(MISTAKES[name].paths);
    expect(error.extensions!.fields).toEqual([...new Set(MISTAKES[name].paths)]);
    for (const problem of problems(answer)) {
      expect(problem.message.length).toBeLessThan(1000);
      expect(["BAD_USER_INPUT", "CONFLICT"]).toContain(problem.code);
      expect(error.message).toContain(problem.message);
    }
    expect(JSON.stringify(answer)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("answers an engagement's unknown provider together with its unknown sources, and writes nothing", async () => {
    const { type, input } = CREATE_INPUTS.createEngagement;
    const before = await databaseDigest(hub.db.orm);
    const answer = await gql(
      hub,
      `mutation($input: ${type}!) { createEngagement(input: $input) { id } }`,
      { input: { ...input, provider: "gibt-es-nicht", description: " ", sources: ["fehlt"] } },
      tokens.editors.herten,
    );
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
    expect(problems(answer).map(({ path }) => path)).toEqual([
      "input.description",
      "input.provider",
      "input.sources[0]",
    ]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("answers an update's mistakes together, the record named by slug, and writes nothing", async () => {
    const before = await databaseDigest(hub.db.orm);
    const answer = await gql(
      hub,
      `mutation($slug: String!, $input: ProjectInput!) { updateProject(slug: $slug, version: 1, input: $input) { id } }`,
      {
        slug: "herten-kita-online",
        input: { title: "", strategy: "gibt-es-nicht", partners: ["ratingen", "atlantis"], note: "x".repeat(30_000) },
      },
      tokens.editors.herten,
    );
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
    expect(problems(answer).map(({ path }) => path)).toEqual([
      "input.title",
      "input.note",
      "input.strategy",
      "input.partners[1]",
    ]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("keeps the code of a single problem: a slug in use is CONFLICT at input.slug", async () => {
    const { type, input } = CREATE_INPUTS.createProject;
    const answer = await gql(
      hub,
      `mutation($input: ${type}!) { createProject(input: $input) { id } }`,
      { input: { ...input, slug: "herten-kita-online" } },
      tokens.editors.herten,
    );
    expect(codes(answer)).toEqual(["CONFLICT"]);
    expect(answer.errors![0].extensions!.fields).toEqual(["input.slug"]);
    expect(problems(answer)).toEqual([{ path: "input.slug", message: answer.errors![0].message, code: "CONFLICT" }]);
  });

  it("changes, publishes and unpublishes records named by slug or key", async () => {
    const herten = tokens.editors.herten;
    const read = await gql(hub, `{ project(slug: "herten-kita-online") { version } }`);
    const { version } = read.data!.project;
    const updated = await gql(
      hub,
      `mutation($version: Int!) { updateProject(slug: "herten-kita-online", version: $version, input: { note: "per Slug" }) { slug note version } }`,
      { version },
      herten,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateProject).toEqual({ slug: "herten-kita-online", note: "per Slug", version: version + 1 });
    const unpublished = await gql(
      hub,
      `mutation { unpublishSource(key: "herten-vorlage-18-203") { key publicationState } }`,
      {},
      tokens.admin,
    );
    expect(unpublished.errors).toBeUndefined();
    expect(unpublished.data!.unpublishSource.publicationState).toBe("DRAFT");
    const published = await gql(
      hub,
      `mutation { publishSource(key: "herten-vorlage-18-203") { publicationState } }`,
      {},
      tokens.admin,
    );
    expect(published.data!.publishSource.publicationState).toBe("PUBLISHED");
    const topic = await gql(
      hub,
      `mutation { updateTopic(key: "e-file", input: { description: "Akten digital." }) { key description } }`,
      {},
      tokens.admin,
    );
    expect(topic.data!.updateTopic).toEqual({ key: "e-file", description: "Akten digital." });
  });

  it("asks for exactly one of id and slug, and refuses oversized ones, writing nothing", async () => {
    const herten = tokens.editors.herten;
    const id = (await gql(hub, `{ project(slug: "herten-kita-online") { id } }`)).data!.project.id;
    const before = await databaseDigest(hub.db.orm);
    const neither = await gql(hub, `mutation { updateProject(version: 1, input: { note: "x" }) { id } }`, {}, herten);
    expect(codes(neither)).toEqual(["BAD_USER_INPUT"]);
    expect(neither.errors![0].extensions!.fields).toEqual(["id", "slug"]);
    expect(neither.errors![0].message).toMatch(/exactly one of "id" and "slug"; neither was given/);
    const both = await gql(
      hub,
      `mutation($id: ID!) { publishProject(id: $id, slug: "herten-kita-online") { id } }`,
      { id },
      herten,
    );
    expect(codes(both)).toEqual(["BAD_USER_INPUT"]);
    expect(both.errors![0].extensions!.fields).toEqual(["id", "slug"]);
    const oversized = await gql(
      hub,
      `mutation($slug: String!) { archiveProject(slug: $slug) { id } }`,
      { slug: "herten-".repeat(5000) },
      herten,
    );
    expect(codes(oversized)).toEqual(["BAD_USER_INPUT"]);
    expect(oversized.errors![0].extensions!.fields).toEqual(["slug"]);
    const hostile = await gql(
      hub,
      `mutation($slug: String!) { archiveProject(slug: $slug) { id } }`,
      { slug: "'; drop table project; --" },
      herten,
    );
    expect(codes(hostile)).toEqual(["NOT_FOUND"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("answers another city's draft by slug exactly as a slug nobody has (NOT_FOUND), as by ID", async () => {
    const { type, input } = CREATE_INPUTS.createProject;
    const created = await gql(
      hub,
      `mutation($input: ${type}!) { createProject(input: $input) { id } }`,
      { input: { ...input, slug: "herten-geheimer-entwurf" } },
      tokens.editors.herten,
    );
    expect(created.errors).toBeUndefined();
    const ratingen = tokens.editors.ratingen;
    const before = await databaseDigest(hub.db.orm);
    const attempt = (slug: string) =>
      gql(
        hub,
        `mutation($slug: String!) { updateProject(slug: $slug, version: 1, input: { note: "x" }) { id } }`,
        { slug },
        ratingen,
      );
    const draft = await attempt("herten-geheimer-entwurf");
    const nobody = await attempt("herten-gibt-es-nicht");
    expect(codes(draft)).toEqual(["NOT_FOUND"]);
    expect(draft.errors!.map(({ message, extensions }) => [message, extensions])).toEqual(
      nobody.errors!.map(({ message, extensions }) => [message, extensions]),
    );
    const byId = await gql(
      hub,
      `mutation($id: ID!) { publishProject(id: $id) { id } }`,
      { id: created.data!.createProject.id },
      ratingen,
    );
    expect(codes(byId)).toEqual(["NOT_FOUND"]);
    const published = await gql(hub, `mutation { publishProject(slug: "herten-kita-online") { id } }`, {}, ratingen);
    expect(codes(published)).toEqual(["FORBIDDEN"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });
});
