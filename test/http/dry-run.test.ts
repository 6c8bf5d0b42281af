/**
 * `mutation … @dryRun`: every write mutation runs with all its checks and is rolled back. A dry run writes nothing
 * (database digest), answers exactly the problems the real write answers, succeeds on valid input with the record
 * as it would be (nested fields read inside the rolled-back transaction), and is refused where it does not belong.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { watchPgStatements, watchStatementsGiven } from "../support/pg-statements.js";
import { contentDigest, databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import {
  allMutations,
  CREATE_INPUTS,
  createTestTokens,
  findTargets,
  type MutationCase,
  type TestTokens,
} from "../support/mutations.js";

/** A mutation document as a dry run: `@dryRun` after the operation's variables. */
const dry = (query: string) => query.replace(/^mutation(\([^)]*\))?/, (head) => `${head} @dryRun`);

describe("dry runs of write mutations", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let cases: MutationCase[];

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    // A token's first use stamps it: done here, so that the digests compare only what the mutations wrote.
    for (const token of [tokens.admin, tokens.editors.herten, tokens.editors.ratingen])
      await gql(hub, "{ viewer { name } }", {}, token);
    cases = allMutations(await findTargets(hub.db.orm));
  });
  afterAll(() => hub?.close());

  const tokenOf = (test: MutationCase) => (test.adminOnly || !test.city ? tokens.admin : tokens.editors[test.city]);

  /** A draft of Herten's without topics or sources (which a publish requires), made by a real write unless there. */
  const draftToPublish = async (slug: string): Promise<string> => {
    const known = await gql(
      hub,
      `query($slug: String!) { project(slug: $slug) { id } }`,
      { slug },
      tokens.editors.herten,
    );
    if (known.data?.project) return slug;
    const made = await gql(
      hub,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { slug } }`,
      { input: { ...CREATE_INPUTS.createProject.input, slug, title: `Entwurf ${slug}` } },
      tokens.editors.herten,
    );
    expect(made.errors).toBeUndefined();
    return slug;
  };

  it("runs every write mutation of the API with valid input without writing anything", async () => {
    expect(cases.length).toBeGreaterThan(30);
    // Without the tokens' use stamps, which move at most once a minute whatever a token does.
    const before = await contentDigest(hub.db.orm);
    for (const test of cases) {
      const answer = await gql(hub, dry(test.query), test.variables, tokenOf(test));
      expect(answer.errors, test.name).toBeUndefined();
      expect(answer.data?.[test.name]?.__typename, test.name).toBeTruthy();
      expect((answer as { extensions?: { dryRun?: boolean } }).extensions?.dryRun, test.name).toBe(true);
    }
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("answers a valid create with the record as it would be, its relations read inside the transaction", async () => {
    const { input } = CREATE_INPUTS.createProject;
    const query = `mutation($input: CreateProjectInput!) @dryRun {
      createProject(input: $input) { slug version publicationState topics { key } costs { amount period } }
    }`;
    const before = await databaseDigest(hub.db.orm);
    const watch = watchPgStatements();
    const given = watchStatementsGiven(hub.db.orm);
    const answer = await gql(
      hub,
      query,
      {
        input: {
          ...input,
          topics: ["e-file"],
          costs: [{ amount: "12.50", period: "ONE_OFF", description: "Probe" }],
        },
      },
      tokens.editors.herten,
    ).finally(() => (watch.restore(), given.restore()));
    // The answer's topics and costs are read in parallel on the transaction's one connection: one after the other.
    expect(given.overlapping()).toBeGreaterThan(0);
    expect(watch.asked.filter(({ busy }) => busy).map(({ text }) => text)).toEqual([]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.createProject).toEqual({
      slug: input.slug,
      version: 1,
      publicationState: "DRAFT",
      topics: [{ key: "e-file" }],
      costs: [{ amount: "12.50", period: "ONE_OFF" }],
    });
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
    // Nothing of it stayed: the record is unknown, and the real write takes the same slug.
    expect((await gql(hub, `{ project(slug: "${input.slug}") { id } }`, {}, tokens.editors.herten)).data!.project).toBe(
      null,
    );
    const real = await gql(
      hub,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { slug } }`,
      { input },
      tokens.editors.herten,
    );
    expect(real.errors).toBeUndefined();
  });

  it("answers the same problems as the real write, all at once, and writes nothing", async () => {
    const draft = await draftToPublish("herten-dry-run-draft");
    const attempts: [string, Record<string, unknown>, string | undefined][] = [
      [
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
        {
          input: {
            ...CREATE_INPUTS.createProject.input,
            slug: "Herten Bad",
            title: " ",
            sources: ["gibt-es-nicht"],
            costs: [{ amount: "-1.00", period: "ONE_OFF", description: "x", currency: "euro" }],
          },
        },
        tokens.editors.herten,
      ],
      // Another city's record: the same NOT_FOUND as the write.
      [
        `mutation { updateProject(slug: "ratingen-ki-buergerservice", input: { note: "x" }) { id } }`,
        {},
        tokens.editors.herten,
      ],
      // A draft without sources cannot be published: the precondition at its input field.
      [`mutation { publishProject(slug: "${draft}") { id } }`, {}, tokens.editors.herten],
      // Anonymous: the same refusal.
      [`mutation { updateTopic(key: "e-file", input: { description: "x" }) { key } }`, {}, undefined],
      // An editor writing an admin's type.
      [`mutation { updateTopic(key: "e-file", input: { description: "x" }) { key } }`, {}, tokens.editors.herten],
      // Oversized and hostile text.
      [
        `mutation($input: SourceInput!) { updateSource(key: "herten-vorlage-18-203", input: $input) { key } }`,
        { input: { title: "<script>alert(1)</script>\u202E".repeat(2000), url: "javascript:alert(1)" } },
        tokens.editors.herten,
      ],
    ];
    for (const [query, variables, token] of attempts) {
      const before = await databaseDigest(hub.db.orm);
      const dryAnswer = await gql(hub, dry(query), variables, token);
      expect(await databaseDigest(hub.db.orm), query).toEqual(before);
      const real = await gql(hub, query, variables, token);
      expect(real.errors?.length, query).toBeGreaterThan(0);
      // The same errors; only the column of the query text differs by the directive.
      const located = (answer: typeof real) =>
        (answer.errors as { locations?: unknown }[]).map(({ locations: _, ...error }) => error);
      expect(located(dryAnswer), query).toEqual(located(real));
      expect(dryAnswer.status, query).toBe(real.status);
      expect(await databaseDigest(hub.db.orm), query).toEqual(before);
      expect(JSON.stringify(dryAnswer)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    }
  });

  it("finds every problem of a publish's preconditions in a dry run as in the write", async () => {
    const query = `mutation { publishProject(slug: "${await draftToPublish("herten-dry-run-draft")}") { id } }`;
    const answer = await gql(hub, dry(query), {}, tokens.editors.herten);
    const paths = (answer.errors![0].extensions!.problems as { path: string }[]).map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["input.topics", "input.sources"]));
  });

  it("refuses @dryRun outside a mutation operation, with arguments, twice, or misspelt", async () => {
    const before = await databaseDigest(hub.db.orm);
    for (const query of [
      `query @dryRun { topics(first: 1) { nodes { key } } }`,
      `mutation @dryRun(really: true) { updateTopic(key: "e-file", input: { description: "x" }) { key } }`,
      `mutation @dryRun @dryRun { updateTopic(key: "e-file", input: { description: "x" }) { key } }`,
      `mutation { updateTopic(key: "e-file", input: { description: "x" }) @dryRun { key } }`,
      `mutation @dryrun { updateTopic(key: "e-file", input: { description: "x" }) { key } }`,
    ]) {
      const answer = await gql(hub, query, {}, tokens.admin);
      expect(answer.status, query).toBe(400);
      expect(answer.errors![0].extensions!.code, query).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(answer.data ?? null).toBeNull();
    }
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("documents the directive in the schema", async () => {
    const answer = await gql(hub, `{ __schema { directives { name description locations } } }`);
    const directive = answer.data!.__schema.directives.find((item: { name: string }) => item.name === "dryRun");
    expect(directive.locations).toEqual(["MUTATION"]);
    expect(directive.description).toMatch(/rolled back/);
  });
});
