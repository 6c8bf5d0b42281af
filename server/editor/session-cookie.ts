import type { Request, Response } from "express";
import { parse, serialize } from "cookie";

/** The cookies of the editor pages: the session, the sign-in form's check against cross-site posts, and a sign-in under way at the identity provider. */
export type EditorCookie = "ikz_sitzung" | "ikz_anmeldung" | "ikz_oidc";

/**
 * Whether the hub is reached over https (PUBLIC_URL, or the request as trusted proxies report it): then cookies
 * are `Secure` and `__Host-` prefixed, so that no other host or plain-http page can set or read them.
 */
export function servedSecurely(req: Request, publicUrl: string | null): boolean {
  return publicUrl ? publicUrl.startsWith("https:") : req.secure;
}

function cookieName(name: EditorCookie, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

/** The value of one of the editor cookies, or null. */
export function readCookie(req: Request, name: EditorCookie, secure: boolean): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[cookieName(name, secure)] ?? null;
}

/** Sets an editor cookie: HttpOnly, SameSite=Lax, whole site, Secure over https; without `maxAge` it ends with the browser. */
export function setCookie(res: Response, name: EditorCookie, value: string, secure: boolean, maxAge?: number): void {
  res.append(
    "Set-Cookie",
    serialize(cookieName(name, secure), value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge }),
  );
}

/** Removes an editor cookie from the browser. */
export function clearCookie(res: Response, name: EditorCookie, secure: boolean): void {
  setCookie(res, name, "", secure, 0);
}
