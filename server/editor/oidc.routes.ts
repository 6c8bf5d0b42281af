import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { endProviderSessions, openPersonSession } from "../../schema/token/session.service.js";
import { storePendingSignIn, takePendingSignIn } from "../../schema/token/sign-in.service.js";
import { hubOrigin } from "../http/hub-origin.js";
import { pageElement } from "../site/i18n/site-language.js";
import { setPageHeaders } from "../site/page-answer.js";
import {
  carriedFields,
  type EditorRouterOptions,
  returnPath,
  sendEditorPage,
  sendSignInProblem,
  showSignIn,
  tooManyAttempts,
  trustedPost,
} from "./editor-page.js";
import { LogoutTokenError, type OidcClient, OidcError } from "./oidc.js";
import type { OidcConfig } from "./oidc-config.js";
import { personOf, type Refusal } from "./oidc-person.js";
import { LeavingPage, ResumePage } from "./pages/sign-in.js";
import { clearCookie, readCookie, servedSecurely, setCookie } from "./session-cookie.js";
import { accountKey } from "./sign-in-guard.js";

type Oidc = { client: OidcClient; config: OidcConfig };

/** Where the provider sends the browser back to; registered at the provider as the redirect URI. */
export const OIDC_CALLBACK_PATH = "/anmelden/oidc/rueckruf";
/** Where the provider posts its back-channel logout tokens; registered at the provider as `backchannel_logout_uri`. */
export const OIDC_BACKCHANNEL_PATH = "/anmelden/oidc/abmeldung";
/** Where the provider sends the browser after signing out there, unless OIDC_POST_LOGOUT_REDIRECT_URI says otherwise. */
export const SIGNED_OUT_PATH = "/abgemeldet";
/** The longest editor page address a sign-in through the provider returns to. */
const MAX_RETURN_PATH = 300;
/** The most characters of carried form fields (names and values) a sign-in through the provider keeps. */
const MAX_CARRIED = 64 * 1024;
/** How long a sign-in at the provider may take, in seconds: the pending cookie's lifetime. */
const PENDING_SECONDS = 10 * 60;
/** The parameters an authorization response may carry (RFC 6749, RFC 9207, OpenID Connect Session Management). */
const RESPONSE_PARAMETERS = new Set([
  "code",
  "state",
  "iss",
  "session_state",
  "error",
  "error_description",
  "error_uri",
]);
/** The longest callback address (path and query) read, and the longest value of one parameter. */
const MAX_CALLBACK_URL = 8192;
const MAX_PARAMETER = 2048;

const STALE = {
  heading: "Anmeldung abgelaufen",
  paragraphs: [
    "Die Anmeldung mit dem Konto Ihrer Stadt ist abgelaufen oder wurde nicht auf dieser Seite begonnen.",
    "Bitte beginnen Sie die Anmeldung erneut.",
  ],
};

const NOT_CONFIRMED = {
  heading: "Anmeldung nicht bestätigt",
  paragraphs: [
    "Die Antwort des Anmeldedienstes Ihrer Stadt ließ sich nicht prüfen; Sie wurden nicht angemeldet.",
    "Bitte melden Sie sich erneut an. Geschieht das wiederholt, wenden Sie sich an den Betrieb des Hubs.",
  ],
};

const UNREACHABLE = {
  heading: "Anmeldedienst nicht erreichbar",
  paragraphs: [
    "Der Anmeldedienst Ihrer Stadt ist gerade nicht erreichbar.",
    "Bitte versuchen Sie es in einigen Minuten erneut oder melden Sie sich mit Ihrem Zugangsschlüssel an.",
  ],
};

const BAD_ANSWER = {
  heading: "Ungültige Rückmeldung",
  paragraphs: [
    "Die Rückmeldung an diese Seite hatte eine unerwartete Form und wurde nicht gelesen.",
    "Bitte beginnen Sie die Anmeldung erneut.",
  ],
};

/** Why a person may not edit, as the refusal page says it. */
const REFUSALS: Record<Refusal, string> = {
  "no-municipality": "Ihr Konto ist keiner Kommune zugeordnet.",
  "unknown-municipality": "Die Kommune, der Ihr Konto zugeordnet ist, ist im Hub nicht verzeichnet.",
  "several-municipalities": "Ihr Konto ist mehreren Kommunen zugeordnet; eine Redaktion pflegt genau eine Kommune.",
  "no-role": "Ihr Konto hat nicht die Rolle einer Redaktion.",
  "bad-subject": "Der Anmeldedienst hat Ihr Konto nicht in lesbarer Form genannt.",
};

/**
 * Begins a sign-in at the provider: its checks (and a form's carried fields) kept server-side, named by a random id
 * in a short cookie; answers the provider's URL to send the browser to.
 */
async function begin(
  req: Request,
  res: Response,
  options: EditorRouterOptions,
  oidc: Oidc,
  returnTo: string | null,
  carried: [string, string][] | null,
): Promise<string | null> {
  const origin = hubOrigin(req, options.publicUrl);
  if (!origin) return null;
  const { url, pending } = await oidc.client.start(origin + OIDC_CALLBACK_PATH);
  const record = { ...pending, returnPath: returnTo, carried };
  const id = await storePendingSignIn(options.orm.em.fork(), record, PENDING_SECONDS * 1000);
  setCookie(res, "ikz_oidc", id, servedSecurely(req, options.publicUrl), PENDING_SECONDS);
  return url;
}

/**
 * Starts a sign-in at the provider: a redirect there. A GET: it changes nothing but the short-lived record of
 * the sign-in under way, and the state bound to this browser's cookie keeps another's sign-in from being
 * slipped into this browser.
 */
export function startOidc(options: EditorRouterOptions, oidc: Oidc): RequestHandler {
  return async (req, res, next) => {
    try {
      const weiter = String(req.query.weiter ?? "").length <= MAX_RETURN_PATH ? returnPath(req.query.weiter) : null;
      const url = await begin(req, res, options, oidc, weiter, null);
      if (!url) return sendSignInProblem(res, options, 400, BAD_ANSWER);
      setPageHeaders(res, "private, no-store");
      res.redirect(303, url);
    } catch (error) {
      if (error instanceof OidcError) return sendSignInProblem(res, options, 503, UNREACHABLE);
      next(error);
    }
  };
}

const STALE_FORM = "Das Formular ist abgelaufen oder kam nicht von dieser Seite. Bitte melden Sie sich erneut an.";

/**
 * Starts a sign-in at the provider from the sign-in page that carries a form's fields (posted while the session
 * had ended): a post of this hub's page (its origin and the sign-in form's secret), whose fields are kept with the
 * sign-in and posted back to their form after it. The answer leads on to the provider.
 */
export function startOidcCarrying(options: EditorRouterOptions, oidc: Oidc): RequestHandler {
  return async (req, res, next) => {
    try {
      const secure = servedSecurely(req, options.publicUrl);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const weiter = returnPath(body.weiter);
      const carried = carriedFields(body);
      if (!trustedPost(req, options, readCookie(req, "ikz_anmeldung", secure)))
        return showSignIn(req, res, options, { error: STALE_FORM, weiter, preserved: carried }, 403);
      const size = carried.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
      const url =
        weiter && size <= MAX_CARRIED && String(weiter).length <= MAX_RETURN_PATH
          ? await begin(req, res, options, oidc, weiter, carried)
          : null;
      if (!url) return sendSignInProblem(res, options, 400, BAD_ANSWER);
      const page = pageElement(LeavingPage, {
        heading: "Weiter zur Anmeldung Ihrer Stadt",
        text: "Ihre Eingaben sind erhalten, aber noch nicht gespeichert. Nach der Anmeldung kommen Sie mit ihnen zum Formular zurück.",
        url,
        link: "Weiter zur Anmeldeseite Ihrer Stadtverwaltung",
      });
      sendEditorPage(res, options.site, page);
    } catch (error) {
      if (error instanceof OidcError) return sendSignInProblem(res, options, 503, UNREACHABLE);
      next(error);
    }
  };
}

/**
 * The provider's answer: checks its parameters and the pending sign-in's state, redeems the code (PKCE, nonce,
 * ID token validated by openid-client), maps the person to a municipality, and opens a session with a new id,
 * keeping the ID token with it for signing out at the provider. Any failure shows a page of its own and writes
 * nothing; the pending sign-in is spent either way.
 */
export function oidcCallback(options: EditorRouterOptions, oidc: Oidc): RequestHandler {
  return async (req, res, next) => {
    try {
      const secure = servedSecurely(req, options.publicUrl);
      const pending = await takePendingSignIn(options.orm.em.fork(), readCookie(req, "ikz_oidc", secure));
      clearCookie(res, "ikz_oidc", secure);
      const query = callbackQuery(req);
      if (query === null) return sendSignInProblem(res, options, 400, BAD_ANSWER);
      const wait = await options.signInGuard.attempt(req);
      if (wait !== null) return showSignIn(req, res, options, { error: tooManyAttempts(res, wait) }, 429);
      if (!pending || query.get("state") !== pending.state) return sendSignInProblem(res, options, 400, STALE);
      const origin = hubOrigin(req, options.publicUrl);
      if (!origin) return sendSignInProblem(res, options, 400, BAD_ANSWER);
      const callbackUrl = new URL(`${origin}${OIDC_CALLBACK_PATH}?${query}`);
      const { claims, idToken, sid } = await oidc.client.finish(callbackUrl, pending);
      const account = accountKey("oidc", claims.iss, claims.sub);
      const accountWait = await options.signInGuard.attemptAccount(account);
      if (accountWait !== null) return showSignIn(req, res, options, { error: tooManyAttempts(res, accountWait) }, 429);
      const em = options.orm.em.fork();
      const person = await personOf(em, claims, oidc.config);
      if ("refused" in person) {
        options.logger.info({ issuer: claims.iss, refused: person.refused }, "single sign-on refused a person");
        return refuse(res, options, person.refused);
      }
      const previous = readCookie(req, "ikz_sitzung", secure);
      const opened = await openPersonSession(em, person, options.lifetime, previous, { idToken, sid });
      await options.signInGuard.succeeded(req, account);
      options.logger.info({ personId: person.id }, "editor signed in through single sign-on");
      clearCookie(res, "ikz_anmeldung", secure);
      setCookie(res, "ikz_sitzung", opened.id, secure);
      const weiter = returnPath(pending.returnPath);
      if (!weiter || !pending.carried?.length) return res.redirect(303, weiter ?? "/meine-kommune");
      const resume = { csrf: opened.csrfSecret, weiter, preserved: pending.carried };
      sendEditorPage(res, options.site, pageElement(ResumePage, resume));
    } catch (error) {
      if (error instanceof OidcError) return providerFailure(res, options, error);
      next(error);
    }
  };
}

/** The refusal of a person the provider vouched for but who may not edit here: 403, no session. */
function refuse(res: Response, options: EditorRouterOptions, refusal: Refusal): void {
  sendSignInProblem(res, options, 403, {
    heading: "Keine Berechtigung für die Redaktion",
    paragraphs: [
      `Sie sind bei Ihrer Stadt angemeldet, dürfen hier aber keine Einträge pflegen: ${REFUSALS[refusal]}`,
      "Wenden Sie sich an die Stelle Ihrer Stadtverwaltung, die Zugänge zum Hub vergibt.",
    ],
  });
}

/** The page of a failed exchange with the provider. */
function providerFailure(res: Response, options: EditorRouterOptions, error: OidcError): void {
  if (error.reason === "unreachable") return sendSignInProblem(res, options, 502, UNREACHABLE);
  if (error.reason === "not-confirmed") return sendSignInProblem(res, options, 401, NOT_CONFIRMED);
  // The provider's error code is shown when it is one (a-z and _), never its free text.
  const code = /^[a-z_]{1,64}$/.test(error.message) ? ` (Fehler: ${error.message})` : "";
  sendSignInProblem(res, options, 401, {
    heading: "Anmeldung abgelehnt",
    paragraphs: [
      `Der Anmeldedienst Ihrer Stadt hat die Anmeldung abgebrochen oder abgelehnt${code}.`,
      "Bitte versuchen Sie es erneut oder melden Sie sich mit Ihrem Zugangsschlüssel an.",
    ],
  });
}

/** The callback's parameters when they have the shape of an authorization response (known names, one short value each), else null. */
function callbackQuery(req: Request): URLSearchParams | null {
  if (req.originalUrl.length > MAX_CALLBACK_URL) return null;
  const at = req.originalUrl.indexOf("?");
  const query = new URLSearchParams(at === -1 ? "" : req.originalUrl.slice(at + 1));
  const names = [...query.keys()];
  if (new Set(names).size !== names.length) return null;
  for (const [name, value] of query)
    if (!RESPONSE_PARAMETERS.has(name) || value.length > MAX_PARAMETER || /[\u0000-\u001f]/.test(value)) return null;
  return query;
}

/** The answer to the provider's back-channel: JSON, never stored (Back-Channel Logout 1.0, 2.8). */
function logoutAnswer(res: Response, status: number, body?: { error: string; error_description: string }): void {
  res.setHeader("Cache-Control", "no-store");
  if (body) res.status(status).json(body);
  else res.status(status).end();
}

/**
 * The provider's back-channel logout (OpenID Connect Back-Channel Logout 1.0): a POST from the provider, not a
 * browser, with a signed `logout_token`; ends the sessions of the person (or of the provider's session) it names,
 * so that a person signed out or removed at the provider keeps no open session here. A token that fails any check
 * is refused with 400 and the problem in `error_description`, and ends nothing.
 */
export function backchannelLogout(options: EditorRouterOptions, oidc: Oidc): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = (req.body as Record<string, unknown> | undefined)?.logout_token;
      if (typeof token !== "string" || !token)
        return logoutAnswer(res, 400, {
          error: "invalid_request",
          error_description: "missing: the form field logout_token must hold the provider's logout token once",
        });
      const request = await oidc.client.verifyLogoutToken(token);
      const em = options.orm.em.fork();
      const ended = await endProviderSessions(em, request.issuer, request.subject, request.sid);
      options.logger.info({ issuer: request.issuer, ended }, "the OpenID provider signed a person out");
      logoutAnswer(res, 200);
    } catch (error) {
      if (!(error instanceof LogoutTokenError)) return next(error);
      options.logger.warn({ problem: error.problem }, "a back-channel logout token was refused");
      const status = error.problem === "unreachable" ? 503 : 400;
      const code = status === 503 ? "temporarily_unavailable" : "invalid_request";
      logoutAnswer(res, status, { error: code, error_description: `${error.problem}: ${error.message}` });
    }
  };
}

/** A back-channel post the parser refused (too large, not urlencoded): a JSON refusal, not a page. */
export function backchannelBodyError(): ErrorRequestHandler {
  return (error: { status?: number }, _req, res, next) => {
    if (error.status !== 400 && error.status !== 413 && error.status !== 415) return next(error);
    logoutAnswer(res, error.status, {
      error: "invalid_request",
      error_description:
        error.status === 413
          ? "too-large: a logout request has at most 16 KB"
          : "malformed: a logout request is a form (application/x-www-form-urlencoded) with logout_token",
    });
  };
}
