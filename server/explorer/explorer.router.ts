import { existsSync } from "node:fs";
import path from "node:path";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import express, { type RequestHandler, type Response } from "express";
import { matchesIfNoneMatch, strongEtag } from "../embed/http-cache.js";
import type { Logger } from "../logger.js";
import { type ExplorerManifest, renderExplorerPage } from "./explorer-page.js";
import { rateLimitMiddleware } from "../rate-limit/rate-limit.middleware.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";

/** What the explorer routes need from the hub. */
export interface ExplorerRouterOptions {
  logger: Logger;
  /** The page spends a point of its address's budget, like the other pages; its assets are free. */
  rateLimiter: RateLimiter;
  /** Where the bundle lies (tests); by default next to the compiled router, or in dist/ when run from source. */
  assetsDir?: string;
}

/**
 * The explorer's own policy, on its page and assets only (Monaco's workers take the policy of their script's
 * response). Monaco sets element styles at run time, hence 'unsafe-inline' for styles; GraphiQL's icon fonts
 * are data: URLs in its stylesheet. No script but the hub's own files, no connection but to the hub.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");
/** The page names the current build's files: caches ask again after a few minutes. */
const PAGE_CACHE = "public, max-age=300";

/** The bundle's folder: next to the compiled router in dist/, or dist/ seen from the source tree (tests). */
function defaultAssetsDir(): string {
  const beside = fileURLToPath(new URL("./assets/", import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL("../../dist/server/explorer/assets/", import.meta.url));
}

function sendText(res: Response, status: number, text: string): void {
  res.status(status).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).send(text);
}

/**
 * `/explorer` (the page) and `/explorer/assets/*` (the bundle, immutable-cached),
 * each with the explorer's own Content-Security-Policy. The bundle is built by
 * `npm run build`; without it the page says so (503) instead of half-loading.
 */
export function createExplorerRouter({
  logger,
  rateLimiter,
  assetsDir = defaultAssetsDir(),
}: ExplorerRouterOptions): express.Router {
  const router = express.Router();
  let page: { version: number; body: string; etag: string } | undefined;
  // Rendered once per build: a new bundle (new manifest) is picked up without a restart.
  const loadPage = async () => {
    const manifestFile = path.join(assetsDir, "manifest.json");
    const version = (await stat(manifestFile)).mtimeMs;
    if (page?.version === version) return page;
    const body = renderExplorerPage(JSON.parse(await readFile(manifestFile, "utf8")) as ExplorerManifest);
    return (page = { version, body, etag: strongEtag(body) });
  };
  const policy: RequestHandler = (_req, res, next) => {
    res.setHeader("Content-Security-Policy", EXPLORER_CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  };

  router.get(
    ["/explorer", "/explorer/"],
    policy,
    rateLimitMiddleware(rateLimiter, logger, () => null),
    async (req, res) => {
      let answer;
      try {
        answer = await loadPage();
      } catch (error) {
        logger.error({ err: error }, "explorer bundle missing; run `npm run build`");
        sendText(res, 503, "Der GraphQL-Explorer ist nicht gebaut (npm run build). Die API antwortet unter /graphql.");
        return;
      }
      res.set({
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": PAGE_CACHE,
        "Content-Language": "de",
        ETag: answer.etag,
      });
      if (matchesIfNoneMatch(req.get("if-none-match"), answer.etag)) return void res.status(304).end();
      res.send(answer.body);
    },
  );
  // The build wrote a gzipped copy of every script and stylesheet: a browser that accepts gzip gets it.
  router.get(/^\/explorer\/assets\/[\w.-]+\.(?:js|css)$/, policy, (req, res, next) => {
    res.vary("Accept-Encoding");
    if (!req.acceptsEncodings("gzip")) return next();
    const name = path.basename(req.path);
    const compressed = path.join(assetsDir, `${name}.gz`);
    if (!existsSync(compressed)) return next();
    res.type(path.extname(name));
    res.setHeader("Content-Encoding", "gzip");
    res.sendFile(compressed, { maxAge: "1y", immutable: true, dotfiles: "deny" }, (error) => error && next(error));
  });
  // The manifest is the build's own bookkeeping, and not content-hashed: not served.
  router.get("/explorer/assets/manifest.json", policy, (_req, res) => sendText(res, 404, "Not found."));
  router.use(
    "/explorer/assets",
    policy,
    express.static(assetsDir, {
      immutable: true,
      maxAge: "1y",
      index: false,
      dotfiles: "ignore",
      fallthrough: false,
      redirect: false,
    }),
  );
  // A missing asset is a plain 404 here, not the hub's JSON one or a 500.
  router.use("/explorer/assets", ((error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === "number" && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, "explorer asset failed");
    sendText(res, status, status === 404 ? "Not found." : "Error.");
  }) as express.ErrorRequestHandler);
  return router;
}
