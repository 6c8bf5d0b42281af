/**
 * Loaded into a server that `npm run bench:nested` measures (`node --import <this file>`): counts the SQL
 * statements the process sends through node-postgres, the `pg` package its working directory resolves (the hub's,
 * or PostGraphile's own copy in `.bench/postgraphile`), and answers the bench's IPC message `"statements"` with
 * the count so far. It changes nothing else in the process.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type pg from "pg";

const require = createRequire(path.join(process.cwd(), "package.json"));
const { Client } = require("pg") as typeof pg;
let statements = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...args: unknown[]) => unknown).apply(this, args);
} as typeof query;

process.on("message", (message) => {
  if (message === "statements") process.send?.({ statements });
});
// Listening refs the IPC channel; the server's own shutdown must not wait for it.
process.channel?.unref();
