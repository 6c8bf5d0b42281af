import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from "jose";
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
  /**
   * Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.6): signed with a key of the
   * provider, its issuer, this client as audience, issued lately, the logout event, a subject or session, no nonce.
   * Returns whom it signs out; throws a `LogoutTokenError` naming the first problem.
   */
  verifyLogoutToken(token: string): Promise<LogoutRequest>;
}

/** Whom a provider's back-channel logout signs out: a person (`sub`), or one of their provider sessions (`sid`). */
export interface LogoutRequest {
  issuer: string;
  subject: string | null;
  sid: string | null;
}

/** Why a back-channel logout token is refused; the code the answer's `error_description` starts with. */
export type LogoutTokenProblem =
  "malformed" | "signature" | "issuer" | "audience" | "issued-at" | "events" | "nonce" | "subject" | "unreachable";

/** A back-channel logout token that is refused. */
export class LogoutTokenError extends Error {
  override name = "LogoutTokenError";
  constructor(
    readonly problem: LogoutTokenProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The event a logout token must carry. */
const LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
/** How far a logout token's `iat` may lie in the past or future, in seconds (clocks differ, tokens travel). */
const LOGOUT_TOKEN_AGE = 5 * 60;
/** The longest logout token read; a provider's is well under 2,000 characters. */
export const MAX_LOGOUT_TOKEN = 8192;

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

  let keys: { uri: string; set: ReturnType<typeof createRemoteJWKSet> } | null = null;
  const keySet = (uri: string) => {
    if (keys?.uri !== uri) keys = { uri, set: createRemoteJWKSet(new URL(uri), { timeoutDuration: 10_000 }) };
    return keys.set;
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
      return finishSignIn(await configuration(), config, logger, callbackUrl, pending);
    },

    async endSessionUrl(idToken, postLogoutRedirectUri) {
      const settings = await configuration().catch(() => null);
      if (!settings?.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(settings, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).href;
    },

    async verifyLogoutToken(token) {
      const settings = await configuration().catch(() => {
        throw new LogoutTokenError("unreachable", "the provider's discovery failed");
      });
      const metadata = settings.serverMetadata();
      if (!metadata.jwks_uri) throw new LogoutTokenError("unreachable", "the provider names no jwks_uri");
      return logoutRequestOf(token, keySet(metadata.jwks_uri), metadata.issuer, config.clientId);
    },
  };
}

/** Redeems the code of the provider's answer and validates the ID token, completing claims from userinfo. */
async function finishSignIn(
  settings: client.Configuration,
  config: OidcConfig,
  logger: Logger,
  callbackUrl: URL,
  pending: PendingSignIn,
): Promise<FinishedSignIn> {
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

/** The checks of a logout token after its signature, issuer and audience: the claims Back-Channel Logout asks for. */
function logoutClaimsProblem(payload: Record<string, unknown>): LogoutTokenError | null {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== "number" || Math.abs(now - payload.iat) > LOGOUT_TOKEN_AGE)
    return new LogoutTokenError("issued-at", "iat is missing or more than five minutes off");
  const events = payload.events;
  const event = events && typeof events === "object" ? (events as Record<string, unknown>)[LOGOUT_EVENT] : undefined;
  if (!event || typeof event !== "object" || Array.isArray(event))
    return new LogoutTokenError("events", `events must hold ${LOGOUT_EVENT} with an object`);
  if ("nonce" in payload) return new LogoutTokenError("nonce", "a logout token must not carry a nonce");
  const named = (value: unknown) => typeof value === "string" && value.length > 0 && value.length <= 255;
  if (!named(payload.sub) && !named(payload.sid))
    return new LogoutTokenError("subject", "sub or sid must name whom to sign out (1 to 255 characters)");
  if ((payload.sub !== undefined && !named(payload.sub)) || (payload.sid !== undefined && !named(payload.sid)))
    return new LogoutTokenError("subject", "sub and sid must be strings of 1 to 255 characters");
  return null;
}

/** Verifies a logout token against the provider's keys, issuer and this client; whom it signs out. */
async function logoutRequestOf(
  token: string,
  keys: ReturnType<typeof createRemoteJWKSet>,
  issuer: string,
  clientId: string,
): Promise<LogoutRequest> {
  if (token.length > MAX_LOGOUT_TOKEN || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token))
    throw new LogoutTokenError("malformed", "logout_token must be a signed JWT (three base64url parts)");
  let payload: Record<string, unknown>;
  try {
    // Asymmetric algorithms only: "none" and shared-secret tokens are refused before any key is tried.
    ({ payload } = await jwtVerify(token, keys, {
      issuer,
      audience: clientId,
      algorithms: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"],
    }));
  } catch (error) {
    throw logoutVerifyFailure(error);
  }
  const problem = logoutClaimsProblem(payload);
  if (problem) throw problem;
  return {
    issuer,
    subject: typeof payload.sub === "string" ? payload.sub : null,
    sid: typeof payload.sid === "string" ? payload.sid : null,
  };
}

/** The `LogoutTokenError` a failed verification by jose stands for. */
function logoutVerifyFailure(error: unknown): LogoutTokenError {
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new LogoutTokenError("issuer", "iss is not the provider's issuer");
    if (error.claim === "aud") return new LogoutTokenError("audience", "aud does not name this client");
    return new LogoutTokenError("issued-at", `the ${error.claim} claim is not valid`);
  }
  if (error instanceof joseErrors.JWTExpired) return new LogoutTokenError("issued-at", "the token has expired");
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError))
    return new LogoutTokenError("unreachable", "the provider's keys could not be read");
  if (
    error instanceof joseErrors.JWSSignatureVerificationFailed ||
    error instanceof joseErrors.JWKSNoMatchingKey ||
    error instanceof joseErrors.JOSEAlgNotAllowed
  )
    return new LogoutTokenError("signature", "the signature is not one of the provider's keys");
  return new LogoutTokenError("malformed", "logout_token is not a readable signed JWT");
}
