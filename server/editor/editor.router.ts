import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { VNode } from "preact";
import {
  type ActiveSession,
  endSession,
  endSessionsOfToken,
  findSession,
  openSession,
  type SessionLifetime,
} from "../../schema/token/session.service.js";
import type { SiteConfig } from "../config.js";
import { hubOrigin } from "../http/hub-origin.js";
import type { Logger } from "../logger.js";
import { rateLimitMiddleware } from "../rate-limit/rate-limit.middleware.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import { pageElement, siteLanguage } from "../site/i18n/site-language.js";
import { renderDocument } from "../site/layout.js";
import { setPageHeaders } from "../site/page-answer.js";
import type { RunSiteQuery } from "../site/run-query.js";
import { formCarries, fromOwnOrigin, newFormSecret } from "./csrf.js";
import { RECORD_KINDS, type RecordKind, recordsOf, STATES, type StateFilter } from "./my-records.js";
import { MyMunicipalityPage } from "./pages/my-municipality.js";
import { SignInPage, type SignInProps } from "./pages/sign-in.js";
import { clearCookie, readCookie, servedSecurely, setCookie } from "./session-cookie.js";

/** What the editor pages need from the hub. */
export interface EditorRouterOptions {
  orm: MikroORM;
  /** Runs the pages' GraphQL documents, as the signed-in editor's token. */
  run: RunSiteQuery;
  logger: Logger;
  /** Sign-in attempts spend their address's budget like any request. */
  rateLimiter: RateLimiter;
  publicUrl: string | null;
  site: SiteConfig;
  lifetime: SessionLifetime;
}

/** The longest token field the sign-in form reads; a token of the hub has 47 characters. */
const MAX_TOKEN_FIELD = 200;
/** Pages of one person: never stored by a shared cache, nor kept by the browser. */
const PRIVATE = "private, no-store";

/** Sends an editor page: German, private, with `status`. */
function sendEditorPage(res: Response, site: SiteConfig, page: VNode, status = 200): void {
  setPageHeaders(res, PRIVATE);
  res.status(status).send(renderDocument(page, site, siteLanguage("de", "/")));
}

/**
 * The editor pages: `/anmelden` (a token pasted once gives a session kept in PostgreSQL), `/abmelden`, and
 * `/meine-kommune`. Every state-changing form is a POST carrying a secret of its own; nothing changes on GET.
 * `/graphql` never reads the session cookie: it takes bearer tokens only, so no page of another site can write.
 */
export function createEditorRouter(options: EditorRouterOptions): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });
  const limited = rateLimitMiddleware(options.rateLimiter, options.logger, () => null);
  router.get("/anmelden", limited, signInForm(options));
  router.post("/anmelden", limited, form, signIn(options));
  router.post("/abmelden", limited, form, signOut(options));
  router.get("/meine-kommune", limited, myMunicipality(options));
  router.use(["/anmelden", "/abmelden"], formError(options));
  return router;
}

/** The open session of a request's cookie, or null. */
async function sessionOf(
  req: Request,
  { orm, publicUrl, lifetime }: EditorRouterOptions,
): Promise<ActiveSession | null> {
  const id = readCookie(req, "ikz_sitzung", servedSecurely(req, publicUrl));
  return id ? findSession(orm.em.fork(), id, lifetime) : null;
}

/** Shows the sign-in form with a fresh secret, set as a cookie too (the form proves it comes from this page). */
function showSignIn(
  req: Request,
  res: Response,
  options: EditorRouterOptions,
  props: Omit<SignInProps, "csrf">,
  status = 200,
) {
  const csrf = newFormSecret();
  setCookie(res, "ikz_anmeldung", csrf, servedSecurely(req, options.publicUrl));
  sendEditorPage(res, options.site, pageElement(SignInPage, { csrf, ...props }), status);
}

function signInForm(options: EditorRouterOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      if (await sessionOf(req, options)) return res.redirect(303, "/meine-kommune");
      showSignIn(req, res, options, {});
    } catch (error) {
      next(error);
    }
  };
}

/** Whether a posted form passes both checks against cross-site requests: its origin, and its secret. */
function trustedPost(req: Request, options: EditorRouterOptions, secret: string | null): boolean {
  return fromOwnOrigin(req, hubOrigin(req, options.publicUrl)) && formCarries(req, secret);
}

const STALE_FORM = "Das Formular ist abgelaufen oder kam nicht von dieser Seite. Bitte melden Sie sich erneut an.";

function signIn(options: EditorRouterOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      const secure = servedSecurely(req, options.publicUrl);
      if (!trustedPost(req, options, readCookie(req, "ikz_anmeldung", secure)))
        return showSignIn(req, res, options, { error: STALE_FORM }, 403);
      const token = (req.body as Record<string, unknown>).token;
      const problem = tokenProblem(token);
      if (problem) return showSignIn(req, res, options, { error: problem }, 400);
      const previous = readCookie(req, "ikz_sitzung", secure);
      const opened = await openSession(options.orm.em.fork(), (token as string).trim(), options.lifetime, previous);
      if (!opened)
        return showSignIn(req, res, options, { error: "Dieser Zugangsschlüssel ist unbekannt oder widerrufen." }, 401);
      options.logger.info({ tokenId: opened.viewer.tokenId }, "editor signed in");
      clearCookie(res, "ikz_anmeldung", secure);
      setCookie(res, "ikz_sitzung", opened.id, secure);
      res.redirect(303, "/meine-kommune");
    } catch (error) {
      next(error);
    }
  };
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
      if (session && !trustedPost(req, options, session.csrfSecret))
        return sendEditorPage(res, options.site, pageElement(SignInPage, { csrf: "", error: STALE_FORM }), 403);
      const em = options.orm.em.fork();
      if (session && (req.body as Record<string, unknown>).ueberall)
        await endSessionsOfToken(em, session.viewer.tokenId);
      else if (id) await endSession(em, id);
      clearCookie(res, "ikz_sitzung", secure);
      showSignIn(req, res, options, { notice: "Sie sind abgemeldet." });
    } catch (error) {
      next(error);
    }
  };
}

/** The `art` and `stand` filters of "Meine Kommune"; unknown values are ignored (a GET form only narrows). */
function listFilters(query: Request["query"]): { kind: RecordKind | null; state: StateFilter | null } {
  const kind = typeof query.art === "string" && query.art in RECORD_KINDS ? (query.art as RecordKind) : null;
  const state = STATES.find((value) => value === query.stand) ?? null;
  return { kind, state };
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
      const { kind, state } = listFilters(req.query);
      const records = (await recordsOf(options.run, viewer, municipality.slug)).filter(
        (record) => (!kind || record.kind === kind) && (!state || record.publicationState === state),
      );
      const props = {
        editor: viewer.name,
        municipality: municipality.name,
        records,
        kind,
        state,
        csrf: session.csrfSecret,
      };
      sendEditorPage(res, options.site, pageElement(MyMunicipalityPage, props));
    } catch (error) {
      next(error);
    }
  };
}

/** A form body the parser refused (too large, too many fields, not urlencoded): the form again, with why. */
function formError(options: EditorRouterOptions): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, req, res, next) => {
    if (error.status !== 400 && error.status !== 413 && error.status !== 415) return next(error);
    showSignIn(
      req,
      res,
      options,
      { error: "Das Formular war zu groß oder beschädigt. Bitte versuchen Sie es erneut." },
      error.status,
    );
  };
}
