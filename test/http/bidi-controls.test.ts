/**
 * Bidirectional control characters (a right-to-left override makes
 * "Bericht\u202Egpj.exe" display as "Berichtexe.jpg"): every text input of the
 * write path refuses them with BAD_USER_INPUT naming the field, and text that
 * already holds one (written by SQL) shows without it on the card, the project
 * page, in oEmbed and in the CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const RLO = "\u202E";
const BIDI = /\p{Bidi_Control}/u;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const codes = (answer: { errors?: { extensions?: Record<string, any> }[] }) =>
  answer.errors?.map((error) => error.extensions?.code);

function newProject(extra: Record<string, unknown> = {}) {
  return {
    input: {
      municipality: "herten",
      slug: "herten-bericht",
      title: "Bericht",
      summary: "Ein Bericht.",
      status: "PLANNED",
      ...extra,
    },
  };
}

describe("bidirectional control characters", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    // Verifying a token stamps its last use; do that before the digests are taken.
    await gql(hub, "{ viewer { name } }", {}, tokens.editors.herten);
  });
  afterAll(() => hub?.close());

  it("are refused in every kind of text input with BAD_USER_INPUT naming the field, and nothing is written", async () => {
    const herten = tokens.editors.herten;
    const before = await databaseDigest(hub.db.orm);
    const created = await gql(hub, CREATE, newProject({ title: `Bericht${RLO}gpj.exe` }), herten);
    expect(codes(created)).toEqual(["BAD_USER_INPUT"]);
    // As every input check names it: the field's path from the mutation's arguments.
    expect(created.errors![0].extensions!.fields).toEqual(["input.title"]);
    expect(created.errors![0].message).toMatch(
      /^input\.title: title contains an invisible text-direction control character \(U\+202E\)/,
    );
    const cases: [string, Record<string, unknown>, string][] = [
      ["U+2066 in a running text", { summary: "Ein \u2066Bericht\u2069." }, "input.summary"],
      ["U+200F in a note", { note: "Notiz\u200F" }, "input.note"],
      ["U+202D in a reference list", { sources: [`herten-vorlage-18-203\u202D`] }, "input.sources"],
    ];
    for (const [what, extra, field] of cases) {
      const answer = await gql(hub, CREATE, newProject(extra), herten);
      expect(codes(answer), what).toEqual(["BAD_USER_INPUT"]);
      expect(answer.errors![0].extensions!.fields, what).toEqual([field]);
    }
    const source = await gql(
      hub,
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
      {
        input: { key: "herten-quelle", title: "Quelle", url: `https://www.herten.de/${RLO}fdp.exe` },
      },
      herten,
    );
    expect(codes(source)).toEqual(["BAD_USER_INPUT"]);
    expect(source.errors![0].extensions!.fields).toEqual(["input.url"]);
    const { id, version } = (await gql(hub, `{ project(slug: "herten-kita-online") { id version } }`)).data!.project;
    const updated = await gql(
      hub,
      `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { id } }`,
      {
        id,
        version,
        input: { title: `Kita${RLO}` },
      },
      herten,
    );
    expect(codes(updated)).toEqual(["BAD_USER_INPUT"]);
    expect(updated.errors![0].extensions!.fields).toEqual(["input.title"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
    // The same text without the control character is accepted.
    expect((await gql(hub, CREATE, newProject({ title: "Bericht gpj.exe" }), herten)).errors).toBeUndefined();
  });

  it("already stored are shown inert: not on the card, the project page, in oEmbed or the CSV export", async () => {
    const connection = hub.db.orm.em.getConnection();
    await connection.execute(`update project set title = ?, summary = ? where slug = 'herten-kita-online'`, [
      `Kita-Bericht${RLO}gpj.exe`,
      `Zusammenfassung \u2067mit\u2069 Isolaten\u200E.`,
    ]);
    const card = await fetch(`${hub.origin}/embed/projects/herten-kita-online`);
    const page = await fetch(`${hub.origin}/projekte/herten-kita-online`);
    for (const [name, response] of [
      ["card", card],
      ["page", page],
    ] as const) {
      expect(response.status, name).toBe(200);
      const html = await response.text();
      expect(html, name).not.toMatch(BIDI);
      expect(html, name).toContain("Kita-Berichtgpj.exe");
      expect(html, name).toContain("Zusammenfassung mit Isolaten.");
    }
    const oembed = await fetch(
      `${hub.origin}/oembed?${new URLSearchParams({ url: `${hub.origin}/projekte/herten-kita-online`, format: "json" })}`,
    );
    const oembedText = await oembed.text();
    expect(oembedText).not.toMatch(BIDI);
    expect(JSON.parse(oembedText).title).toBe("Kita-Berichtgpj.exe");
    const csv = await (await fetch(`${hub.origin}/export/projects.csv?municipalities=herten`)).text();
    expect(csv).toContain("Kita-Berichtgpj.exe");
    expect(csv).not.toMatch(BIDI);
  });
});
