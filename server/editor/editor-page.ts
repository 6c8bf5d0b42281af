import type { Request, Response } from "express";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { VNode } from "preact";
import { type ActiveSession, findSession, type SessionLifetime } from "../../schema/token/session.service.js";
import type { SiteConfig } from "../config.js";
import { hubOrigin } from "../http/hub-origin.js";
import type { Logger } from "../logger.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import { pageElement, siteLanguage } from "../site/i18n/site-language.js";
import { renderDocument } from "../site/layout.js";
import { setPageHeaders } from "../site/page-answer.js";
import type { RunRolledBack, RunSiteQuery, SiteQueriesFor } from "../site/run-query.js";
import { formCarries, fromOwnOrigin, newFormSecret } from "./csrf.js";
import type { OidcClient } from "./oidc.js";
import type { OidcConfig } from "./oidc-config.js";
import { CARRIED, SignInPage, type SignInProps } from "./pages/sign-in.js";
import { SignInProblemPage, type SignInProblemProps } from "./pages/sign-in-problem.js";
import { readCookie, servedSecurely, setCookie } from "./session-cookie.js";
import type { SignInGuard } from "./sign-in-guard.js";

/** What the editor pages need from the hub. */
export interface EditorRouterOptions {
  orm: MikroORM;
  /** Runs the pages' GraphQL documents, as the signed-in editor's token or person, for a request. */
  run: SiteQueriesFor;
  /** Runs documents as the editor in one transaction that is rolled back (the preview of unsaved input), for a request. */
  runRolledBack: (request?: object) => RunRolledBack;
  logger: Logger;
  /** Sign-in attempts spend their address's budget like any request. */
  rateLimiter: RateLimiter;
  /** The budgets of failed sign-ins, per address and per account. */
  signInGuard: SignInGuard;
  publicUrl: string | null;
  site: SiteConfig;
  lifetime: SessionLifetime;
  /** Single sign-on through the town's identity provider; null when OIDC_* is not configured. */
  oidc: { client: OidcClient; config: OidcConfig } | null;
}

/** What the editor's page helpers read of its options (not how documents run). */
export type EditorPageOptions = Omit<EditorRouterOptions, "run" | "runRolledBack">;

/** The editor's options with its documents run for one request: its id in their logs, its budget pays their cost. */
export interface EditorRequestOptions extends EditorPageOptions {
  run: RunSiteQuery;
  runRolledBack: RunRolledBack;
}

/** `options` for the request `res` answers. */
export function forRequest(options: EditorRouterOptions, res: object): EditorRequestOptions {
  return { ...options, run: options.run(res), runRolledBack: options.runRolledBack(res) };
}

/** Pages of one person: never stored by a shared cache, nor kept by the browser. */
const PRIVATE = "private, no-store";

/** Sends an editor page: German, private, with `status`. */
export function sendEditorPage(res: Response, site: SiteConfig, page: VNode, status = 200): void {
  setPageHeaders(res, PRIVATE);
  res.status(status).send(renderDocument(page, site, siteLanguage("de", "/")));
}

/** Sends the page of a sign-in that gave no session. */
export function sendSignInProblem(
  res: Response,
  { site }: EditorPageOptions,
  status: number,
  props: SignInProblemProps,
): void {
  sendEditorPage(res, site, pageElement(SignInProblemPage, props), status);
}

/** The open session of a request's cookie, or null. */
export async function sessionOf(
  req: Request,
  { orm, publicUrl, lifetime }: EditorPageOptions,
): Promise<ActiveSession | null> {
  const id = readCookie(req, "ikz_sitzung", servedSecurely(req, publicUrl));
  return id ? findSession(orm.em.fork(), id, lifetime) : null;
}

/** Shows the sign-in form with a fresh secret, set as a cookie too (the form proves it comes from this page). */
export function showSignIn(
  req: Request,
  res: Response,
  options: EditorPageOptions,
  props: Omit<SignInProps, "csrf" | "sso">,
  status = 200,
): void {
  const csrf = newFormSecret();
  setCookie(res, "ikz_anmeldung", csrf, servedSecurely(req, options.publicUrl));
  sendEditorPage(res, options.site, pageElement(SignInPage, { csrf, sso: options.oidc !== null, ...props }), status);
}

/** Whether a posted form passes both checks against cross-site requests: its origin, and its secret. */
export function trustedPost(req: Request, options: EditorPageOptions, secret: string | null): boolean {
  return fromOwnOrigin(req, hubOrigin(req, options.publicUrl)) && formCarries(req, secret);
}

/** The largest form body the editor pages read, and its most fields: a project with long texts and many choices fits. */
export const FORM_LIMITS = { limit: "64kb", parameterLimit: 1000 } as const;

/** A path the sign-in may return to: an editor page of this hub, nothing else (no other host, no scheme). */
export function returnPath(value: unknown): string | null {
  return typeof value === "string" && /^\/meine-kommune(?:\/[a-z0-9/._~%-]*)?$/i.test(value) && !value.includes("//")
    ? value
    : null;
}

/** The message of a spent sign-in budget, with `Retry-After`; the same whether or not the account exists. */
export function tooManyAttempts(res: Response, seconds: number): string {
  res.setHeader("Retry-After", String(seconds));
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? "Minute" : "Minuten"} erneut.`;
}

/** The fields of another form carried through sign-in (`eingabe.title`, …), by their own names. */
export function carriedFields(body: Record<string, unknown>): [string, string][] {
  return Object.entries(body)
    .filter(([name]) => name.startsWith(CARRIED))
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        (item) => [name.slice(CARRIED.length), String(item)] as [string, string],
      ),
    );
}
