import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { setScope } from "../request-scope.js";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (the caller's `x-request-id` when it is plain, else a new
 * UUID), echoes it in the response and keeps it as the response's request scope, which
 * the GraphQL contexts made for the request share, so that log lines and masked errors can be matched.
 */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get("x-request-id");
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", id);
  setScope(res, { requestId: id });
  next();
};
