/**
 * API tokens over HTTP: `Query.viewer`, refusal of invalid, revoked and malformed
 * tokens (401 UNAUTHENTICATED, charged to the address's budget), and a verified token's
 * own rate-limit budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import { createToken, revokeToken } from "../../schema/token/token.service.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const VIEWER = "{ viewer { name role municipality { slug name } } }";

function post(hub: TestHub, query: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
}

async function expectUnauthenticated(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toBe("Bearer");
  // Refused after the rate limiter: the refusal was charged to the address's budget.
  expect(res.headers.get("ratelimit-limit")).not.toBeNull();
  const body = (await res.json()) as any;
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].message).toMatch(/^The API token is invalid or revoked; /);
  expect(body.errors[0].extensions).toEqual({ code: "UNAUTHENTICATED" });
}

describe("viewer and token checks", () => {
  let hub: TestHub;
  let editor: string;
  let admin: string;
  let revoked: string;
  beforeAll(async () => {
    hub = await startTestHub();
    const em = () => hub.db.orm.em.fork();
    editor = (
      await createToken(em(), { name: "Amt 10 – Digitalisierung", role: TokenRole.EDITOR, municipalitySlug: "herten" })
    ).token;
    admin = (await createToken(em(), { name: "Betrieb", role: TokenRole.ADMIN })).token;
    const old = await createToken(em(), { name: "Alt", role: TokenRole.EDITOR, municipalitySlug: "ratingen" });
    await revokeToken(em(), old.record.id);
    revoked = old.token;
  });
  afterAll(() => hub?.close());

  it("is null for anonymous callers", async () => {
    const res = await post(hub, VIEWER);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: null } });
  });

  it("shows an editor token's name, role and municipality, and is never cached publicly", async () => {
    const res = await post(hub, VIEWER, { authorization: `Bearer ${editor}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: {
        viewer: { name: "Amt 10 – Digitalisierung", role: "EDITOR", municipality: { slug: "herten", name: "Herten" } },
      },
    });
    const url = new URL(hub.url);
    url.searchParams.set("query", VIEWER);
    const get = await fetch(url, {
      headers: { "apollo-require-preflight": "true", authorization: `Bearer ${editor}` },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get("cache-control") ?? "").not.toMatch(/public/);
  });

  it("shows an admin token without a municipality, and reads public data as before", async () => {
    const res = await post(hub, `${VIEWER.slice(0, -1)} municipalities { totalCount } }`, {
      authorization: `bearer ${admin}`,
    });
    expect(await res.json()).toEqual({
      data: { viewer: { name: "Betrieb", role: "ADMIN", municipality: null }, municipalities: { totalCount: 4 } },
    });
  });

  it("refuses a revoked token", async () => {
    await expectUnauthenticated(await post(hub, VIEWER, { authorization: `Bearer ${revoked}` }));
  });

  it("refuses unknown and malformed tokens and other schemes, never with a 500", async () => {
    for (const authorization of [
      `Bearer ikz_${"A".repeat(43)}`,
      "Bearer garbage",
      `Bearer ${"x".repeat(10_000)}`,
      `Bearer ikz_${"A".repeat(10_000)}`,
      "Bearer",
      "Bearer ",
      `Basic ${Buffer.from("user:pass").toString("base64")}`,
      editor,
      `Token ${editor}`,
      `Bearer ${editor} ${editor}`,
    ]) {
      await expectUnauthenticated(await post(hub, VIEWER, { authorization }));
    }
  });

  it("answers CORS preflights before the token check, but does not allow the Authorization header cross-origin", async () => {
    const res = await fetch(hub.url, {
      method: "OPTIONS",
      headers: {
        origin: "https://stadt.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
        authorization: "Bearer garbage",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toBe(
      "content-type,apollo-require-preflight,x-apollo-operation-name",
    );
  });
});

describe("rate limits with tokens", () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub({ RATE_LIMIT_POINTS: "3" });
    token = (
      await createToken(hub.db.orm.em.fork(), { name: "Skript", role: TokenRole.EDITOR, municipalitySlug: "herten" })
    ).token;
  });
  afterAll(() => hub?.close());

  it("charges unknown tokens to the address, and gives a verified token its own budget", async () => {
    // First use of a valid token: charged to the address once, then verified and remembered.
    const first = await post(hub, "{ __typename }", { authorization: `Bearer ${token}` });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-remaining")).toBe("2");
    // Unknown and malformed tokens spend the address's budget before they are refused.
    const unknown = await post(hub, "{ __typename }", { authorization: `Bearer ikz_${"B".repeat(43)}` });
    await expectUnauthenticated(unknown);
    expect(unknown.headers.get("ratelimit-remaining")).toBe("1");
    await expectUnauthenticated(await post(hub, "{ __typename }", { authorization: "Bearer garbage" }));
    // The address is spent: more random tokens get 429 and never reach the database.
    const flood = await post(hub, "{ __typename }", { authorization: `Bearer ikz_${"C".repeat(43)}` });
    expect(flood.status).toBe(429);
    expect((await post(hub, "{ __typename }")).status).toBe(429);

    // The verified token spends its own budget, untouched by the address's.
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await post(hub, "{ __typename }", { authorization: `Bearer ${token}` });
      expect(res.status).toBe(200);
      remaining.push(res.headers.get("ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const over = await post(hub, "{ __typename }", { authorization: `Bearer ${token}` });
    expect(over.status).toBe(429);
    expect(((await over.json()) as any).errors[0].message).toMatch(/for this token;/);
  });
});
