/**
 * Hub-wide slugs and keys that editors choose: they stay in the editor's city's
 * naming (`herten-…`), and an unavailable one is answered alike whoever holds it,
 * so that the answer tells nothing about another city's drafts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const codes = (answer: { errors?: { extensions?: Record<string, any> }[] }) =>
  answer.errors?.map((error) => error.extensions?.code);
/** What a client sees of a refusal: code, message and fields, without where in the query it happened. */
const refusal = (answer: { errors?: { message: string; extensions?: Record<string, any> }[] }) =>
  answer.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code, fields: extensions?.fields }));

function newProject(slug: string, municipality = "herten") {
  return { input: { municipality, slug, title: "Radweg", summary: "Ein Radweg.", status: "PLANNED" } };
}

describe("slugs and keys editors choose", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const { admin, editors } = tokens;
    const made = [
      // A Herten draft, which no other city's editor may learn of.
      await gql(hub, CREATE, newProject("herten-geheimer-entwurf"), editors.herten),
      // A Ratingen draft that an admin named in Herten's naming: Herten's editors cannot see it.
      await gql(hub, CREATE, newProject("herten-fremder-entwurf", "ratingen"), admin),
      await gql(hub, CREATE, newProject("herten-archiviert"), editors.herten),
      // A municipality whose slug extends Herten's.
      await gql(
        hub,
        `mutation { createMunicipality(input: { slug: "herten-west", name: "Herten-West", officialKey: "05562099", state: NW }) { id } }`,
        {},
        admin,
      ),
    ];
    for (const answer of made) expect(answer.errors).toBeUndefined();
    expect(
      (
        await gql(
          hub,
          `mutation($id: ID!) { archiveProject(id: $id) { id } }`,
          { id: made[2].data!.createProject.id },
          editors.herten,
        )
      ).errors,
    ).toBeUndefined();
    // Verifying a token stamps its last use; do that before the digests are taken.
    for (const token of [...Object.values(editors), admin]) await gql(hub, "{ viewer { name } }", {}, token);
  });
  afterAll(() => hub?.close());

  it("answer a slug another city's draft holds exactly like one nobody holds", async () => {
    const ratingen = tokens.editors.ratingen;
    const before = await databaseDigest(hub.db.orm);
    const held = await gql(hub, CREATE, newProject("herten-geheimer-entwurf", "ratingen"), ratingen);
    const free = await gql(hub, CREATE, newProject("herten-nicht-vergeben", "ratingen"), ratingen);
    expect(codes(held)).toEqual(["BAD_USER_INPUT"]);
    expect(refusal(held)).toEqual(refusal(free));
    expect(JSON.stringify(held)).not.toMatch(/taken|in use|entwurf|draft/i);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("answer every slug in use with the same CONFLICT naming input.slug, whoever holds it and in which state", async () => {
    const herten = tokens.editors.herten;
    const before = await databaseDigest(hub.db.orm);
    // Published, a draft of another city the editor cannot see, the editor's own archived record, the editor's own draft.
    const answers = [];
    for (const slug of [
      "herten-kita-online",
      "herten-fremder-entwurf",
      "herten-archiviert",
      "herten-geheimer-entwurf",
    ]) {
      answers.push(refusal(await gql(hub, CREATE, newProject(slug), herten)));
    }
    answers.forEach((answer, index) =>
      expect(answer, String(index)).toEqual([
        {
          message: expect.stringMatching(/^input\.slug "herten-[a-z-]+" is already in use; choose another one\.$/),
          code: "CONFLICT",
          fields: ["input.slug"],
        },
      ]),
    );
    // Alike but for the slug each names.
    expect(new Set(answers.map((answer) => answer![0].message.replace(/"[^"]+"/, '"…"'))).size).toBe(1);
    // Admins get the same answer, and so does every other hub-wide slug or key.
    expect(refusal(await gql(hub, CREATE, newProject("herten-fremder-entwurf"), tokens.admin))).toEqual(answers[1]);
    const source = await gql(
      hub,
      `mutation { createSource(input: { key: "herten-vorlage-18-203", title: "Nochmal" }) { id } }`,
      {},
      tokens.admin,
    );
    expect(refusal(source)).toEqual([
      {
        message: 'input.key "herten-vorlage-18-203" is already in use; choose another one.',
        code: "CONFLICT",
        fields: ["input.key"],
      },
    ]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("keep an editor to its city's naming, with BAD_USER_INPUT naming the field and the prefix", async () => {
    const herten = tokens.editors.herten;
    const before = await databaseDigest(hub.db.orm);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ["createProject", "CreateProjectInput", newProject("ratingen-radweg").input, "input.slug"],
      [
        "createStrategy",
        "CreateStrategyInput",
        { municipality: "herten", slug: "ratingen-strategie", title: "S", status: "IN_PREPARATION", summary: "S." },
        "input.slug",
      ],
      [
        "createLessonLearned",
        "CreateLessonInput",
        { municipality: "herten", slug: "hertenradweg", title: "L", body: "L.", kind: "PITFALL" },
        "input.slug",
      ],
      ["createSource", "CreateSourceInput", { key: "kommune21-herten", title: "Q" }, "input.key"],
    ];
    for (const [name, type, input, field] of cases) {
      const answer = await gql(hub, `mutation($input: ${type}!) { ${name}(input: $input) { id } }`, { input }, herten);
      expect(codes(answer), name).toEqual(["BAD_USER_INPUT"]);
      expect(answer.errors![0].extensions!.fields, name).toEqual([field]);
      expect(answer.errors![0].message, name).toMatch(
        new RegExp(`^${field.replace(".", "\\.")} must begin with "herten-", the slug of your municipality`),
      );
    }
    // Nor may it use the naming of a municipality whose slug extends its own.
    const west = await gql(hub, CREATE, newProject("herten-west-radweg"), herten);
    expect(codes(west)).toEqual(["BAD_USER_INPUT"]);
    expect(west.errors![0].extensions!.fields).toEqual(["input.slug"]);
    expect(west.errors![0].message).toMatch(
      /^input\.slug begins with "herten-west-", the naming of another municipality/,
    );
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("let editors name records in their own naming, and admins name them freely", async () => {
    expect((await gql(hub, CREATE, newProject("herten-radweg"), tokens.editors.herten)).errors).toBeUndefined();
    expect(
      (await gql(hub, CREATE, newProject("herten-westring-radweg"), tokens.editors.herten)).errors,
    ).toBeUndefined();
    expect((await gql(hub, CREATE, newProject("kreis-radweg"), tokens.admin)).errors).toBeUndefined();
    const source = await gql(
      hub,
      `mutation { createSource(input: { key: "kommune21-herten-2024", title: "Meldung" }) { id } }`,
      {},
      tokens.admin,
    );
    expect(source.errors).toBeUndefined();
  });
});
