/**
 * Signing in on the website with an API token (`/anmelden`), the server-side session it gives, "Meine Kommune",
 * and signing out: cookies, checks against cross-site posts, timeouts, revocation, and hostile form input.
 * Sessions are aged by setting their times back in the database, so no test waits for time to pass.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeToken } from "../../schema/token/token.service.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { EditorBrowser as Browser } from "../support/editor-browser.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { slug } }`;

describe("editor sessions on the website", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  const browser = () => new Browser(hub.origin);
  const sessionRows = () =>
    hub.db.orm.em
      .fork()
      .getConnection()
      .execute<{ id_hash: string; ended_at: Date | null }[]>("select * from editor_session");

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const draft = {
      municipality: "herten",
      slug: "herten-entwurf-sitzung",
      title: "Entwurf für die Sitzung",
      summary: "Test.",
      status: "PLANNED",
    };
    expect((await gql(hub, CREATE, { input: draft }, tokens.editors.herten)).errors).toBeUndefined();
    const other = { ...draft, municipality: "ratingen", slug: "ratingen-entwurf-sitzung", title: "Ratinger Entwurf" };
    expect((await gql(hub, CREATE, { input: other }, tokens.editors.ratingen)).errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  it("signs an editor in with a token: a session cookie, HttpOnly and SameSite, then Meine Kommune", async () => {
    const editor = browser();
    const form = await editor.request("/anmelden");
    expect(form.status).toBe(200);
    expect(form.headers.get("cache-control")).toBe("private, no-store");
    expect(form.text).toContain('type="password"');
    // Without OIDC_* no single sign-on is offered, and its routes are not there.
    expect(form.text).not.toContain("Konto Ihrer Stadt");
    expect((await editor.request("/anmelden/oidc")).status).toBe(404);
    const signedIn = await editor.request("/anmelden", {
      method: "POST",
      form: { csrf: Browser.csrfOf(form.text), token: tokens.editors.herten },
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe("/meine-kommune");
    const cookie = editor.lastSetCookies.find((line) => line.startsWith("ikz_sitzung="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const mine = await editor.request("/meine-kommune");
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    expect(mine.text).toContain("Meine Kommune: Herten");
    expect(mine.text).toContain("Entwurf für die Sitzung");
    expect(mine.text).toContain("Entwurf</td>");
    expect(mine.text).not.toContain("Ratinger Entwurf");
    expect(mine.text).toContain("Redaktion herten");
  });

  it("filters Meine Kommune by kind and state with a plain GET form", async () => {
    const editor = browser();
    await editor.signIn(tokens.editors.herten);
    const drafts = await editor.request("/meine-kommune?art=projekt&stand=DRAFT");
    expect(drafts.text).toContain("Entwurf für die Sitzung");
    expect(drafts.text).not.toContain("Veröffentlicht</td>");
    const published = await editor.request("/meine-kommune?stand=PUBLISHED");
    expect(published.text).not.toContain("Entwurf für die Sitzung");
    expect(published.text).toContain("Veröffentlicht</td>");
    const hostile = await editor.request("/meine-kommune?art=<script>&stand=%00");
    expect(hostile.status).toBe(400);
    expect(hostile.text).toContain("Unbekannte Art „&lt;script>“");
  });

  it("stores only a hash of the session id, and gives a new id at every sign-in", async () => {
    const editor = browser();
    await editor.signIn(tokens.editors.herten);
    const first = editor.jar.get("ikz_sitzung")!;
    const rows = await sessionRows();
    expect(rows.some((row) => row.id_hash === first)).toBe(false);
    expect(JSON.stringify(rows)).not.toContain(first);
    // Signed in, /anmelden sends the editor on; a sign-in form from another tab posts with the old cookie.
    expect((await editor.request("/anmelden")).location).toBe("/meine-kommune");
    const otherTab = await new Browser(hub.origin).request("/anmelden");
    editor.jar.set("ikz_anmeldung", /ikz_anmeldung=([^;]*)/.exec(otherTab.headers.get("set-cookie")!)![1]);
    const again = { csrf: Browser.csrfOf(otherTab.text), token: tokens.editors.herten };
    expect((await editor.request("/anmelden", { method: "POST", form: again })).status).toBe(303);
    const second = editor.jar.get("ikz_sitzung")!;
    expect(second).not.toBe(first);
    const stale = new Browser(hub.origin);
    stale.jar.set("ikz_sitzung", first);
    expect((await stale.request("/meine-kommune")).location).toBe("/anmelden");
  });

  it("sends a visitor without a session to the sign-in page", async () => {
    expect((await browser().request("/meine-kommune")).location).toBe("/anmelden");
    const forged = browser();
    forged.jar.set("ikz_sitzung", "A".repeat(43));
    expect((await forged.request("/meine-kommune")).location).toBe("/anmelden");
  });

  it.each([
    ["an unknown token", "ikz_" + "x".repeat(43), 401, "unbekannt oder widerrufen"],
    ["the revoked token", "revoked", 401, "unbekannt oder widerrufen"],
    ["nothing", "", 400, "Bitte geben Sie Ihren Zugangsschlüssel ein"],
    ["something that is no token", "passwort123", 400, "kein Zugangsschlüssel"],
    ["an oversized field", "ikz_" + "y".repeat(3000), 400, "kein Zugangsschlüssel"],
  ])("refuses %s with a message at the field and no session", async (_what, token, status, message) => {
    const visitor = browser();
    const answer = await visitor.signIn(token === "revoked" ? tokens.revoked : token);
    expect(answer.status).toBe(status);
    expect(answer.text).toContain(message);
    expect(answer.text).toContain('aria-invalid="true"');
    expect(visitor.jar.has("ikz_sitzung")).toBe(false);
    expect(answer.text).not.toContain(token.slice(0, 20) || "never");
  });

  it("refuses a body too large or with too many fields with the form again, not an error", async () => {
    const visitor = browser();
    const page = await visitor.request("/anmelden");
    const csrf = Browser.csrfOf(page.text);
    // Sign-in may carry a form's fields back to it (server/editor/forms), so it reads bodies as large as a form's.
    const big = await visitor.request("/anmelden", {
      method: "POST",
      form: { csrf, token: "ikz_" + "z".repeat(70_000) },
    });
    expect(big.status).toBe(413);
    expect(big.text).toContain("Das Formular war zu groß");
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}`, "1"]));
    const crowded = await visitor.request("/anmelden", { method: "POST", form: { csrf, ...many } });
    expect(crowded.status).toBe(413);
    expect(visitor.jar.has("ikz_sitzung")).toBe(false);
  });

  it("refuses a sign-in post without the form's secret, with another's, or from another site", async () => {
    const visitor = browser();
    await visitor.request("/anmelden");
    const missing = await visitor.request("/anmelden", { method: "POST", form: { token: tokens.editors.herten } });
    expect(missing.status).toBe(403);
    const wrong = await visitor.request("/anmelden", {
      method: "POST",
      form: { csrf: "x".repeat(43), token: tokens.editors.herten },
    });
    expect(wrong.status).toBe(403);
    const page = await visitor.request("/anmelden");
    const foreign = new Browser(hub.origin, "https://evil.example");
    for (const [name, value] of visitor.jar) foreign.jar.set(name, value);
    const crossSite = await foreign.request("/anmelden", {
      method: "POST",
      form: { csrf: Browser.csrfOf(page.text), token: tokens.editors.herten },
    });
    expect(crossSite.status).toBe(403);
    expect(foreign.jar.has("ikz_sitzung")).toBe(false);
  });

  it("signs out with a POST carrying the session's secret; a post without it changes nothing", async () => {
    const editor = browser();
    await editor.signIn(tokens.editors.herten);
    const mine = await editor.request("/meine-kommune");
    const forged = await editor.request("/abmelden", { method: "POST", form: {} });
    expect(forged.status).toBe(403);
    expect((await editor.request("/meine-kommune")).status).toBe(200);
    const cookie = editor.jar.get("ikz_sitzung")!;
    const out = await editor.request("/abmelden", { method: "POST", form: { csrf: Browser.csrfOf(mine.text) } });
    expect(out.status).toBe(200);
    expect(out.text).toContain("Sie sind abgemeldet");
    const replay = new Browser(hub.origin);
    replay.jar.set("ikz_sitzung", cookie);
    expect((await replay.request("/meine-kommune")).location).toBe("/anmelden");
    expect((await editor.request("/abmelden", { method: "GET" })).status).toBe(404);
  });

  it("signs out everywhere: every session of the token ends", async () => {
    const office = browser();
    const home = browser();
    await office.signIn(tokens.editors.kelsterbach);
    await home.signIn(tokens.editors.kelsterbach);
    const mine = await office.request("/meine-kommune");
    await office.request("/abmelden", { method: "POST", form: { csrf: Browser.csrfOf(mine.text), ueberall: "1" } });
    expect((await home.request("/meine-kommune")).location).toBe("/anmelden");
  });

  it("ends a session when idle too long, past its lifetime, or when its token is revoked", async () => {
    const connection = hub.db.orm.em.fork().getConnection();
    const idle = browser();
    await idle.signIn(tokens.editors.hildesheim);
    await connection.execute(
      "update editor_session set last_seen_at = now() - interval '31 minutes' where ended_at is null",
    );
    expect((await idle.request("/meine-kommune")).location).toBe("/anmelden");

    const old = browser();
    await old.signIn(tokens.editors.hildesheim);
    await connection.execute(
      "update editor_session set expires_at = now() - interval '1 second' where ended_at is null",
    );
    expect((await old.request("/meine-kommune")).location).toBe("/anmelden");

    const created = (
      await connection.execute<{ id: number }[]>(
        "select t.id from api_token t join municipality m on m.id = t.municipality_id where m.slug = 'ratingen'",
      )
    )[0];
    const revoked = browser();
    await revoked.signIn(tokens.editors.ratingen);
    expect((await revoked.request("/meine-kommune")).status).toBe(200);
    await revokeToken(hub.db.orm.em.fork(), created.id);
    expect((await revoked.request("/meine-kommune")).location).toBe("/anmelden");
  });

  it("never lets the session cookie act on /graphql", async () => {
    const editor = browser();
    await editor.signIn(tokens.editors.herten);
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: editor.cookie },
      body: JSON.stringify({ query: "{ viewer { name } }" }),
    });
    expect(((await response.json()) as { data: { viewer: unknown } }).data.viewer).toBeNull();
  });
});

describe("editor sessions behind https", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  beforeAll(async () => {
    hub = await startTestHub({ PUBLIC_URL: "https://hub.example" });
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  it("names its cookies __Host- and makes them Secure", async () => {
    const editor = new Browser(hub.origin, "https://hub.example");
    const answer = await editor.signIn(tokens.editors.herten);
    expect(answer.status).toBe(303);
    const cookie = editor.lastSetCookies.find((line) => line.startsWith("__Host-ikz_sitzung="))!;
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect((await editor.request("/meine-kommune")).status).toBe(200);
  });
});
