/**
 * `updatedAt` over HTTP: every public record type tells when its public content last
 * changed, as an ISO date-time; a write to a published record moves it, publishing
 * moves it, a write that changes nothing does not; and an edit made while a record was
 * hidden (its strategy unpublished) shows only as the moment it became public again.
 * Times are checked against the client's clock before and after each write (the hub
 * runs on the same machine), so no test waits for time to pass.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeEntities } from "../../schema/entities.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const STAMP = "__typename updatedAt";
const EVERY_TYPE = `{
  municipalities(first: 4) { nodes {
    ${STAMP}
    sources { ${STAMP} }
    engagements(first: 3) { ${STAMP} provider { ${STAMP} products(first: 3) { ${STAMP} } } }
    lessons(first: 3) { ${STAMP} }
  } }
  strategies(first: 10) { nodes {
    ${STAMP}
    fieldsOfAction { ${STAMP} topics { ${STAMP} } }
    budget(first: 5) { ${STAMP} }
    indicators(first: 5) { ${STAMP} values { ${STAMP} } }
    decisions { ${STAMP} }
  } }
  projects(first: 20) { nodes { ${STAMP} } }
  project(slug: "herten-kita-online") { costs(first: 3) { ${STAMP} } }
  workingGroups(first: 5) { nodes { ${STAMP} } }
}`;
// Every node type the features declare: the query above must reach each.
const TYPES = Object.keys(nodeEntities).sort();

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version updatedAt } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { version updatedAt } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { version updatedAt } }`;
const PUBLIC_PROJECT = `query($slug: String!) { project(slug: $slug) { updatedAt } }`;

/** Every object with an `updatedAt` anywhere in an answer. */
function stamped(value: unknown): { __typename: string; updatedAt: unknown }[] {
  if (Array.isArray(value)) return value.flatMap(stamped);
  if (value === null || typeof value !== "object") return [];
  const own = "updatedAt" in value ? [value as { __typename: string; updatedAt: unknown }] : [];
  return own.concat(Object.values(value).flatMap(stamped));
}

describe("updatedAt", () => {
  let hub: TestHub;
  let tokens: TestTokens;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  /** Runs `write` and returns its answer with the client's clock just before and after it. */
  async function timed<T>(write: () => Promise<T>): Promise<{ answer: T; before: number; after: number }> {
    const before = Date.now();
    const answer = await write();
    return { answer, before, after: Date.now() };
  }

  it("is an ISO date-time on every public record type", async () => {
    const answer = await gql(hub, EVERY_TYPE);
    expect(answer.errors).toBeUndefined();
    const records = stamped(answer.data);
    expect([...new Set(records.map((record) => record.__typename))].sort()).toEqual(TYPES);
    for (const { updatedAt: value } of records) {
      expect(value).toMatch(ISO);
      expect(new Date(value as string).toISOString()).toBe(value);
    }
  });

  it("moves when a project is published and when the published project changes, not when a write changes nothing", async () => {
    const herten = tokens.editors.herten;
    const slug = "herten-stand-test";
    const cited = await gql(hub, `{ municipality(slug: "herten") { sources { key } } }`);
    const sources = [cited.data!.municipality.sources[0].key];
    const input = {
      municipality: "herten",
      slug,
      title: "Stand",
      summary: "Für den Stand.",
      status: "PLANNED",
      topics: ["childcare"],
      sources,
    };
    const created = await gql(hub, CREATE, { input }, herten);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProject.id;
    expect((await gql(hub, PUBLIC_PROJECT, { slug })).data!.project).toBeNull();

    const published = await timed(() => gql(hub, PUBLISH, { id }, herten));
    expect(published.answer.errors).toBeUndefined();
    const atPublish = (await gql(hub, PUBLIC_PROJECT, { slug })).data!.project.updatedAt;
    expect(atPublish).toMatch(ISO);
    expect(Date.parse(atPublish)).toBeGreaterThanOrEqual(published.before);
    expect(Date.parse(atPublish)).toBeLessThanOrEqual(published.after);

    const updated = await timed(() =>
      gql(
        hub,
        UPDATE,
        { id, version: published.answer.data!.publishProject.version, input: { summary: "Geändert." } },
        herten,
      ),
    );
    expect(updated.answer.errors).toBeUndefined();
    const atUpdate = (await gql(hub, PUBLIC_PROJECT, { slug })).data!.project.updatedAt;
    expect(Date.parse(atUpdate)).toBeGreaterThanOrEqual(Math.max(updated.before, Date.parse(atPublish)));
    expect(Date.parse(atUpdate)).toBeLessThanOrEqual(updated.after);
    expect(updated.answer.data!.updateProject.updatedAt).toBe(atUpdate);

    const unchanged = await gql(
      hub,
      UPDATE,
      { id, version: updated.answer.data!.updateProject.version, input: { summary: "Geändert." } },
      herten,
    );
    expect(unchanged.errors).toBeUndefined();
    expect((await gql(hub, PUBLIC_PROJECT, { slug })).data!.project.updatedAt).toBe(atUpdate);
  });

  it("shows an edit made while a field of action was hidden only as the time its strategy was published again", async () => {
    const herten = tokens.editors.herten;
    const read = `{ strategy(slug: "herten-it-digitalisierungsstrategie") { id updatedAt fieldsOfAction { id version updatedAt } } }`;
    const strategy = (await gql(hub, read, {}, herten)).data!.strategy;
    const field = strategy.fieldsOfAction[0];

    const unpublished = await gql(
      hub,
      `mutation($id: ID!) { unpublishStrategy(id: $id) { publicationState } }`,
      { id: strategy.id },
      herten,
    );
    expect(unpublished.errors).toBeUndefined();
    expect((await gql(hub, read)).data!.strategy).toBeNull();
    const edit = `mutation($id: ID!, $version: Int!, $input: FieldOfActionInput!) { updateFieldOfAction(id: $id, version: $version, input: $input) { updatedAt } }`;
    const hidden = await timed(() =>
      gql(hub, edit, { id: field.id, version: field.version, input: { description: "Still geändert." } }, herten),
    );
    expect(hidden.answer.errors).toBeUndefined();
    // The editor sees the field's own write; the public cannot see the field at all.
    const hiddenAt = Date.parse(hidden.answer.data!.updateFieldOfAction.updatedAt);
    expect(hiddenAt).toBeGreaterThanOrEqual(hidden.before);

    const republished = await timed(() =>
      gql(hub, `mutation($id: ID!) { publishStrategy(id: $id) { publicationState } }`, { id: strategy.id }, herten),
    );
    expect(republished.answer.errors).toBeUndefined();
    const seen = (await gql(hub, read)).data!.strategy;
    const publicField = seen.fieldsOfAction.find((each: { id: string }) => each.id === field.id);
    expect(Date.parse(seen.updatedAt)).toBeGreaterThanOrEqual(republished.before);
    expect(Date.parse(seen.updatedAt)).toBeLessThanOrEqual(republished.after);
    // Not the hidden edit's moment: the republication's, which came after it.
    expect(publicField.updatedAt).toBe(seen.updatedAt);
    expect(Date.parse(publicField.updatedAt)).toBeGreaterThanOrEqual(hiddenAt);
  });
});
