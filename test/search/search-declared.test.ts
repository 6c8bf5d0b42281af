/**
 * The search SQL is declared by the features (`Feature.searchable`): what the migrations deployed is what the
 * declarations generate (server/search/search-ddl.ts), and the generated SQL keeps search working.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { features } from "../../schema/features.js";
import { lockOrder, searchableOf } from "../../schema/search/searchable-types.js";
import { searchDdl } from "../../server/search/search-ddl.js";
import { renderSearchSql, renderSearchSqlWith } from "../../server/search/search-sql.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const declared = searchableOf(features);
let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.close();
});

const deployed = async () => renderSearchSql(async <T>(sql: string) => (await client.query(sql)).rows as T[]);

describe("the search SQL the features declare", () => {
  it("is what the migrations deployed: deploying it again changes nothing", async () => {
    expect(await renderSearchSqlWith(client, searchDdl(declared))).toBe(await deployed());
  });

  it("differs from what is deployed when a declaration changes (the check can fail)", async () => {
    const [first, ...rest] = declared;
    const changed = [{ ...first, own: first.own.slice(1) }, ...rest];
    expect(await renderSearchSqlWith(client, searchDdl(changed))).not.toBe(await deployed());
  });

  it("orders types after those they follow, and refuses types that follow each other", () => {
    const order = lockOrder(declared).map((type) => type.type);
    for (const type of declared)
      for (const follow of type.follows) expect(order.indexOf(follow.type)).toBeLessThan(order.indexOf(type.type));
    const [a, b] = declared;
    const cycle = [
      { ...a, follows: [{ type: b.type, columns: [], ids: "select 1" }] },
      { ...b, follows: [{ type: a.type, columns: [], ids: "select 1" }] },
    ];
    expect(() => lockOrder(cycle)).toThrow(/cycle/);
  });
});
