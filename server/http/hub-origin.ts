import type { Request } from "express";

/** The origin a request was addressed to, or null when its Host header is not a plain host[:port]. */
function requestOrigin(req: Request): string | null {
  const host = req.get("host");
  if (!host) return null;
  try {
    const url = new URL(`${req.protocol}://${host}`);
    return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The public origin of the hub for links in a response: `PUBLIC_URL` when set,
 * else the origin the request was addressed to (null when its Host is unusable).
 */
export function hubOrigin(req: Request, publicUrl: string | null): string | null {
  return publicUrl ?? requestOrigin(req);
}
