import { createHash } from "node:crypto";
import type { Request, Response } from "express";

/** A strong entity tag for a response body: a hash of its bytes. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether an `If-None-Match` header names `etag`, so that a 304 may answer
 * (RFC 9110 §13.1.2: weak comparison, `*` matches any current representation).
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => opaque(tag) === wanted);
}

/** Sends a body with its strong ETag, or a bodiless 304 when the client already has it (a 200 only: other statuses always carry their body). */
export function sendWithEtag(
  req: Request,
  res: Response,
  answer: { body: string | Buffer; etag: string },
  status = 200,
): void {
  res.setHeader("ETag", answer.etag);
  if (status === 200 && matchesIfNoneMatch(req.get("if-none-match"), answer.etag)) {
    res.status(304).end();
    return;
  }
  res.status(status).send(answer.body);
}
