import * as client from "openid-client";
import type { Logger } from "../logger.js";
import type { OidcConfig } from "./oidc-config.js";

/** What the hub keeps (server-side) between the browser leaving for the provider and coming back: this sign-in's checks. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

/** The claims of a person the provider vouched for: the validated ID token's, completed from userinfo. */
export type PersonClaims = Record<string, unknown> & { iss: string; sub: string };

/** Why a sign-in through the provider failed, as the page tells it. */
export type OidcFailure =
  /** The provider answered the sign-in with an error (the person cancelled, or may not use the hub). */
  | "refused-by-provider"
  /** The answer could not be confirmed: code used or unknown, ID token of another issuer or audience, wrong nonce. */
  | "not-confirmed"
  /** The provider could not be reached, or its discovery document is unusable. */
  | "unreachable";

/** A sign-in through the provider that did not succeed; `reason` decides the page. */
export class OidcError extends Error {
  override name = "OidcError";
  constructor(
    readonly reason: OidcFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A sign-in the provider vouched for: the person's claims, and what signing out at the provider needs later. */
export interface FinishedSignIn {
  claims: PersonClaims;
  /** The ID token as the provider issued it, for `id_token_hint` at sign-out. */
  idToken: string;
  /** The provider's session id (`sid`), when its ID token names one. */
  sid: string | null;
}

/** The hub's side of OpenID Connect: the authorization code flow with PKCE, state and nonce (openid-client). */
export interface OidcClient {
  /** The provider's URL to send the browser to, and the checks to keep until it returns to `redirectUri`. */
  start(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }>;
  /** Redeems the code of the provider's answer at `callbackUrl` and validates the ID token; throws an `OidcError`. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<FinishedSignIn>;
  /**
   * The provider's end-session URL (RP-initiated logout) for a session signed in with `idToken`, returning to
   * `postLogoutRedirectUri`; null when the provider has no `end_session_endpoint` or cannot be reached.
   */
  endSessionUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null>;
}

/**
 * Creates the client. Discovery runs at the first sign-in, not at start-up (the hub serves its pages while the
 * provider is down), and again after a failed attempt.
 */
export function createOidcClient(config: OidcConfig, logger: Logger): OidcClient {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
        execute: config.allowHttp ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = null;
        logger.warn({ issuer: config.issuer, err: error }, "OpenID Connect discovery failed");
        throw new OidcError("unreachable", "the provider's discovery failed");
      });
    return discovered!;
  };

  return {
    async start(redirectUri) {
      const pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: config.scope,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: "S256",
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },

    async finish(callbackUrl, pending) {
      const settings = await configuration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(settings, callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw failureOf(error, logger);
      }
      const claims = tokens.claims()!;
      const signedIn = (person: Record<string, unknown>): FinishedSignIn => ({
        claims: person as PersonClaims,
        idToken: tokens.id_token!,
        sid: typeof claims.sid === "string" && claims.sid.length <= 255 ? claims.sid : null,
      });
      const missing = [config.municipalityClaim, config.roleClaim, config.nameClaim].some(
        (path) => path && claimAt(claims, path) === undefined,
      );
      if (!missing || !settings.serverMetadata().userinfo_endpoint) return signedIn(claims);
      // Some providers (ADFS, Azure AD without optional claims) put their claims in userinfo only.
      const info = await client.fetchUserInfo(settings, tokens.access_token, claims.sub).catch((error: unknown) => {
        throw failureOf(error, logger);
      });
      return signedIn({ ...info, ...claims });
    },

    async endSessionUrl(idToken, postLogoutRedirectUri) {
      const settings = await configuration().catch(() => null);
      if (!settings?.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(settings, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).href;
    },
  };
}

/** The `OidcError` an error of openid-client stands for. */
function failureOf(error: unknown, logger: Logger): OidcError {
  if (error instanceof client.AuthorizationResponseError) {
    logger.info({ error: error.error }, "the OpenID provider answered a sign-in with an error");
    return new OidcError("refused-by-provider", error.error);
  }
  const code = (error as { code?: unknown }).code;
  if (error instanceof client.ResponseBodyError || (typeof code === "string" && code.startsWith("OAUTH_"))) {
    logger.warn({ code, err: error }, "a sign-in through the OpenID provider could not be confirmed");
    return new OidcError("not-confirmed", String(code));
  }
  logger.warn({ err: error }, "the OpenID provider could not be reached");
  return new OidcError("unreachable", "the provider could not be reached");
}

/** The value at a dotted claim path (e.g. `realm_access.roles`), or undefined. */
export function claimAt(claims: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = claims;
  for (const name of path) {
    if (!value || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}
