/**
 * A municipality's records named by a key of their own (`municipality { decision(key:) indicator(key:) }`): read as
 * the caller may see them (a draft only by the city's editors), one statement per key for any number of cities, bad
 * keys refused with a stable code; and the editor forms that read them, which find the 101st record of a city too
 * (they used to list the first hundred and pick the key there).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectKeyRefused, gql, MALFORMED_KEYS, OVERSIZED_KEYS } from "../support/client.js";
import { contentDigest } from "../support/digest.js";
import { signedInEditor } from "../support/editor-browser.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const COPIES = 105;

let hub: TestHub;
let tokens: TestTokens;
let sql: pg.Client;

/** Copies one row of `table` `COPIES` times under the keys `massen-001`…, in the given publication state. */
async function copyRow(table: string, from: string, state: string): Promise<void> {
  const { rows } = await sql.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and column_name not in ('id', 'key', 'publication_state')
        and is_generated = 'NEVER'`,
    [table],
  );
  const columns = rows.map((row) => `"${row.column_name}"`).join(", ");
  await sql.query(
    `insert into "${table}" (${columns}, "key", "publication_state")
     select ${columns}, 'massen-' || lpad(g::text, 3, '0'), $2 from "${table}", generate_series(1, ${COPIES}) as g
      where "key" = $1`,
    [from, state],
  );
}

beforeAll(async () => {
  hub = await startTestHub();
  tokens = await createTestTokens(hub.db.orm);
  sql = new pg.Client({ connectionString: hub.db.url });
  await sql.connect();
  const { rows } = await sql.query<{ key: string }>(
    `select d.key from decision d join municipality m on m.id = d.municipality_id where m.slug = 'herten' limit 1`,
  );
  await copyRow("decision", rows[0].key, "DRAFT");
  const indicator = await sql.query<{ key: string }>(
    `select i.key from indicator i join municipality m on m.id = i.municipality_id
      where m.slug = 'herten' and i.publication_state = 'PUBLISHED' limit 1`,
  );
  await copyRow("indicator", indicator.rows[0].key, "PUBLISHED");
});
afterAll(async () => {
  await sql?.end();
  await hub?.close();
});

const BY_KEY = `query ($key: String!) { municipality(slug: "herten") {
  decision(key: $key) { key title publicationState } indicator(key: $key) { key name } } }`;

describe("municipality { decision(key:) indicator(key:) }", () => {
  it("finds a city's 101st record by its key, a draft only for the city's own editors", async () => {
    const own = await gql(hub, BY_KEY, { key: "massen-101" }, tokens.editors.herten);
    expect(own.errors).toBeUndefined();
    expect(own.data!.municipality.decision).toMatchObject({ key: "massen-101", publicationState: "DRAFT" });
    expect(own.data!.municipality.indicator).toMatchObject({ key: "massen-101" });
    for (const token of [undefined, tokens.editors.ratingen]) {
      const other = await gql(hub, BY_KEY, { key: "massen-101" }, token);
      expect(other.errors).toBeUndefined();
      // The draft decision is unknown to them; the published indicator is everyone's.
      expect(other.data!.municipality.decision).toBeNull();
      expect(other.data!.municipality.indicator).toMatchObject({ key: "massen-101" });
    }
  });

  it("answers null for an unknown key and another city's key", async () => {
    const answer = await gql(hub, BY_KEY, { key: "gibt-es-nicht" }, tokens.editors.herten);
    expect(answer.data!.municipality).toEqual({ decision: null, indicator: null });
    const elsewhere = await gql(
      hub,
      `{ municipality(slug: "ratingen") { indicator(key: "massen-001") { key } decision(key: "massen-001") { key } } }`,
      {},
      tokens.editors.herten,
    );
    expect(elsewhere.data!.municipality).toEqual({ indicator: null, decision: null });
  });

  it("refuses an over-long or missing key with a stable code, without a 500", async () => {
    for (const key of ["x".repeat(121), "ü".repeat(5000)]) {
      const answer = await gql(hub, BY_KEY, { key });
      expect(answer.errors?.[0].extensions?.code, key.slice(0, 10)).toBe("BAD_USER_INPUT");
      expect(answer.errors?.[0].message).toMatch(/key is at most 120 characters/);
    }
    const missing = await gql(hub, `{ municipality(slug: "herten") { indicator { key } } }`);
    expect(missing.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a malformed or oversized key of either field as source(key:) does, naming the argument, and writes nothing", async () => {
    const before = await contentDigest(hub.db.orm);
    for (const field of ["decision", "indicator"])
      for (const key of [...MALFORMED_KEYS, ...OVERSIZED_KEYS]) {
        const answer = await gql(
          hub,
          `query ($key: String!) { municipality(slug: "herten") { ${field}(key: $key) { key } } }`,
          { key },
          tokens.editors.herten,
        );
        expectKeyRefused(answer, OVERSIZED_KEYS.includes(key), `${field} ${JSON.stringify(key.slice(0, 20))}`);
      }
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("reads the key's records of many cities in one statement", async () => {
    hub.db.resetQueryCount();
    const answer = await gql(
      hub,
      `{ municipalities(first: 4) { nodes { slug indicator(key: "massen-050") { key } decision(key: "massen-050") { key } } } }`,
      {},
      tokens.editors.herten,
    );
    expect(answer.errors).toBeUndefined();
    const herten = answer.data!.municipalities.nodes.find((city: { slug: string }) => city.slug === "herten");
    expect(herten).toMatchObject({ indicator: { key: "massen-050" }, decision: { key: "massen-050" } });
    // The municipalities, then one statement for each of the two keyed fields.
    expect(hub.db.queries.filter((query) => /from "(indicator|decision)"/.test(query))).toHaveLength(2);
  });
});

describe("editor forms beyond a city's first hundred records", () => {
  it("opens the 101st and the last decision and indicator of a city in their forms", async () => {
    const browser = await signedInEditor(hub.origin, tokens.editors.herten);
    for (const segment of ["beschluesse", "kennzahlen"])
      for (const key of ["massen-101", `massen-${COPIES}`]) {
        const form = await browser.request(`/meine-kommune/${segment}/${key}/bearbeiten`);
        expect(form.status, `${segment}/${key}`).toBe(200);
        expect(form.text, `${segment}/${key}`).toContain(`/meine-kommune/${segment}/${key}/bearbeiten`);
      }
    const foreign = await signedInEditor(hub.origin, tokens.editors.ratingen);
    expect((await foreign.request("/meine-kommune/kennzahlen/massen-101/bearbeiten")).status).toBe(404);
    expect((await foreign.request("/meine-kommune/beschluesse/massen-101/bearbeiten")).status).toBe(404);
  });
});
