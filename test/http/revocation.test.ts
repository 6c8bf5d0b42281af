/**
 * A revoked token stops reading drafts at once, although the hub remembers
 * verified tokens for AUTH_CACHE_MS: revoked through the token service (as the
 * CLI does, from another connection), or found revoked by a write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import { createToken, revokeToken } from "../../schema/token/token.service.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const DRAFT = `{ project(slug: "herten-revisionsentwurf") { title } }`;
const codes = (answer: { errors?: { extensions?: Record<string, any> }[] }) =>
  answer.errors?.map((error) => error.extensions?.code);

describe("a revoked token", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    const { token } = await createToken(hub.db.orm.em.fork(), {
      name: "Anlage",
      role: TokenRole.EDITOR,
      municipalitySlug: "herten",
    });
    const created = await gql(
      hub,
      `mutation { createProject(input: { municipality: "herten", slug: "herten-revisionsentwurf", title: "Entwurf", summary: "Intern.", status: PLANNED }) { id } }`,
      {},
      token,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  async function editorReadingTheDraft(name: string) {
    const { token, record } = await createToken(hub.db.orm.em.fork(), {
      name,
      role: TokenRole.EDITOR,
      municipalitySlug: "herten",
    });
    // Twice: the second answer comes from the remembered verification.
    for (let i = 0; i < 2; i += 1)
      expect((await gql(hub, DRAFT, {}, token)).data?.project).toEqual({ title: "Entwurf" });
    return { token, id: record.id };
  }

  it("reads no draft right after it was revoked elsewhere", async () => {
    const { token, id } = await editorReadingTheDraft("Gleich weg");
    await revokeToken(hub.db.orm.em.fork(), id);
    const answer = await gql(hub, DRAFT, {}, token);
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(["UNAUTHENTICATED"]);
    expect(answer.data?.project).toBeUndefined();
    // And stays refused; without the token the draft does not exist.
    expect((await gql(hub, DRAFT, {}, token)).status).toBe(401);
    expect((await gql(hub, DRAFT)).data).toEqual({ project: null });
  });

  it("reads no draft after a write refused it as revoked", async () => {
    const { token, id } = await editorReadingTheDraft("Schreibt noch");
    await revokeToken(hub.db.orm.em.fork(), id);
    const write = await gql(
      hub,
      `mutation { createSource(input: { key: "herten-nach-widerruf", title: "Zu spät" }) { id } }`,
      {},
      token,
    );
    expect(codes(write)).toEqual(["UNAUTHENTICATED"]);
    const read = await gql(hub, DRAFT, {}, token);
    expect(read.status).toBe(401);
    expect(read.data?.project).toBeUndefined();
  });
});
