/**
 * Signing in through the town's single sign-on (OpenID Connect) against a REAL provider: the npm package
 * `oidc-provider` on 127.0.0.1, started here, with real redirects between it and the hub. The flow (PKCE, state,
 * nonce), the session it gives (acting as an editor of the mapped municipality, new id, lifetimes, sign-out
 * everywhere, revisions naming the person), the refusals of people without a mapping, and every hostile or broken
 * answer (forged or missing state, replayed code, wrong nonce, ID tokens of another client or provider, the
 * provider's error response, oversized and hostile parameters): each a German page with a stable status, no
 * session, and the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSession } from "../../schema/token/session.service.js";
import { hashToken } from "../../schema/token/token.service.js";
import { createSiteQueryRunner } from "../../server/site/run-query.js";
import { createLogger } from "../../server/logger.js";
import { gql } from "../support/client.js";
import { digestWithout } from "../support/digest.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import {
  type AccountClaims,
  HUB_CLIENT,
  OTHER_CLIENT,
  startTestProvider,
  type TestProvider,
} from "../support/oidc-provider.js";
import { csrfOf, type WebAnswer, WebClient } from "../support/web-client.js";

const CALLBACK = "/anmelden/oidc/rueckruf";
const SIGNED_OUT = "/abgemeldet";
const BACKCHANNEL = "/anmelden/oidc/abmeldung";
const LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

/** Where a page that leads on to the provider (its refresh and its link) sends the browser. */
function leadsTo(answer: WebAnswer): string {
  const link = /<a href="([^"]+)" class="button-link"/.exec(answer.text)?.[1] ?? "";
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(answer.text)?.[1] ?? "";
  expect(refresh).toBe(link);
  return link.replaceAll("&amp;", "&");
}

const ACCOUNTS: Record<string, AccountClaims> = {
  erika: { name: "Erika Mustermann", kommune: "herten", rollen: ["ikz-redaktion", "mitarbeitende"] },
  max: { name: "Max Beispiel", kommune: "05158028", rollen: ["ikz-redaktion"] },
  ohne: { name: "Ohne Kommune", rollen: ["ikz-redaktion"] },
  fremd: { name: "Aus Fremdstadt", kommune: "fremdstadt", rollen: ["ikz-redaktion"] },
  doppelt: { name: "Zwei Städte", kommune: ["herten", "ratingen"], rollen: ["ikz-redaktion"] },
  leser: { name: "Nur Lesend", kommune: "herten", rollen: ["mitarbeitende"] },
  adfs: { name: "Aus Userinfo", userinfoOnly: { kommune: "hildesheim", rollen: ["ikz-redaktion"] } },
  boese: {
    name: "Böse\u202e<script>alert(1)</script>\u0007" + "x".repeat(500),
    kommune: "herten",
    rollen: "ikz-redaktion",
  },
};

/** The hub's environment for single sign-on at `issuer`. */
function oidcEnv(issuer: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: HUB_CLIENT.id,
    OIDC_CLIENT_SECRET: HUB_CLIENT.secret,
    OIDC_ROLE_CLAIM: "rollen",
    ...extra,
  };
}

/** Starts a sign-in on the hub: the sign-in page, then its single sign-on button; answers the redirect to the provider. */
async function startSignIn(client: WebClient, hub: TestHub): Promise<WebAnswer> {
  const page = await client.request(`${hub.origin}/anmelden`);
  expect(page.text).toContain("Mit dem Konto Ihrer Stadt anmelden");
  expect(page.text).toContain('href="/anmelden/oidc"');
  return client.request(`${hub.origin}/anmelden/oidc`);
}

/**
 * Goes through the provider as `login`: from the redirect of `startSignIn` to the provider's login page, submits
 * it, and follows the redirects until the provider sends the browser back to the hub's callback (not followed).
 */
async function atProvider(client: WebClient, started: WebAnswer, login: string, action = "login"): Promise<WebAnswer> {
  const toLogin = await client.follow(started.location!);
  const loginPage = toLogin[toLogin.length - 1];
  expect(loginPage.text).toContain("Anmeldung bei der Stadtverwaltung");
  const formUrl = loginPage.url.replace(/\/interaction\/([^/?]+).*$/, `/interaction/$1/${action}`);
  const back = await client.follow(formUrl, { method: "POST", form: { login } }, (hop) =>
    hop.location!.includes(CALLBACK),
  );
  const last = back[back.length - 1];
  expect(last.location).toContain(CALLBACK);
  return last;
}

/** A whole sign-in as `login`; answers the hub's answer to the callback. */
async function signIn(client: WebClient, hub: TestHub, login: string): Promise<WebAnswer> {
  const back = await atProvider(client, await startSignIn(client, hub), login);
  return client.request(back.location!);
}

describe("single sign-on through a real OpenID provider", () => {
  let provider: TestProvider;
  let hub: TestHub;
  let tokens: TestTokens;
  const rows = <T>(sql: string, params: unknown[] = []) =>
    hub.db.orm.em.fork().getConnection().execute<T[]>(sql, params);
  /** Every table but the sign-ins under way, which a provider's answer spends whatever it is. */
  const digest = () => digestWithout(hub.db.orm, ["editor_sign_in"]);
  /** The sign-in under way a browser's pending cookie names, as the hub keeps it. */
  const pendingOf = async (client: WebClient) => {
    const [row] = await rows<{ state: string; nonce: string; verifier: string }>(
      "select state, nonce, verifier from editor_sign_in where id_hash = ?",
      [hashToken(client.jar(hub.origin).get("ikz_oidc") ?? "")],
    );
    return row;
  };

  beforeAll(async () => {
    provider = await startTestProvider(ACCOUNTS);
    hub = await startTestHub(oidcEnv(provider.issuer));
    provider.registerClients([hub.origin + CALLBACK], {
      postLogoutRedirectUris: [hub.origin + SIGNED_OUT],
      backchannelUri: hub.origin + BACKCHANNEL,
    });
    tokens = await createTestTokens(hub.db.orm);
    const draft = {
      municipality: "herten",
      slug: "herten-entwurf-sso",
      title: "Entwurf für die Anmeldung der Stadt",
      summary: "Test.",
      status: "PLANNED",
    };
    const created = await gql(
      hub,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { slug } }`,
      {
        input: draft,
      },
      tokens.editors.herten,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(async () => {
    await hub?.close();
    await provider?.close();
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce, keeping them server-side, named by a short HttpOnly cookie", async () => {
    const client = new WebClient();
    const started = await startSignIn(client, hub);
    expect(started.status).toBe(303);
    const url = new URL(started.location!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("client_id")).toBe(HUB_CLIENT.id);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(url.searchParams.get("nonce")).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(url.searchParams.get("redirect_uri")).toBe(hub.origin + CALLBACK);
    const cookie = started.setCookies.find((line) => line.startsWith("ikz_oidc="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=600/);
    // The checks stay on the hub: the cookie is an opaque id, and the verifier never leaves for the provider.
    const pending = await pendingOf(client);
    expect(pending.state).toBe(url.searchParams.get("state"));
    expect(client.jar(hub.origin).get("ikz_oidc")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(client.jar(hub.origin).get("ikz_oidc")).not.toContain(pending.state);
    expect(started.location).not.toContain(pending.verifier);
  });

  it("signs an editor in: Meine Kommune of the mapped city, a session of the person, their name on the page", async () => {
    const client = new WebClient();
    const answer = await signIn(client, hub, "erika");
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${hub.origin}/meine-kommune`);
    expect(client.jar(hub.origin).has("ikz_oidc")).toBe(false);
    const cookie = answer.setCookies.find((line) => line.startsWith("ikz_sitzung="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const mine = await client.request(`${hub.origin}/meine-kommune`);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain("Meine Kommune: Herten");
    expect(mine.text).toContain("Erika Mustermann");
    expect(mine.text).toContain("Entwurf für die Anmeldung der Stadt");
    const [person] = await rows<{ issuer: string; subject: string; name: string; slug: string; role: string }>(
      "select p.issuer, p.subject, p.name, p.role, m.slug from editor_person p join municipality m on m.id = p.municipality_id where p.subject = 'erika'",
    );
    expect(person).toEqual({
      issuer: provider.issuer,
      subject: "erika",
      name: "Erika Mustermann",
      role: "EDITOR",
      slug: "herten",
    });
    const sessions = await rows<{ token_id: number | null; person_id: number | null }>(
      "select s.token_id, s.person_id from editor_session s join editor_person p on p.id = s.person_id where p.subject = 'erika' and s.ended_at is null",
    );
    expect(sessions.length).toBe(1);
    expect(sessions[0].token_id).toBeNull();
  });

  it("returns to the editor page the sign-in began from, and never to another site", async () => {
    const form = "/meine-kommune/projekte/neu";
    const page = await new WebClient().request(`${hub.origin}/anmelden?weiter=${encodeURIComponent(form)}`);
    expect(page.text).toContain(`href="/anmelden/oidc?weiter=${encodeURIComponent(form)}"`);
    for (const [weiter, expected] of [
      [form, form],
      ["//evil.example/meine-kommune", "/meine-kommune"],
      ["https://evil.example/", "/meine-kommune"],
      [`/meine-kommune/${"a".repeat(400)}`, "/meine-kommune"],
    ]) {
      const client = new WebClient();
      const started = await client.request(`${hub.origin}/anmelden/oidc?weiter=${encodeURIComponent(weiter)}`);
      const back = await atProvider(client, started, "erika");
      const answer = await client.request(back.location!);
      expect(answer.status, weiter).toBe(303);
      expect(answer.location, weiter).toBe(`${hub.origin}${expected}`);
    }
  });

  it("maps a person by AGS as well as by slug", async () => {
    const client = new WebClient();
    expect((await signIn(client, hub, "max")).status).toBe(303);
    expect((await client.request(`${hub.origin}/meine-kommune`)).text).toContain("Meine Kommune: Ratingen");
  });

  it("reads claims the ID token lacks from the userinfo endpoint", async () => {
    const client = new WebClient();
    expect((await signIn(client, hub, "adfs")).status).toBe(303);
    const mine = await client.request(`${hub.origin}/meine-kommune`);
    expect(mine.text).toContain("Meine Kommune: Hildesheim");
    expect(mine.text).toContain("Aus Userinfo");
  });

  it("acts exactly like an editor of the city in GraphQL, and revisions name the person who wrote", async () => {
    const client = new WebClient();
    await signIn(client, hub, "erika");
    const session = await findSession(hub.db.orm.em.fork(), client.jar(hub.origin).get("ikz_sitzung")!, {
      idleMs: 60_000,
      maxMs: 3_600_000,
    });
    expect(session?.municipality?.slug).toBe("herten");
    const run = createSiteQueryRunner({
      // The hub's own Apollo server, as its pages run their documents.
      apollo: (hub.hub as unknown as { apollo: never }).apollo,
      orm: hub.db.orm,
      logger: createLogger({ logLevel: "silent", logFormat: "json" }),
      search: (hub.hub as unknown as { search: { engine: never } }).search.engine,
    })();
    const create = `mutation($input: CreateProjectInput!) { createProject(input: $input) { slug revisions { actor } } }`;
    const input = {
      municipality: "herten",
      slug: "herten-von-erika",
      title: "Von Erika",
      summary: "Test.",
      status: "PLANNED",
    };
    const data = await run<{ createProject: { revisions: { actor: string }[] } }>(create, { input }, session!.viewer);
    expect(data.createProject.revisions[0].actor).toBe("Erika Mustermann");
    const [revision] = await rows<{ token_id: number | null; subject: string }>(
      "select r.token_id, p.subject from revision r join editor_person p on p.id = r.person_id order by r.id desc limit 1",
    );
    expect(revision).toEqual({ token_id: null, subject: "erika" });
    const foreign = { ...input, municipality: "ratingen", slug: "ratingen-von-erika" };
    await expect(run(create, { input: foreign }, session!.viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives a new session id at sign-in and ends the session the browser had", async () => {
    const client = new WebClient();
    const page = await client.request(`${hub.origin}/anmelden`);
    await client.request(`${hub.origin}/anmelden`, {
      method: "POST",
      form: { csrf: csrfOf(page.text), token: tokens.editors.herten },
    });
    const before = client.jar(hub.origin).get("ikz_sitzung")!;
    expect(before).toBeTruthy();
    // Signed in with a token, the editor follows the single sign-on link (from a tab opened before).
    const started = await client.request(`${hub.origin}/anmelden/oidc`);
    expect(started.status).toBe(303);
    const back = await atProvider(client, started, "erika");
    expect((await client.request(back.location!)).status).toBe(303);
    const after = client.jar(hub.origin).get("ikz_sitzung")!;
    expect(after).not.toBe(before);
    expect((await client.request(`${hub.origin}/meine-kommune`)).text).toContain("Erika Mustermann");
    const stale = new WebClient();
    stale.jar(hub.origin).set("ikz_sitzung", before);
    expect((await stale.request(`${hub.origin}/meine-kommune`)).location).toBe(`${hub.origin}/anmelden`);
  });

  it("signs out everywhere: every session of the person ends, other people's stay", async () => {
    const office = new WebClient();
    const home = new WebClient();
    const colleague = new WebClient();
    await signIn(office, hub, "erika");
    await signIn(home, hub, "erika");
    await signIn(colleague, hub, "max");
    const mine = await office.request(`${hub.origin}/meine-kommune`);
    const out = await office.request(`${hub.origin}/abmelden`, {
      method: "POST",
      form: { csrf: csrfOf(mine.text), ueberall: "1" },
    });
    expect(out.status).toBe(200);
    expect((await home.request(`${hub.origin}/meine-kommune`)).location).toBe(`${hub.origin}/anmelden`);
    expect((await colleague.request(`${hub.origin}/meine-kommune`)).status).toBe(200);
  });

  it("ends a person's session when idle too long or past its lifetime", async () => {
    const idle = new WebClient();
    await signIn(idle, hub, "max");
    await rows(
      "update editor_session set last_seen_at = now() - interval '31 minutes' where person_id is not null and ended_at is null",
    );
    expect((await idle.request(`${hub.origin}/meine-kommune`)).status).toBe(303);
    const old = new WebClient();
    await signIn(old, hub, "max");
    await rows(
      "update editor_session set expires_at = now() - interval '1 second' where person_id is not null and ended_at is null",
    );
    expect((await old.request(`${hub.origin}/meine-kommune`)).status).toBe(303);
  });

  it("cleans the person's name: no controls, no direction overrides, escaped, at most 120 characters", async () => {
    const client = new WebClient();
    expect((await signIn(client, hub, "boese")).status).toBe(303);
    const page = await client.request(`${hub.origin}/meine-kommune`);
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).toContain("&lt;script>alert(1)&lt;/script>");
    const [person] = await rows<{ name: string }>("select name from editor_person where subject = 'boese'");
    expect([...person.name].length).toBe(120);
    expect(person.name).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it.each([
    ["without a municipality", "ohne", "keiner Kommune zugeordnet"],
    ["of a municipality the hub does not list", "fremd", "im Hub nicht verzeichnet"],
    ["of two municipalities", "doppelt", "mehreren Kommunen zugeordnet"],
    ["without the editor role", "leser", "nicht die Rolle einer Redaktion"],
  ])("refuses a person %s with a clear German page (403), and no session", async (_what, login, reason) => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), login);
    const before = await digest();
    const answer = await client.request(back.location!);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain("Keine Berechtigung für die Redaktion");
    expect(answer.text).toContain(reason);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(client.jar(hub.origin).has("ikz_sitzung")).toBe(false);
    expect(await digest()).toEqual(before);
  });

  it("ends the sessions of a person who lost their mapping at their next sign-in", async () => {
    const office = new WebClient();
    provider.accounts.set("wechsel", { name: "Wechselnd", kommune: "herten", rollen: ["ikz-redaktion"] });
    await signIn(office, hub, "wechsel");
    expect((await office.request(`${hub.origin}/meine-kommune`)).status).toBe(200);
    provider.accounts.set("wechsel", { name: "Wechselnd", kommune: "herten", rollen: [] });
    expect((await signIn(new WebClient(), hub, "wechsel")).status).toBe(403);
    expect((await office.request(`${hub.origin}/meine-kommune`)).status).toBe(303);
  });

  it("signs out at the provider too (RP-initiated logout): the hub's session ends, the provider's as well", async () => {
    const client = new WebClient();
    await signIn(client, hub, "erika");
    const sessionId = client.jar(hub.origin).get("ikz_sitzung")!;
    const [stored] = await rows<{ id_token: string | null }>("select id_token from editor_session where id_hash = ?", [
      hashToken(sessionId),
    ]);
    // The ID token stays on the hub: the cookie is the session's random id only.
    expect(stored.id_token).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // While the provider's session lasts, a new sign-in comes straight back without the provider's login page.
    const again = await client.follow((await client.request(`${hub.origin}/anmelden/oidc`)).location!, {}, (hop) =>
      hop.location!.includes(CALLBACK),
    );
    expect(again[again.length - 1].location).toContain(CALLBACK);
    expect((await client.request(again[again.length - 1].location!)).status).toBe(303);

    const mine = await client.request(`${hub.origin}/meine-kommune`);
    const out = await client.request(`${hub.origin}/abmelden`, { method: "POST", form: { csrf: csrfOf(mine.text) } });
    expect(out.status).toBe(200);
    expect(out.text).toContain("Abmelden beim Anmeldedienst Ihrer Stadt");
    expect(client.jar(hub.origin).has("ikz_sitzung")).toBe(false);
    const end = new URL(leadsTo(out));
    expect(end.origin).toBe(provider.issuer);
    const [latest] = await rows<{ id_token: string; ended_at: Date | null }>(
      "select id_token, ended_at from editor_session where id_token is not null order by id desc limit 1",
    );
    expect(latest.ended_at).not.toBeNull();
    expect(end.searchParams.get("id_token_hint")).toBe(latest.id_token);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(hub.origin + SIGNED_OUT);
    const stale = new WebClient();
    stale.jar(hub.origin).set("ikz_sitzung", sessionId);
    expect((await stale.request(`${hub.origin}/meine-kommune`)).location).toBe(`${hub.origin}/anmelden`);

    // At the provider: its confirmation, then back to the hub.
    const confirm = await client.request(end.href);
    expect(confirm.status).toBe(200);
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(confirm.text)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)![1];
    const back = await client.follow(
      new URL(action, end).href,
      { method: "POST", form: { xsrf, logout: "yes" } },
      (hop) => hop.location!.startsWith(hub.origin),
    );
    expect(back[back.length - 1].location).toBe(hub.origin + SIGNED_OUT);
    const signedOut = await client.request(back[back.length - 1].location!);
    expect(signedOut.status).toBe(200);
    expect(signedOut.text).toContain("Sie sind abgemeldet, auch beim Anmeldedienst Ihrer Stadt.");
    // The provider's session is gone: a new sign-in asks for the login again.
    const toLogin = await client.follow((await startSignIn(client, hub)).location!);
    expect(toLogin[toLogin.length - 1].text).toContain("Anmeldung bei der Stadtverwaltung");
  });

  it("signs a token's session out here only, as before", async () => {
    const client = new WebClient();
    const page = await client.request(`${hub.origin}/anmelden`);
    await client.request(`${hub.origin}/anmelden`, {
      method: "POST",
      form: { csrf: csrfOf(page.text), token: tokens.editors.herten },
    });
    const mine = await client.request(`${hub.origin}/meine-kommune`);
    const out = await client.request(`${hub.origin}/abmelden`, { method: "POST", form: { csrf: csrfOf(mine.text) } });
    expect(out.status).toBe(200);
    expect(out.text).toContain("Sie sind abgemeldet.");
    expect(out.text).not.toContain("http-equiv");
    expect(out.text).not.toContain(provider.issuer);
  });

  /** Posts a new project's form without a session (it ended), from the hub's own page: the sign-in page carrying it. */
  async function expiredPost(client: WebClient, fields: Record<string, string>): Promise<WebAnswer> {
    const answer = await client.request(`${hub.origin}/meine-kommune/projekte/neu`, {
      method: "POST",
      form: { csrf: "abgelaufen", ...fields },
    });
    expect(answer.status).toBe(401);
    return answer;
  }

  /** The hidden fields of the sign-in page's single sign-on form. */
  function ssoForm(page: WebAnswer): [string, string][] {
    const form = /<form method="post" action="\/anmelden\/oidc"[^>]*>([\s\S]*?)<\/form>/.exec(page.text)![1];
    return [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [
      match[1],
      match[2].replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&lt;", "<"),
    ]);
  }

  it("carries a form posted after the session ended through single sign-on, back to that form", async () => {
    const client = new WebClient();
    const title = 'Kooperation <b>"Bauhof"</b> & Co';
    const page = await expiredPost(client, { title, summary: "Gemeinsamer Bauhof.", slug: "herten-bauhof" });
    expect(page.text).toContain('action="/anmelden/oidc"');
    const fields = ssoForm(page);
    expect(fields).toContainEqual(["weiter", "/meine-kommune/projekte/neu"]);
    expect(fields).toContainEqual(["eingabe.title", title]);
    const before = await digest();
    const leaving = await client.request(`${hub.origin}/anmelden/oidc`, {
      method: "POST",
      form: Object.fromEntries(fields),
    });
    expect(leaving.status).toBe(200);
    expect(leaving.text).toContain("Ihre Eingaben sind erhalten");
    // Kept on the hub, not in the browser.
    expect(client.jar(hub.origin).get("ikz_oidc")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const back = await atProvider(client, { location: leadsTo(leaving) } as WebAnswer, "erika");
    const resumed = await client.request(back.location!);
    expect(resumed.status).toBe(200);
    expect(resumed.text).toContain("Wieder angemeldet");
    expect(resumed.text).toContain('action="/meine-kommune/projekte/neu"');
    const carried = [...resumed.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
    const csrf = carried.find((match) => match[1] === "csrf")![2];
    const form = await client.request(`${hub.origin}/meine-kommune/projekte/neu`, {
      method: "POST",
      form: { csrf, title, summary: "Gemeinsamer Bauhof.", slug: "herten-bauhof", aktion: "zeigen" },
    });
    expect(form.status).toBe(200);
    expect(form.text).toContain("Gemeinsamer Bauhof.");
    expect(form.text).not.toContain("<b>");
    // Nothing was saved on the way: only the session is new (and the person's last sign-in).
    const after = await digest();
    expect({ ...after, editor_session: before.editor_session, editor_person: before.editor_person }).toEqual(before);
  });

  it.each([
    ["another site's post", { origin: "https://evil.example" }, 403, "Formular ist abgelaufen"],
    ["a post without the sign-in page's secret", { csrf: "" }, 403, "Formular ist abgelaufen"],
    [
      "a post with an editor page to return to that is not one",
      { weiter: "https://evil.example/" },
      400,
      "Ungültige Rückmeldung",
    ],
    ["fields larger than a form may be", { big: true }, 413, "zu groß"],
  ])("does not carry %s through single sign-on", async (_what, spoil, status, text) => {
    const client = new WebClient();
    const page = await expiredPost(client, { title: "Getragen" });
    const fields = Object.fromEntries(ssoForm(page));
    if ("csrf" in spoil) fields.csrf = spoil.csrf as string;
    if ("weiter" in spoil) fields.weiter = spoil.weiter as string;
    if ("big" in spoil) fields["eingabe.summary"] = "z".repeat(70 * 1024);
    const before = await digest();
    const beforePending = await rows<{ n: string }>("select count(*) as n from editor_sign_in");
    const answer =
      "origin" in spoil
        ? await fetch(`${hub.origin}/anmelden/oidc`, {
            method: "POST",
            headers: {
              origin: spoil.origin as string,
              "content-type": "application/x-www-form-urlencoded",
              cookie: [...client.jar(hub.origin)].map(([name, value]) => `${name}=${value}`).join("; "),
            },
            body: new URLSearchParams(fields),
            redirect: "manual",
          }).then(async (response) => ({ status: response.status, text: await response.text() }))
        : await client.request(`${hub.origin}/anmelden/oidc`, { method: "POST", form: fields });
    expect(answer.status).toBe(status);
    expect(answer.text).toContain(text);
    expect(answer.text).not.toContain(provider.issuer);
    expect(await digest()).toEqual(before);
    expect(await rows("select count(*) as n from editor_sign_in")).toEqual(beforePending);
  });

  /** Posts a back-channel logout as the provider does (a form with `logout_token`), or `body` as given. */
  async function postLogout(body: string, contentType = "application/x-www-form-urlencoded") {
    const response = await fetch(hub.origin + BACKCHANNEL, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    const text = await response.text();
    return { status: response.status, cache: response.headers.get("cache-control"), text };
  }
  const logoutForm = (token: string) => new URLSearchParams({ logout_token: token }).toString();

  it("ends a person's sessions when the provider signs them out on its back channel (signed out there, or removed)", async () => {
    const office = new WebClient();
    const colleague = new WebClient();
    await signIn(office, hub, "erika");
    await signIn(colleague, hub, "max");
    expect((await office.request(`${hub.origin}/meine-kommune`)).status).toBe(200);
    // The person signs out at the provider itself, not on the hub: the provider tells the hub.
    const told: string[] = [];
    provider.provider.on("backchannel.success", (_ctx, client) => told.push(client.clientId));
    const confirm = await office.request(`${provider.issuer}/session/end`);
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(confirm.text)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)![1];
    await office.follow(new URL(action, provider.issuer).href, { method: "POST", form: { xsrf, logout: "yes" } });
    expect(told).toEqual([HUB_CLIENT.id]);
    expect((await office.request(`${hub.origin}/meine-kommune`)).location).toBe(`${hub.origin}/anmelden`);
    expect((await colleague.request(`${hub.origin}/meine-kommune`)).status).toBe(200);
  });

  it("accepts a well-formed logout token for a person (sub) and ends all their sessions, others' stay", async () => {
    const office = new WebClient();
    const colleague = new WebClient();
    await signIn(office, hub, "erika");
    await signIn(colleague, hub, "max");
    const now = Math.floor(Date.now() / 1000);
    const token = provider.sign({
      iss: provider.issuer,
      aud: HUB_CLIENT.id,
      iat: now,
      jti: "abmeldung-1",
      sub: "erika",
      events: { [LOGOUT_EVENT]: {} },
    });
    const answer = await postLogout(logoutForm(token));
    expect(answer.status).toBe(200);
    expect(answer.cache).toBe("no-store");
    expect((await office.request(`${hub.origin}/meine-kommune`)).status).toBe(303);
    expect((await colleague.request(`${hub.origin}/meine-kommune`)).status).toBe(200);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const good = () => ({
    iss: provider.issuer,
    aud: HUB_CLIENT.id,
    iat: now(),
    jti: "j",
    sub: "erika",
    events: { [LOGOUT_EVENT]: {} },
  });
  it.each<[string, () => string, number, string]>([
    ["no logout_token", () => "", 400, "missing"],
    ["a logout_token that is no JWT", () => logoutForm("<script>alert(1)</script>"), 400, "malformed"],
    ["an unsigned token (alg none)", () => logoutForm(provider.sign(good(), { alg: "none" })), 400, "signature"],
    ["a token signed with another key", () => logoutForm(provider.sign(good(), {}, true)), 400, "signature"],
    [
      "a token of another issuer",
      () => logoutForm(provider.sign({ ...good(), iss: "https://evil.example" })),
      400,
      "issuer",
    ],
    ["a token for another client", () => logoutForm(provider.sign({ ...good(), aud: "andere-app" })), 400, "audience"],
    ["a token without iat", () => logoutForm(provider.sign({ ...good(), iat: undefined })), 400, "issued-at"],
    ["a token issued an hour ago", () => logoutForm(provider.sign({ ...good(), iat: now() - 3600 })), 400, "issued-at"],
    [
      "a token without the logout event",
      () => logoutForm(provider.sign({ ...good(), events: undefined })),
      400,
      "events",
    ],
    [
      "a token with another event",
      () => logoutForm(provider.sign({ ...good(), events: { "urn:x": {} } })),
      400,
      "events",
    ],
    ["a token with a nonce (an ID token)", () => logoutForm(provider.sign({ ...good(), nonce: "n" })), 400, "nonce"],
    ["a token naming nobody", () => logoutForm(provider.sign({ ...good(), sub: undefined })), 400, "subject"],
    [
      "a token with a subject that is no string",
      () => logoutForm(provider.sign({ ...good(), sub: { $ne: "" } })),
      400,
      "subject",
    ],
    ["a token of the right shape, too long", () => logoutForm(`${"a".repeat(9000)}.b.c`), 400, "malformed"],
    ["a body over 16 KB", () => logoutForm("a".repeat(20_000)), 413, "too-large"],
    ["two logout tokens", () => `logout_token=a.b.c&logout_token=a.b.c`, 400, "missing"],
  ])("refuses %s with a clear error, and ends no session", async (_what, body, status, problem) => {
    const office = new WebClient();
    await signIn(office, hub, "erika");
    const before = await digest();
    const answer = await postLogout(body());
    expect(answer.status).toBe(status);
    expect(answer.cache).toBe("no-store");
    const json = JSON.parse(answer.text) as { error: string; error_description: string };
    expect(json.error).toBe("invalid_request");
    expect(json.error_description.startsWith(problem)).toBe(true);
    expect(answer.text).not.toMatch(/at \w+ \(|stack/);
    expect(await digest()).toEqual(before);
    expect((await office.request(`${hub.origin}/meine-kommune`)).status).toBe(200);
  });

  /** A hostile or broken answer: the database as before, no session, the pending sign-in spent. */
  async function expectNothingWritten(client: WebClient, act: () => Promise<WebAnswer>, status: number, text: string) {
    const before = await digest();
    const answer = await act();
    expect(answer.status).toBe(status);
    expect(answer.text).toContain(text);
    expect(answer.text).not.toMatch(/at \w+ \(|Error:|stack/);
    expect(client.jar(hub.origin).has("ikz_sitzung")).toBe(false);
    expect(await digest()).toEqual(before);
    return answer;
  }

  it("refuses a callback without a sign-in begun here (no pending cookie)", async () => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    client.jar(hub.origin).delete("ikz_oidc");
    await expectNothingWritten(client, () => client.request(back.location!), 400, "Anmeldung abgelaufen");
  });

  /** Stores a copy of a browser's sign-in under way under another id (as if it had been begun twice); returns that id. */
  async function copyPending(client: WebClient, copyId: string): Promise<string> {
    await rows(
      `insert into editor_sign_in (id_hash, state, nonce, verifier, return_path, carried, created_at, expires_at)
        select ?, state, nonce, verifier, return_path, carried, created_at, expires_at from editor_sign_in where id_hash = ?`,
      [hashToken(copyId), hashToken(client.jar(hub.origin).get("ikz_oidc")!)],
    );
    return copyId;
  }

  it("refuses a forged state, spends the sign-in, and does not redeem the code", async () => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    const url = new URL(back.location!);
    const pendingCookie = client.jar(hub.origin).get("ikz_oidc")!;
    const copy = await copyPending(client, "C".repeat(43));
    url.searchParams.set("state", "A".repeat(43));
    await expectNothingWritten(client, () => client.request(url.href), 400, "Anmeldung abgelaufen");
    // The forged answer spent this sign-in: the real one cannot follow it.
    client.jar(hub.origin).set("ikz_oidc", pendingCookie);
    await expectNothingWritten(client, () => client.request(back.location!), 400, "Anmeldung abgelaufen");
    // The same code with the real checks still works: the forged answer was not sent to the provider.
    client.jar(hub.origin).set("ikz_oidc", copy);
    expect((await client.request(back.location!)).status).toBe(303);
  });

  it("refuses a replayed code", async () => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    const copy = await copyPending(client, "R".repeat(43));
    const pendingCookie = client.jar(hub.origin).get("ikz_oidc")!;
    expect((await client.request(back.location!)).status).toBe(303);
    const thief = new WebClient();
    thief.jar(hub.origin).set("ikz_oidc", pendingCookie);
    await expectNothingWritten(thief, () => thief.request(back.location!), 400, "Anmeldung abgelaufen");
    // Even with the checks of the sign-in (a copy of them), the provider does not redeem its code twice.
    thief.jar(hub.origin).set("ikz_oidc", copy);
    await expectNothingWritten(thief, () => thief.request(back.location!), 401, "Anmeldung nicht bestätigt");
  });

  it("refuses an ID token with another nonce than this sign-in's", async () => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    await rows("update editor_sign_in set nonce = ? where id_hash = ?", [
      "N".repeat(43),
      hashToken(client.jar(hub.origin).get("ikz_oidc")!),
    ]);
    await expectNothingWritten(client, () => client.request(back.location!), 401, "Anmeldung nicht bestätigt");
  });

  /** A genuine ID token of `issuerProvider` for `clientId`, with `nonce`, got through a whole code flow there. */
  async function idTokenFrom(
    issuerProvider: TestProvider,
    clientId: string,
    secret: string,
    nonce: string,
  ): Promise<string> {
    const client = new WebClient();
    const verifier = "v".repeat(50);
    const { createHash } = await import("node:crypto");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const auth = new URL(`${issuerProvider.issuer}/auth`);
    for (const [name, value] of Object.entries({
      client_id: clientId,
      response_type: "code",
      scope: "openid profile",
      redirect_uri: hub.origin + CALLBACK,
      state: "s".repeat(43),
      nonce,
      code_challenge: challenge,
      code_challenge_method: "S256",
    }))
      auth.searchParams.set(name, value);
    const back = await atProvider(client, { location: auth.href } as WebAnswer, "erika");
    const code = new URL(back.location!).searchParams.get("code")!;
    const response = await fetch(`${issuerProvider.issuer}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: hub.origin + CALLBACK,
        client_id: clientId,
        client_secret: secret,
        code_verifier: verifier,
      }),
    });
    return ((await response.json()) as { id_token: string }).id_token;
  }

  it("refuses a genuine ID token of the same provider for another client (audience)", async () => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    const { nonce } = await pendingOf(client);
    const foreign = await idTokenFrom(provider, OTHER_CLIENT.id, OTHER_CLIENT.secret, nonce);
    provider.tamperTokens = () => foreign;
    await expectNothingWritten(client, () => client.request(back.location!), 401, "Anmeldung nicht bestätigt");
  });

  it("refuses a genuine ID token of another provider (issuer), and an answer naming another issuer", async () => {
    const other = await startTestProvider(ACCOUNTS);
    try {
      other.registerClients([hub.origin + CALLBACK]);
      const client = new WebClient();
      const back = await atProvider(client, await startSignIn(client, hub), "erika");
      const { nonce } = await pendingOf(client);
      const foreign = await idTokenFrom(other, HUB_CLIENT.id, HUB_CLIENT.secret, nonce);
      provider.tamperTokens = () => foreign;
      await expectNothingWritten(client, () => client.request(back.location!), 401, "Anmeldung nicht bestätigt");

      const second = new WebClient();
      const back2 = await atProvider(second, await startSignIn(second, hub), "erika");
      const url = new URL(back2.location!);
      url.searchParams.set("iss", other.issuer);
      await expectNothingWritten(second, () => second.request(url.href), 401, "Anmeldung nicht bestätigt");
    } finally {
      provider.tamperTokens = null;
      await other.close();
    }
  });

  it("shows the provider's error response (the person cancelled) as a refusal, with its code only", async () => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "", "abort");
    expect(back.location).toContain("error=access_denied");
    const answer = await expectNothingWritten(client, () => client.request(back.location!), 401, "Anmeldung abgelehnt");
    expect(answer.text).toContain("access_denied");
    // The provider's free text is not shown.
    expect(answer.text).not.toContain("Die Anmeldung wurde abgebrochen");
  });

  it.each([
    ["an oversized parameter", (url: URL) => url.searchParams.set("code", "c".repeat(3000))],
    [
      "an oversized address",
      (url: URL) => url.searchParams.set("error_description", "d".repeat(2000) + "e".repeat(7000)),
    ],
    ["an unknown parameter", (url: URL) => url.searchParams.set("<script>", "1")],
    ["a repeated state", (url: URL) => url.searchParams.append("state", url.searchParams.get("state")!)],
    ["a control character", (url: URL) => url.searchParams.set("code", "abc\u0000def")],
  ])("refuses a callback with %s (400), before anything is redeemed", async (_what, spoil) => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    const url = new URL(back.location!);
    spoil(url);
    await expectNothingWritten(client, () => client.request(url.href), 400, "Ungültige Rückmeldung");
  });

  it("starts with a GET that writes nothing but the sign-in under way; only the latest one of a browser can finish", async () => {
    const client = new WebClient();
    const before = await digest();
    const first = await startSignIn(client, hub);
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    expect(await digest()).toEqual(before);
    const firstBack = await atProvider(client, first, "erika");
    // A second start in the same browser (another tab) replaces the checks of the first.
    const second = await startSignIn(client, hub);
    await expectNothingWritten(client, () => client.request(firstBack.location!), 400, "Anmeldung abgelaufen");
    expect(second.status).toBe(303);
  });

  it.each([
    ["an id of its own shape that names no sign-in", () => "A".repeat(43)],
    [
      "a cookie of the old kind (checks in base64 JSON)",
      () =>
        Buffer.from(
          JSON.stringify({ state: "s".repeat(43), nonce: "n".repeat(43), verifier: "v".repeat(43) }),
        ).toString("base64url"),
    ],
    ["an oversized cookie", () => "x".repeat(3000)],
    ["hostile text", () => encodeURIComponent("<script>alert(1)</script>")],
  ])("refuses a tampered pending cookie (%s) with a clear page, and redeems nothing", async (_what, forge) => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    client.jar(hub.origin).set("ikz_oidc", forge());
    await expectNothingWritten(client, () => client.request(back.location!), 400, "Anmeldung abgelaufen");
  });

  it("refuses a pending cookie past its lifetime, though its sign-in is still stored", async () => {
    const client = new WebClient();
    const back = await atProvider(client, await startSignIn(client, hub), "erika");
    await rows("update editor_sign_in set expires_at = now() - interval '1 second' where id_hash = ?", [
      hashToken(client.jar(hub.origin).get("ikz_oidc")!),
    ]);
    await expectNothingWritten(client, () => client.request(back.location!), 400, "Anmeldung abgelaufen");
  });
});

describe("single sign-on, limits and outages", () => {
  let provider: TestProvider;
  let hub: TestHub;
  let tokens: TestTokens;

  beforeAll(async () => {
    // A provider that offers no signing out at its side.
    provider = await startTestProvider(ACCOUNTS, { endSession: false });
    hub = await startTestHub({
      ...oidcEnv(provider.issuer),
      SIGN_IN_ATTEMPTS_PER_ADDRESS: "9",
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: "2",
    });
    provider.registerClients([hub.origin + CALLBACK]);
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(async () => {
    await hub?.close();
    await provider?.close();
  });

  /** Posts `token` on the sign-in form of a fresh visitor. */
  async function tryToken(token: string): Promise<WebAnswer> {
    const client = new WebClient();
    const page = await client.request(`${hub.origin}/anmelden`);
    return client.request(`${hub.origin}/anmelden`, { method: "POST", form: { csrf: csrfOf(page.text), token } });
  }

  // First: the sign-in budgets below are spent by the end of this block.
  it("signs a person out here only when the provider offers no end-session endpoint", async () => {
    const client = new WebClient();
    expect((await signIn(client, hub, "erika")).status).toBe(303);
    const mine = await client.request(`${hub.origin}/meine-kommune`);
    const out = await client.request(`${hub.origin}/abmelden`, { method: "POST", form: { csrf: csrfOf(mine.text) } });
    expect(out.status).toBe(200);
    expect(out.text).toContain("Sie sind abgemeldet.");
    expect(out.text).not.toContain("http-equiv");
    expect(out.text).not.toContain(provider.issuer);
    expect((await client.request(`${hub.origin}/meine-kommune`)).location).toBe(`${hub.origin}/anmelden`);
  });

  it("limits failed sign-ins of one person of the provider (counted after the ID token is validated)", async () => {
    const tries: number[] = [];
    for (let i = 0; i < 3; i++) tries.push((await signIn(new WebClient(), hub, "ohne")).status);
    expect(tries).toEqual([403, 403, 429]);
  });

  it("limits failed sign-ins per account and per address, with the same answer whether a token exists or not", async () => {
    // Successful sign-ins give their attempts back.
    for (let i = 0; i < 4; i++) expect((await tryToken(tokens.editors.herten)).status).toBe(303);
    const unknown = "ikz_" + "u".repeat(43);
    expect((await tryToken(unknown)).status).toBe(401);
    expect((await tryToken(unknown)).status).toBe(401);
    const unknownLimited = await tryToken(unknown);
    expect(unknownLimited.status).toBe(429);
    expect((await tryToken(tokens.revoked)).status).toBe(401);
    expect((await tryToken(tokens.revoked)).status).toBe(401);
    const revokedLimited = await tryToken(tokens.revoked);
    expect(revokedLimited.status).toBe(429);
    const message = (text: string) => /role="alert">([^<]*)</.exec(text)?.[1];
    expect(message(revokedLimited.text)).toBe(message(unknownLimited.text));
    expect(message(unknownLimited.text)).toContain("Zu viele fehlgeschlagene Anmeldeversuche");
    expect(Number(unknownLimited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Nine failures from this address (three of the person above, six here): now even a valid token waits.
    const valid = await tryToken(tokens.editors.ratingen);
    expect(valid.status).toBe(429);
    expect(valid.headers.get("set-cookie") ?? "").not.toContain("ikz_sitzung=");
  });
});

describe("single sign-on with the provider down", () => {
  let hub: TestHub;
  beforeAll(async () => {
    // A port nobody listens on: a provider that is not there.
    const provider = await startTestProvider();
    const issuer = provider.issuer;
    await provider.close();
    hub = await startTestHub(oidcEnv(issuer));
  });
  afterAll(() => hub?.close());

  it("says the provider cannot be reached (503), and the token sign-in still works", async () => {
    const client = new WebClient();
    const page = await client.request(`${hub.origin}/anmelden`);
    expect(page.status).toBe(200);
    const answer = await client.request(`${hub.origin}/anmelden/oidc`);
    expect(answer.status).toBe(503);
    expect(answer.text).toContain("Anmeldedienst nicht erreichbar");
    expect(answer.text).toContain("Zugangsschlüssel");
    expect(client.jar(hub.origin).has("ikz_oidc")).toBe(false);
    const tokens = await createTestTokens(hub.db.orm);
    const signedIn = await client.request(`${hub.origin}/anmelden`, {
      method: "POST",
      form: { csrf: csrfOf(page.text), token: tokens.editors.hildesheim },
    });
    expect(signedIn.status).toBe(303);
  });
});
