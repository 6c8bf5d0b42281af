import { timingSafeEqual } from "node:crypto";
import type { Request } from "express";
import { randomSecret } from "../../schema/token/token.service.js";

/** A fresh random value for a form's check against cross-site posts. */
export function newFormSecret(): string {
  return randomSecret();
}

/** Whether a posted form's `csrf` field equals the expected secret, compared in constant time. */
export function formCarries(req: Request, expected: string | null): boolean {
  const given = (req.body as Record<string, unknown> | undefined)?.csrf;
  if (!expected || typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a post comes from the hub's own pages as far as the browser says: an `Origin` header, when sent,
 * must be the hub's. Browsers send it with every form post; its absence (old clients, curl) leaves the check
 * to the form secret.
 */
export function fromOwnOrigin(req: Request, origin: string | null): boolean {
  const sent = req.headers.origin;
  return sent === undefined || (origin !== null && sent === origin);
}
