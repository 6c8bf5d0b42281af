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
import type { RunSiteQuery } from "../site/run-query.js";
import { formCarries, fromOwnOrigin, newFormSecret } from "./csrf.js";
import { SignInPage, type SignInProps } from "./pages/sign-in.js";
import { readCookie, servedSecurely, setCookie } from "./session-cookie.js";

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

/** Pages of one person: never stored by a shared cache, nor kept by the browser. */
const PRIVATE = "private, no-store";

/** Sends an editor page: German, private, with `status`. */
export function sendEditorPage(res: Response, site: SiteConfig, page: VNode, status = 200): void {
  setPageHeaders(res, PRIVATE);
  res.status(status).send(renderDocument(page, site, siteLanguage("de", "/")));
}

/** The open session of a request's cookie, or null. */
export async function sessionOf(
  req: Request,
  { orm, publicUrl, lifetime }: EditorRouterOptions,
): Promise<ActiveSession | null> {
  const id = readCookie(req, "ikz_sitzung", servedSecurely(req, publicUrl));
  return id ? findSession(orm.em.fork(), id, lifetime) : null;
}

/** Whether a posted form passes both checks against cross-site requests: its origin, and its secret. */
export function trustedPost(req: Request, options: EditorRouterOptions, secret: string | null): boolean {
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

/** Shows the sign-in form with a fresh secret, set as a cookie too (the form proves it comes from this page). */
export function showSignIn(
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
