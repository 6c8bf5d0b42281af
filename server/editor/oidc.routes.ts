import type { Request, RequestHandler, Response } from "express";
import { openPersonSession } from "../../schema/token/session.service.js";
import { hubOrigin } from "../http/hub-origin.js";
import { setPageHeaders } from "../site/page-answer.js";
import { type EditorRouterOptions, returnPath, sendSignInProblem, showSignIn, tooManyAttempts } from "./editor-page.js";
import { isPendingSignIn, type OidcClient, OidcError, type PendingSignIn } from "./oidc.js";
import type { OidcConfig } from "./oidc-config.js";
import { personOf, type Refusal } from "./oidc-person.js";
import { clearCookie, readCookie, servedSecurely, setCookie } from "./session-cookie.js";
import { accountKey } from "./sign-in-guard.js";

type Oidc = { client: OidcClient; config: OidcConfig };

/** Where the provider sends the browser back to; registered at the provider as the redirect URI. */
export const OIDC_CALLBACK_PATH = "/anmelden/oidc/rueckruf";
/** The longest editor page address a sign-in through the provider returns to. */
const MAX_RETURN_PATH = 300;
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
 * Starts a sign-in at the provider: a redirect there, with this browser's checks kept in a cookie. A GET: it
 * writes nothing, and the state bound to the cookie keeps another's sign-in from being slipped into this browser.
 */
export function startOidc(options: EditorRouterOptions, oidc: Oidc): RequestHandler {
  return async (req, res, next) => {
    try {
      const secure = servedSecurely(req, options.publicUrl);
      const origin = hubOrigin(req, options.publicUrl);
      if (!origin) return sendSignInProblem(res, options, 400, BAD_ANSWER);
      const { url, pending } = await oidc.client.start(origin + OIDC_CALLBACK_PATH);
      // A short return path only: the cookie must stay within what the callback reads back (1,000 characters).
      const weiter = String(req.query.weiter ?? "").length <= MAX_RETURN_PATH ? returnPath(req.query.weiter) : null;
      setCookie(res, "ikz_oidc", encodePending({ ...pending, ...(weiter ? { weiter } : {}) }), secure, PENDING_SECONDS);
      setPageHeaders(res, "private, no-store");
      res.redirect(303, url);
    } catch (error) {
      if (error instanceof OidcError) return sendSignInProblem(res, options, 503, UNREACHABLE);
      next(error);
    }
  };
}

/**
 * The provider's answer: checks its parameters and the pending sign-in's state, redeems the code (PKCE, nonce,
 * ID token validated by openid-client), maps the person to a municipality, and opens a session with a new id.
 * Any failure shows a page of its own and writes nothing; the pending cookie is spent either way.
 */
export function oidcCallback(options: EditorRouterOptions, oidc: Oidc): RequestHandler {
  return async (req, res, next) => {
    try {
      const secure = servedSecurely(req, options.publicUrl);
      const pending = decodePending(readCookie(req, "ikz_oidc", secure));
      clearCookie(res, "ikz_oidc", secure);
      const query = callbackQuery(req);
      if (query === null) return sendSignInProblem(res, options, 400, BAD_ANSWER);
      const wait = await options.signInGuard.attempt(req);
      if (wait !== null) return showSignIn(req, res, options, { error: tooManyAttempts(res, wait) }, 429);
      if (!pending || query.get("state") !== pending.state) return sendSignInProblem(res, options, 400, STALE);
      const origin = hubOrigin(req, options.publicUrl);
      if (!origin) return sendSignInProblem(res, options, 400, BAD_ANSWER);
      const callbackUrl = new URL(`${origin}${OIDC_CALLBACK_PATH}?${query}`);
      const claims = await oidc.client.finish(callbackUrl, pending);
      const account = accountKey("oidc", claims.iss, claims.sub);
      const accountWait = await options.signInGuard.attemptAccount(account);
      if (accountWait !== null) return showSignIn(req, res, options, { error: tooManyAttempts(res, accountWait) }, 429);
      const em = options.orm.em.fork();
      const person = await personOf(em, claims, oidc.config);
      if ("refused" in person) {
        options.logger.info({ issuer: claims.iss, refused: person.refused }, "single sign-on refused a person");
        return refuse(res, options, person.refused);
      }
      const opened = await openPersonSession(em, person, options.lifetime, readCookie(req, "ikz_sitzung", secure));
      await options.signInGuard.succeeded(req, account);
      options.logger.info({ personId: person.id }, "editor signed in through single sign-on");
      clearCookie(res, "ikz_anmeldung", secure);
      setCookie(res, "ikz_sitzung", opened.id, secure);
      res.redirect(303, returnPath(pending.weiter) ?? "/meine-kommune");
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

/** A pending sign-in with the editor page to return to afterwards, if any. */
type PendingReturn = PendingSignIn & { weiter?: unknown };

/** The pending sign-in as the cookie carries it: JSON in base64url. */
function encodePending(pending: PendingReturn): string {
  return Buffer.from(JSON.stringify(pending), "utf8").toString("base64url");
}

/** The pending sign-in of a cookie, or null when there is none or it is not one. */
function decodePending(value: string | null): PendingReturn | null {
  if (!value || value.length > 1000) return null;
  try {
    const pending: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    return isPendingSignIn(pending) ? pending : null;
  } catch {
    return null;
  }
}
