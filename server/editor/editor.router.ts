import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import { endSession, endSessionsOf, findSession, openSession } from "../../schema/token/session.service.js";
import { hubOrigin } from "../http/hub-origin.js";
import { fromOwnOrigin } from "./csrf.js";
import { rateLimitMiddleware } from "../rate-limit/rate-limit.middleware.js";
import { pageElement } from "../site/i18n/site-language.js";
import {
  carriedFields,
  type EditorRouterOptions,
  FORM_LIMITS,
  returnPath,
  sendEditorPage,
  sessionOf,
  showSignIn,
  tooManyAttempts,
  trustedPost,
} from "./editor-page.js";
import { createFormRoutes } from "./forms/form-routes.js";
import { listQuery, recordListView } from "./record-list.js";
import {
  backchannelBodyError,
  backchannelLogout,
  OIDC_BACKCHANNEL_PATH,
  oidcCallback,
  SIGNED_OUT_PATH,
  startOidc,
  startOidcCarrying,
} from "./oidc.routes.js";
import { MyMunicipalityPage } from "./pages/my-municipality.js";
import { LeavingPage, ResumePage, SignInPage } from "./pages/sign-in.js";
import { clearCookie, readCookie, servedSecurely, setCookie } from "./session-cookie.js";
import { accountKey } from "./sign-in-guard.js";

export type { EditorRouterOptions } from "./editor-page.js";

/** The longest token field the sign-in form reads; a token of the hub has 47 characters. */
const MAX_TOKEN_FIELD = 200;

/**
 * The editor pages: `/anmelden` (a token pasted once gives a session kept in PostgreSQL; with OIDC_* configured,
 * `/anmelden/oidc` signs in through the town's identity provider), `/abmelden`, and `/meine-kommune`. Every
 * state-changing form is a POST carrying a secret of its own; nothing changes on GET.
 * `/graphql` never reads the session cookie: it takes bearer tokens only, so no page of another site can write.
 */
export function createEditorRouter(options: EditorRouterOptions): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });
  const limited = rateLimitMiddleware(options.rateLimiter, options.logger, () => null);
  // Sign-in may carry a form's fields posted after the session ended, back to that form.
  const signInBody = express.urlencoded({ extended: false, ...FORM_LIMITS });
  router.get("/anmelden", limited, signInForm(options));
  router.post("/anmelden", limited, signInBody, signIn(options));
  if (options.oidc) {
    router.get("/anmelden/oidc", limited, startOidc(options, options.oidc));
    router.post("/anmelden/oidc", limited, signInBody, startOidcCarrying(options, options.oidc));
    router.get(SIGNED_OUT_PATH, limited, signedOut(options));
    // From the provider, not a browser: no form secret, a signed token instead.
    const logoutBody = express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 5 });
    const backchannel = backchannelLogout(options, options.oidc);
    router.post(OIDC_BACKCHANNEL_PATH, limited, logoutBody, backchannel, backchannelBodyError());
    router.get("/anmelden/oidc/rueckruf", limited, oidcCallback(options, options.oidc));
  }
  router.post("/abmelden", limited, form, signOut(options));
  router.get("/meine-kommune", limited, myMunicipality(options));
  router.use("/meine-kommune", limited, createFormRoutes(options));
  router.use(["/anmelden", "/abmelden", "/meine-kommune"], formError(options));
  return router;
}

function signInForm(options: EditorRouterOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const weiter = returnPath(req.query.weiter);
      if (await sessionOf(req, options)) return res.redirect(303, weiter ?? "/meine-kommune");
      showSignIn(req, res, options, { weiter });
    } catch (error) {
      next(error);
    }
  };
}

const STALE_FORM = "Das Formular ist abgelaufen oder kam nicht von dieser Seite. Bitte melden Sie sich erneut an.";

function signIn(options: EditorRouterOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const secure = servedSecurely(req, options.publicUrl);
      const body = req.body as Record<string, unknown>;
      const again = { weiter: returnPath(body.weiter), preserved: carriedFields(body) };
      if (!trustedPost(req, options, readCookie(req, "ikz_anmeldung", secure)))
        return showSignIn(req, res, options, { error: STALE_FORM, ...again }, 403);
      const token = body.token;
      const problem = tokenProblem(token);
      if (problem) return showSignIn(req, res, options, { error: problem, ...again }, 400);
      const raw = (token as string).trim();
      const account = accountKey("token", raw);
      // Before the token is looked up: the answer says nothing about whether it exists.
      const wait = (await options.signInGuard.attempt(req)) ?? (await options.signInGuard.attemptAccount(account));
      if (wait !== null) return showSignIn(req, res, options, { error: tooManyAttempts(res, wait), ...again }, 429);
      const previous = readCookie(req, "ikz_sitzung", secure);
      const opened = await openSession(options.orm.em.fork(), raw, options.lifetime, previous);
      if (!opened)
        return showSignIn(
          req,
          res,
          options,
          { error: "Dieser Zugangsschlüssel ist unbekannt oder widerrufen.", ...again },
          401,
        );
      await options.signInGuard.succeeded(req, account);
      options.logger.info({ tokenId: opened.viewer.tokenId }, "editor signed in");
      clearCookie(res, "ikz_anmeldung", secure);
      setCookie(res, "ikz_sitzung", opened.id, secure);
      await resume(res, options, opened.id, again);
    } catch (error) {
      next(error);
    }
  };
}

/** After signing in: back to the editor page the editor came from, re-posting the fields carried through sign-in. */
async function resume(
  res: Response,
  options: EditorRouterOptions,
  sessionId: string,
  { weiter, preserved }: { weiter: string | null; preserved: [string, string][] },
): Promise<void> {
  if (!weiter || !preserved.length) return res.redirect(303, weiter ?? "/meine-kommune");
  const session = await findSession(options.orm.em.fork(), sessionId, options.lifetime);
  sendEditorPage(res, options.site, pageElement(ResumePage, { csrf: session?.csrfSecret ?? "", weiter, preserved }));
}

/** What is wrong with a posted token field, in German; null when it may be a token. */
function tokenProblem(token: unknown): string | null {
  if (typeof token !== "string" || !token.trim()) return "Bitte geben Sie Ihren Zugangsschlüssel ein.";
  if (token.length > MAX_TOKEN_FIELD || !token.trim().startsWith("ikz_"))
    return "Das ist kein Zugangsschlüssel des Hubs: Er beginnt mit „ikz_“ und hat 47 Zeichen.";
  return null;
}

function signOut(options: EditorRouterOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const secure = servedSecurely(req, options.publicUrl);
      const id = readCookie(req, "ikz_sitzung", secure);
      const session = id ? await findSession(options.orm.em.fork(), id, options.lifetime) : null;
      // Without a session, another site's post must not clear the cookie either (a SameSite=Lax cookie is not sent).
      const stale = session
        ? !trustedPost(req, options, session.csrfSecret)
        : !fromOwnOrigin(req, hubOrigin(req, options.publicUrl));
      if (stale)
        return sendEditorPage(res, options.site, pageElement(SignInPage, { csrf: "", error: STALE_FORM }), 403);
      const em = options.orm.em.fork();
      const idToken = id ? await endSession(em, id) : null;
      if (session && (req.body as Record<string, unknown>).ueberall) await endSessionsOf(em, session.viewer);
      clearCookie(res, "ikz_sitzung", secure);
      const atProvider = idToken ? await providerSignOut(req, options, idToken) : null;
      if (!atProvider) return showSignIn(req, res, options, { notice: "Sie sind abgemeldet." });
      const page = pageElement(LeavingPage, {
        heading: "Abmelden beim Anmeldedienst Ihrer Stadt",
        text: "Sie sind im Hub abgemeldet. Sie werden nun auch beim Anmeldedienst Ihrer Stadt abgemeldet.",
        url: atProvider,
        link: "Weiter zur Abmeldung bei Ihrer Stadtverwaltung",
      });
      sendEditorPage(res, options.site, page);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The provider's end-session URL for a session signed in through it (RP-initiated logout, with the session's ID
 * token as `id_token_hint`), returning to OIDC_POST_LOGOUT_REDIRECT_URI or `/abgemeldet`; null when the provider
 * offers none (then signing out ends the hub's session only).
 */
async function providerSignOut(req: Request, options: EditorRouterOptions, idToken: string): Promise<string | null> {
  const origin = hubOrigin(req, options.publicUrl);
  const back = options.oidc?.config.postLogoutRedirectUri ?? (origin ? origin + SIGNED_OUT_PATH : null);
  return options.oidc && back ? options.oidc.client.endSessionUrl(idToken, back) : null;
}

/** Where the provider returns the browser after signing out there: the sign-in page, saying so. */
function signedOut(options: EditorRouterOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      if (await sessionOf(req, options)) return res.redirect(303, "/meine-kommune");
      showSignIn(req, res, options, { notice: "Sie sind abgemeldet, auch beim Anmeldedienst Ihrer Stadt." });
    } catch (error) {
      next(error);
    }
  };
}

function myMunicipality(options: EditorRouterOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const session = await sessionOf(req, options);
      if (!session) return res.redirect(303, "/anmelden");
      const { viewer, municipality } = session;
      if (!municipality) {
        const page = pageElement(SignInPage, {
          csrf: "",
          notice: "Dieser Schlüssel gehört zum Betrieb des Hubs und hat keine eigene Kommune.",
        });
        return sendEditorPage(res, options.site, page);
      }
      const query = listQuery(req.query);
      const answer =
        "problem" in query ? query : await recordListView(options.run(res), viewer, municipality.slug, query);
      const problem = "problem" in answer ? answer.problem : null;
      const props = {
        editor: viewer.name,
        municipality: municipality.name,
        kind: "problem" in query ? null : query.kind,
        state: "problem" in query ? null : query.state,
        view: "problem" in answer ? null : answer,
        problem,
        csrf: session.csrfSecret,
      };
      sendEditorPage(res, options.site, pageElement(MyMunicipalityPage, props), problem ? 400 : 200);
    } catch (error) {
      next(error);
    }
  };
}

/** A form body the parser refused (too large, too many fields, not urlencoded): the form again, with why. */
function formError(options: EditorRouterOptions): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, req, res, next) => {
    if (error.status !== 400 && error.status !== 413 && error.status !== 415) return next(error);
    const message =
      error.status === 413
        ? "Das Formular war zu groß (mehr als 64 KB oder zu viele Felder); nichts wurde gespeichert. Bitte kürzen Sie lange Texte und versuchen Sie es erneut."
        : "Das Formular war beschädigt; nichts wurde gespeichert. Bitte versuchen Sie es erneut.";
    showSignIn(req, res, options, { error: message, weiter: returnPath(req.originalUrl.split("?")[0]) }, error.status);
  };
}
