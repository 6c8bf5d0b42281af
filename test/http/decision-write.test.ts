/**
 * Council decisions written through the API (issue 14): created as drafts by their city's editors, named by ID or by
 * key within their municipality, every mistake answered at once at its path, published only with a published source,
 * another city's draft as unknown by key as a key nobody has, and linked to strategies by key. Nothing is written on
 * a refusal (the digest of every table).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { databaseDigest } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

type Answer = Awaited<ReturnType<typeof gql>>;
const codes = (answer: Answer) => answer.errors?.map((error) => error.extensions?.code);
const paths = (answer: Answer) =>
  ((answer.errors?.[0]?.extensions?.problems ?? []) as { path: string }[]).map(({ path }) => path);

const CREATE = `mutation($input: CreateDecisionInput!) { createDecision(input: $input) { id key version publicationState } }`;
const HERTEN_DECISIONS = `{ municipality(slug: "herten") { decisions(first: 100) { key title publicationState } } }`;

describe("writing council decisions", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  const valid = {
    municipality: "herten",
    key: "24-017-rat-2024-03-20",
    title: "Beitritt zur Digitalagentur",
    body: "Rat der Stadt Herten",
    outcome: "ADOPTED",
    reference: "24/017",
    date: "2024-03-20",
    description: "Der Rat beschließt den Beitritt.",
  };
  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    // A token's first use stamps it: done here, so that the digests compare only what the mutations wrote.
    for (const token of [tokens.admin, tokens.editors.herten, tokens.editors.ratingen])
      await gql(hub, "{ viewer { name } }", {}, token);
  });
  afterAll(() => hub?.close());

  it("creates a draft the public does not see, publishes it only with a published source, by key", async () => {
    const herten = tokens.editors.herten;
    const created = await gql(hub, CREATE, { input: valid }, herten);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createDecision).toMatchObject({ key: valid.key, version: 1, publicationState: "DRAFT" });
    const publicKeys = async () =>
      (await gql(hub, HERTEN_DECISIONS)).data!.municipality.decisions.map((d: { key: string }) => d.key);
    expect(await publicKeys()).not.toContain(valid.key);
    const own = (await gql(hub, HERTEN_DECISIONS, {}, herten)).data!.municipality.decisions;
    expect(own.map((d: { key: string }) => d.key)).toContain(valid.key);

    const before = await databaseDigest(hub.db.orm);
    const early = await gql(
      hub,
      `mutation($key: String!) { publishDecision(key: $key) { id } }`,
      { key: valid.key },
      herten,
    );
    expect(codes(early)).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors![0].extensions!.fields).toEqual(["input.sources"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);

    const cited = await gql(
      hub,
      `mutation($key: String!) { updateDecision(key: $key, version: 1, input: { sources: ["herten-vorlage-18-203"], outcome: ADOPTED_WITH_CHANGES }) { version outcome } }`,
      { key: valid.key },
      herten,
    );
    expect(cited.errors).toBeUndefined();
    expect(cited.data!.updateDecision).toEqual({ version: 2, outcome: "ADOPTED_WITH_CHANGES" });
    const published = await gql(
      hub,
      `mutation($key: String!) { publishDecision(key: $key, municipality: "herten", version: 2) { publicationState } }`,
      { key: valid.key },
      herten,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishDecision.publicationState).toBe("PUBLISHED");
    expect(await publicKeys()).toContain(valid.key);

    const history = await gql(
      hub,
      `query($id: ID!) { node(id: $id) { ... on Decision { revisions { action actor } } } }`,
      { id: created.data!.createDecision.id },
      herten,
    );
    expect(history.data!.node.revisions.map((r: { action: string }) => r.action)).toEqual([
      "PUBLISHED",
      "UPDATED",
      "CREATED",
    ]);
    const unpublished = await gql(
      hub,
      `mutation($key: String!) { unpublishDecision(key: $key) { publicationState } }`,
      { key: valid.key },
      herten,
    );
    expect(unpublished.data!.unpublishDecision.publicationState).toBe("DRAFT");
    expect(await publicKeys()).not.toContain(valid.key);
    const archived = await gql(
      hub,
      `mutation($key: String!) { archiveDecision(key: $key) { publicationState } }`,
      { key: valid.key },
      herten,
    );
    expect(archived.data!.archiveDecision.publicationState).toBe("ARCHIVED");
    const frozen = await gql(
      hub,
      `mutation($key: String!) { updateDecision(key: $key, version: 5, input: { note: "x" }) { id } }`,
      { key: valid.key },
      herten,
    );
    expect(codes(frozen)).toEqual(["CONFLICT"]);
  });

  it("answers every mistake of a create at once, at its path, hostile and oversized values too, writing nothing", async () => {
    const before = await databaseDigest(hub.db.orm);
    const answer = await gql(
      hub,
      CREATE,
      {
        input: {
          ...valid,
          key: "Bad Key <script>",
          title: "   ",
          body: "Rat\u202E",
          reference: "x".repeat(61),
          note: "y".repeat(30_000),
          sources: ["fehlt", "herten-vorlage-18-203", "<img src=x onerror=alert(1)>"],
        },
      },
      tokens.editors.herten,
    );
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
    expect([...paths(answer)].sort()).toEqual(
      [
        "input.key",
        "input.title",
        "input.body",
        "input.reference",
        "input.note",
        "input.sources[0]",
        "input.sources[2]",
      ].sort(),
    );
    expect(JSON.stringify(answer)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    const tooMany = await gql(
      hub,
      CREATE,
      { input: { ...valid, key: "zu-viele", sources: Array.from({ length: 11 }, (_, i) => `q-${i}`) } },
      tokens.editors.herten,
    );
    expect(codes(tooMany)).toEqual(["BAD_USER_INPUT"]);
    expect(paths(tooMany)).toEqual(["input.sources"]);
    const taken = await gql(hub, CREATE, { input: { ...valid, key: "18-203-rat-2018-11-28" } }, tokens.editors.herten);
    expect(codes(taken)).toEqual(["CONFLICT"]);
    expect(taken.errors![0].extensions!.fields).toEqual(["input.key"]);
    const missing = await gql(hub, CREATE, { input: { ...valid, outcome: "VIELLEICHT" } }, tokens.editors.herten);
    expect(missing.errors?.length).toBeGreaterThan(0);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("keeps keys per municipality: another city may use Herten's key for its own decision", async () => {
    const answer = await gql(
      hub,
      CREATE,
      { input: { ...valid, municipality: "ratingen", key: "18-203-rat-2018-11-28", body: "Rat der Stadt Ratingen" } },
      tokens.editors.ratingen,
    );
    expect(answer.errors).toBeUndefined();
    // By key, each editor reaches its own city's decision; an admin names the city.
    const ratingen = await gql(
      hub,
      `mutation { updateDecision(key: "18-203-rat-2018-11-28", version: 1, input: { note: "Ratingen" }) { id note } }`,
      {},
      tokens.editors.ratingen,
    );
    expect(ratingen.data!.updateDecision).toEqual({ id: answer.data!.createDecision.id, note: "Ratingen" });
    const before = await databaseDigest(hub.db.orm);
    const adminWithoutCity = await gql(
      hub,
      `mutation { archiveDecision(key: "18-203-rat-2018-11-28") { id } }`,
      {},
      tokens.admin,
    );
    expect(codes(adminWithoutCity)).toEqual(["BAD_USER_INPUT"]);
    expect(adminWithoutCity.errors![0].extensions!.fields).toEqual(["municipality"]);
    const both = await gql(
      hub,
      `mutation($id: ID!) { publishDecision(id: $id, key: "18-203-rat-2018-11-28") { id } }`,
      { id: answer.data!.createDecision.id },
      tokens.editors.ratingen,
    );
    expect(codes(both)).toEqual(["BAD_USER_INPUT"]);
    expect(both.errors![0].extensions!.fields).toEqual(["id", "key"]);
    const cityWithId = await gql(
      hub,
      `mutation($id: ID!) { publishDecision(id: $id, municipality: "ratingen") { id } }`,
      { id: answer.data!.createDecision.id },
      tokens.editors.ratingen,
    );
    expect(cityWithId.errors![0].extensions!.fields).toEqual(["municipality"]);
    const oversized = await gql(
      hub,
      `mutation($key: String!) { archiveDecision(key: $key, municipality: $key) { id } }`,
      { key: "k".repeat(5000) },
      tokens.editors.ratingen,
    );
    expect(codes(oversized)).toEqual(["BAD_USER_INPUT"]);
    expect(oversized.errors![0].extensions!.fields).toEqual(["key", "municipality"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
    const admin = await gql(
      hub,
      `mutation { updateDecision(key: "18-203-rat-2018-11-28", municipality: "herten", version: 1, input: { note: "Betrieb" }) { id note } }`,
      {},
      tokens.admin,
    );
    expect(admin.data!.updateDecision.note).toBe("Betrieb");
    expect(admin.data!.updateDecision.id).not.toBe(answer.data!.createDecision.id);
  });

  it("answers another city's draft by key exactly as a key nobody has (NOT_FOUND), and refuses its published ones", async () => {
    const draft = await gql(hub, CREATE, { input: { ...valid, key: "geheimer-entwurf" } }, tokens.editors.herten);
    expect(draft.errors).toBeUndefined();
    const ratingen = tokens.editors.ratingen;
    const before = await databaseDigest(hub.db.orm);
    const attempt = (key: string) =>
      gql(
        hub,
        `mutation($key: String!) { updateDecision(key: $key, municipality: "herten", version: 1, input: { note: "x" }) { id } }`,
        { key },
        ratingen,
      );
    const secret = await attempt("geheimer-entwurf");
    const nobody = await attempt("gibt-es-nicht");
    expect(codes(secret)).toEqual(["NOT_FOUND"]);
    expect(secret.errors!.map(({ message, extensions }) => [message, extensions])).toEqual(
      nobody.errors!.map(({ message, extensions }) => [message, extensions]),
    );
    const byId = await gql(
      hub,
      `mutation($id: ID!) { publishDecision(id: $id) { id } }`,
      { id: draft.data!.createDecision.id },
      ratingen,
    );
    expect(codes(byId)).toEqual(["NOT_FOUND"]);
    const published = await gql(
      hub,
      `mutation { archiveDecision(key: "17-137", municipality: "herten") { id } }`,
      {},
      ratingen,
    );
    expect(codes(published)).toEqual(["FORBIDDEN"]);
    const elsewhere = await gql(hub, CREATE, { input: { ...valid, key: "fremd" } }, ratingen);
    expect(codes(elsewhere)).toEqual(["FORBIDDEN"]);
    const anonymous = await gql(hub, CREATE, { input: { ...valid, key: "anonym" } });
    expect(codes(anonymous)).toEqual(["UNAUTHENTICATED"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
  });

  it("links a strategy to its city's decisions by key; another city's key is unknown there, a draft stays hidden", async () => {
    const herten = tokens.editors.herten;
    const STRATEGY = `{ strategy(slug: "herten-it-digitalisierungsstrategie") { version decisions { key } } }`;
    const { version } = (await gql(hub, STRATEGY, {}, herten)).data!.strategy;
    const draft = await gql(hub, CREATE, { input: { ...valid, key: "entwurf-zur-strategie" } }, herten);
    expect(draft.errors).toBeUndefined();
    const before = await databaseDigest(hub.db.orm);
    const wrong = await gql(
      hub,
      `mutation($version: Int!, $decisions: [String!]) { updateStrategy(slug: "herten-it-digitalisierungsstrategie", version: $version, input: { decisions: $decisions }) { id } }`,
      // Ratingen's decision key is unknown in Herten; so is one nobody has; 21 keys are too many.
      { version, decisions: ["17-137", "ratingen-digital-2025plus-ausschuss-2021-06-24", "nope"] },
      herten,
    );
    expect(codes(wrong)).toEqual(["BAD_USER_INPUT"]);
    expect(paths(wrong)).toEqual(["input.decisions[1]", "input.decisions[2]"]);
    const tooMany = await gql(
      hub,
      `mutation($version: Int!, $decisions: [String!]) { updateStrategy(slug: "herten-it-digitalisierungsstrategie", version: $version, input: { decisions: $decisions }) { id } }`,
      { version, decisions: Array.from({ length: 21 }, (_, i) => `k-${i}`) },
      herten,
    );
    expect(paths(tooMany)).toEqual(["input.decisions"]);
    expect(await databaseDigest(hub.db.orm)).toEqual(before);
    const linked = await gql(
      hub,
      `mutation($version: Int!) { updateStrategy(slug: "herten-it-digitalisierungsstrategie", version: $version, input: { decisions: ["17-137", "entwurf-zur-strategie"] }) { decisions { key } } }`,
      { version },
      herten,
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.updateStrategy.decisions.map((d: { key: string }) => d.key).sort()).toEqual([
      "17-137",
      "entwurf-zur-strategie",
    ]);
    const seenByPublic = (await gql(hub, STRATEGY)).data!.strategy.decisions.map((d: { key: string }) => d.key);
    expect(seenByPublic).toEqual(["17-137"]);
  });
});
