/**
 * A real OpenID provider for the tests: the npm package `oidc-provider` on 127.0.0.1 (a free port), with the
 * hub as a confidential client (code flow, PKCE required), accounts the test defines, and a small login page of
 * its own instead of the package's development pages: it asks for the account name (or offers to cancel), then
 * lets the provider redirect back. Consent is granted silently, as a town's provider does for its own apps.
 *
 * `tamperTokens` lets a test swap the ID token of the next token response for another genuine one (another
 * client's, another provider's, another nonce's) so that the hub's validation is tested against real tokens.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/**
 * The claims of an account of the test provider, beyond `sub`; those under `userinfoOnly` are left out of the ID
 * token and given by the userinfo endpoint only, as some providers (ADFS, Azure AD without optional claims) do.
 */
export type AccountClaims = Record<string, unknown> & { userinfoOnly?: Record<string, unknown> };

/** A provider running for a test. */
export interface TestProvider {
  /** Its issuer, e.g. `http://127.0.0.1:40123`. */
  issuer: string;
  provider: Provider;
  /** The accounts by id (the `sub`); a test may add or change them at any time. */
  accounts: Map<string, AccountClaims>;
  /**
   * Registers the hub (and an `andere-app` client) with its callback, the addresses it may be sent back to after
   * signing out, and its back-channel logout address; call once the hub's origin is known.
   */
  registerClients(
    redirectUris: string[],
    logout?: { postLogoutRedirectUris?: string[]; backchannelUri?: string },
  ): void;
  /** A JWT of `claims` signed with the provider's own key (or, with `foreignKey`, with another), header overrides merged. */
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>, foreignKey?: boolean): string;
  /** When set, the next token response's `id_token` is replaced by what it returns (then it is unset). */
  tamperTokens: ((idToken: string) => string) | null;
  close(): Promise<void>;
}

export const HUB_CLIENT = { id: "ikz-hub", secret: "ein-geheimnis-nur-fuer-tests-0123456789" };
export const OTHER_CLIENT = { id: "andere-app", secret: "ein-anderes-geheimnis-0123456789" };

/** The login page of the provider: one field, a sign-in and a cancel button. */
function loginPage(uid: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadt-Anmeldung</title></head><body>
<main><h1>Anmeldung bei der Stadtverwaltung</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="login">Benutzername</label> <input id="login" name="login" autocomplete="username">
<button type="submit">Anmelden</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Abbrechen</button></form>
</main></body></html>`;
}

/** The provider's question before signing out: `form` is the package's (hidden) form with its xsrf field. */
function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = "html";
  ctx.body = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Abmelden</title></head><body>
<main><h1>Von der Stadtverwaltung abmelden?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, abmelden</button>
<button type="submit" form="op.logoutForm">Nein, angemeldet bleiben</button></main></body></html>`;
}

/** The provider's page after signing out without an address to return to. */
function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = "html";
  ctx.body = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Abgemeldet</title></head><body><main><h1>Abgemeldet</h1></main></body></html>`;
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** Answers the provider's interactions (login, cancel); true when it handled the request. */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/abort)?$/.exec(new URL(req.url!, "http://x").pathname);
  if (!match) return false;
  const details = await provider.interactionDetails(req, res);
  if (!match[2]) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
    return true;
  }
  if (match[2] === "/abort") {
    const result = { error: "access_denied", error_description: "Die Anmeldung wurde abgebrochen." };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return true;
  }
  const login = (await formOf(req)).get("login") ?? "";
  await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  return true;
}

/** Grants the client every scope it asked for: no consent page. */
async function grantAll(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const existing = oidc.session?.grantIdFor(oidc.client!.clientId);
  if (existing) return oidc.provider.Grant.find(existing);
  const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
  grant.addOIDCScope(String(oidc.params?.scope ?? "openid"));
  await grant.save();
  return grant;
}

/** The provider at `issuer`: the hub's and another client, signing with `jwk`, its accounts from `known`. */
function createProvider(
  issuer: string,
  jwk: Record<string, unknown>,
  known: Map<string, AccountClaims>,
  redirectUris: string[],
  logout: { postLogoutRedirectUris?: string[]; backchannelUri?: string },
  endSession: boolean,
): Provider {
  return new Provider(issuer, {
    clients: [HUB_CLIENT, OTHER_CLIENT].map((client) => ({
      client_id: client.id,
      client_secret: client.secret,
      redirect_uris: redirectUris,
      ...(logout.postLogoutRedirectUris ? { post_logout_redirect_uris: logout.postLogoutRedirectUris } : {}),
      ...(logout.backchannelUri && client === HUB_CLIENT
        ? { backchannel_logout_uri: logout.backchannelUri, backchannel_logout_session_required: true }
        : {}),
      token_endpoint_auth_method: "client_secret_post",
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ["cookie-key-only-for-tests"] },
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "email", "kommune", "rollen", "ags"] },
    // Claims go into the ID token, as Keycloak and Azure AD put them there.
    conformIdTokenClaims: false,
    // The hub of the test listens on 127.0.0.1, which the provider's guard against server-side request forgery refuses.
    fetch: (url: Parameters<typeof fetch>[0], options?: RequestInit) =>
      fetch(url, { ...options, dispatcher: undefined } as RequestInit),
    features: {
      devInteractions: { enabled: false },
      // The provider's own pages for signing out, without the package's web fonts from elsewhere.
      rpInitiatedLogout: { enabled: endSession, logoutSource, postLogoutSuccessSource },
      backchannelLogout: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    loadExistingGrant: grantAll,
    findAccount: (_ctx, id) => {
      if (!known.has(id)) return undefined;
      const { userinfoOnly, ...claims } = known.get(id)!;
      return {
        accountId: id,
        claims: (use: string) => ({ sub: id, ...claims, ...(use === "userinfo" ? userinfoOnly : {}) }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = "text/plain";
      ctx.body = `${out.error}: ${out.error_description ?? ""}`;
    },
  });
}

/**
 * Starts a provider on a free port of 127.0.0.1; the clients are registered once the hub is up. With `endSession`
 * false it offers no signing out (no `end_session_endpoint`), as some providers do not.
 */
export async function startTestProvider(
  accounts: Record<string, AccountClaims> = {},
  { endSession = true }: { endSession?: boolean } = {},
): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), alg: "RS256", use: "sig", kid: "test" };
  const known = new Map(Object.entries(accounts));
  const foreign = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signWith = (key: KeyObject, claims: Record<string, unknown>, header: Record<string, unknown>) => {
    const head = { alg: "RS256", kid: "test", typ: "logout+jwt", ...header };
    const input = `${part(head)}.${part(claims)}`;
    return head.alg === "none"
      ? `${input}.`
      : `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
  };
  const state: TestProvider = {
    issuer,
    sign: (claims, header = {}, foreignKey = false) => signWith(foreignKey ? foreign : privateKey, claims, header),
    provider: undefined as unknown as Provider,
    accounts: known,
    tamperTokens: null,
    registerClients(redirectUris, logout = {}) {
      const provider = createProvider(issuer, jwk, known, redirectUris, logout, endSession);
      provider.use(async (ctx, next) => {
        await next();
        const tamper = state.tamperTokens;
        if (ctx.path !== "/token" || !tamper || !ctx.body || typeof ctx.body !== "object") return;
        state.tamperTokens = null;
        const body = ctx.body as { id_token?: string };
        if (body.id_token) body.id_token = tamper(body.id_token);
      });
      state.provider = provider;
      const callback = provider.callback();
      server.on("request", (req, res) => {
        interact(provider, req, res)
          .then((handled) => {
            if (!handled) callback(req, res);
          })
          .catch((error: Error) => res.writeHead(500).end(error.message));
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return state;
}
