import type { Express, Request } from "express";

/** Where `trustHosts` keeps the configured hosts, in `app.locals`. */
const ALLOWED_HOSTS = "ikzHubAllowedHosts";

/** An IPv4 loopback address (127.0.0.0/8) as the URL parser writes it. */
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Tells `hubOrigin` which hosts besides loopback ones it may build links from when
 * `PUBLIC_URL` is unset (`ALLOWED_HOSTS`: `host` matches any port, `host:port` that port).
 * Kept on the app, like express's own `trust proxy`, so that routers need no new option.
 */
export function trustHosts(app: Express, hosts: readonly string[]): void {
  app.locals[ALLOWED_HOSTS] = new Set(hosts);
}

/** Whether links may point at this parsed request address: a loopback host, or one `trustHosts` named. */
function isTrusted(url: URL, req: Request): boolean {
  const { hostname } = url;
  if (hostname === "localhost" || hostname === "[::1]" || IPV4_LOOPBACK.test(hostname)) return true;
  const allowed = req.app.locals[ALLOWED_HOSTS] as Set<string> | undefined;
  if (!allowed) return false;
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allowed.has(hostname) || allowed.has(`${hostname}:${port}`);
}

/** The parsed address a request was sent to, or null when its Host header is not a plain host[:port]. */
function requestUrl(req: Request): URL | null {
  const host = req.get("host");
  if (!host) return null;
  try {
    const url = new URL(`${req.protocol}://${host}`);
    return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
}

/**
 * The public origin of the hub for links in a response: `PUBLIC_URL` when set, else
 * the origin the request was addressed to, but only when its Host is a loopback host
 * or one configured in `ALLOWED_HOSTS` (see `trustHosts`); null otherwise, and then
 * the answer must carry no absolute link. Without `PUBLIC_URL` the answer depends on
 * the Host header, so this also adds `Host` to the response's `Vary`.
 */
export function hubOrigin(req: Request, publicUrl: string | null): string | null {
  if (publicUrl) return publicUrl;
  req.res?.vary("Host");
  const url = requestUrl(req);
  return url && isTrusted(url, req) ? url.origin : null;
}
