import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiToken } from "../../schema/token/api-token.entity.js";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import {
  createToken,
  hashToken,
  listTokens,
  revokeToken,
  TokenInputError,
  verifyToken,
} from "../../schema/token/token.service.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe("token service", () => {
  it("creates an editor token, stores only its hash, and verifies it", async () => {
    const { token, record } = await createToken(db.orm.em.fork(), {
      name: "Amt 10 – Digitalisierung",
      role: TokenRole.EDITOR,
      municipalitySlug: "herten",
    });
    expect(token).toMatch(/^ikz_[A-Za-z0-9_-]{43}$/);
    expect(record.tokenHash).toBe(hashToken(token));
    const rows: Record<string, unknown>[] = await db.orm.em.getConnection().execute("select * from api_token");
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));

    const verified = await verifyToken(db.orm.em.fork(), token);
    expect(verified?.id).toBe(record.id);
    expect(verified?.role).toBe(TokenRole.EDITOR);
    expect(verified?.lastUsedAt).toBeInstanceOf(Date);
    const listed = await listTokens(db.orm.em.fork());
    const mine = listed.find((row) => row.id === record.id)!;
    expect(mine.municipality?.getEntity().slug).toBe("herten");
    expect(mine.lastUsedAt).toBeInstanceOf(Date);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const { token, record } = await createToken(db.orm.em.fork(), { name: "Zähler", role: TokenRole.ADMIN });
    await verifyToken(db.orm.em.fork(), token);
    const first = (await db.orm.em.fork().findOneOrFail(ApiToken, record.id)).lastUsedAt!;
    await verifyToken(db.orm.em.fork(), token);
    expect((await db.orm.em.fork().findOneOrFail(ApiToken, record.id)).lastUsedAt).toEqual(first);
  });

  it("creates admin tokens without a municipality", async () => {
    const { record } = await createToken(db.orm.em.fork(), {
      name: "Betrieb",
      role: TokenRole.ADMIN,
      municipalitySlug: null,
    });
    expect(record.municipality).toBeNull();
  });

  it("refuses an editor without, an admin with, and an unknown municipality", async () => {
    const em = db.orm.em.fork();
    await expect(createToken(em, { name: "x", role: TokenRole.EDITOR })).rejects.toThrow(
      /editor token needs its municipality/,
    );
    await expect(createToken(em, { name: "x", role: TokenRole.ADMIN, municipalitySlug: "herten" })).rejects.toThrow(
      /admin token belongs to no municipality/,
    );
    await expect(createToken(em, { name: "x", role: TokenRole.EDITOR, municipalitySlug: "atlantis" })).rejects.toThrow(
      /No municipality has the slug "atlantis"/,
    );
    await expect(createToken(em, { name: "", role: TokenRole.ADMIN })).rejects.toBeInstanceOf(TokenInputError);
  });

  it("has database checks for the role's municipality and the name", async () => {
    const connection = db.orm.em.getConnection();
    await expect(
      connection.execute(
        "insert into api_token (name, role, municipality_id, token_hash, created_at) values ('x', 'EDITOR', null, repeat('a', 64), now())",
      ),
    ).rejects.toThrow(/api_token_role_municipality/);
    await expect(
      connection.execute(
        "insert into api_token (name, role, municipality_id, token_hash, created_at) values ('x', 'ADMIN', (select id from municipality limit 1), repeat('b', 64), now())",
      ),
    ).rejects.toThrow(/api_token_role_municipality/);
    await expect(
      connection.execute(
        "insert into api_token (name, role, token_hash, created_at) values ('', 'ADMIN', repeat('c', 64), now())",
      ),
    ).rejects.toThrow(/api_token_name_length/);
  });

  it("revokes a token (twice is fine) so that it no longer verifies", async () => {
    const { token, record } = await createToken(db.orm.em.fork(), {
      name: "Kurzlebig",
      role: TokenRole.EDITOR,
      municipalitySlug: "ratingen",
    });
    const first = await revokeToken(db.orm.em.fork(), record.id);
    expect(first.alreadyRevoked).toBe(false);
    expect(first.record.revokedAt).toBeInstanceOf(Date);
    const second = await revokeToken(db.orm.em.fork(), record.id);
    expect(second.alreadyRevoked).toBe(true);
    expect(await verifyToken(db.orm.em.fork(), token)).toBeNull();
    await expect(revokeToken(db.orm.em.fork(), 999_999)).rejects.toThrow(/No token has the id 999999/);
  });

  it("verifies nothing for unknown or malformed tokens", async () => {
    const em = db.orm.em.fork();
    expect(await verifyToken(em, `ikz_${"A".repeat(43)}`)).toBeNull();
    expect(await verifyToken(em, "garbage")).toBeNull();
    expect(await verifyToken(em, "x".repeat(10_000))).toBeNull();
  });
});
