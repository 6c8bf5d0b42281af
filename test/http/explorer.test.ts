/**
 * The explorer over HTTP (issue 13): `/explorer` is a small HTML shell with its own
 * Content-Security-Policy that loads the bundle from `/explorer/assets/`, whose files are
 * content-hashed and cached immutable; nothing else of the hub references the bundle or
 * carries the explorer's policy; a browser's `GET /graphql` gets a page that leads to the
 * explorer instead of Apollo Sandbox from Apollo's CDN, and API clients are answered as
 * before. Needs the bundle (`npm run build`).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExplorerRouter, EXPLORER_CSP } from "../../server/explorer/explorer.router.js";
import { createLogger } from "../../server/logger.js";
import type { RateLimiter } from "../../server/rate-limit/rate-limiter.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const IMMUTABLE = "public, max-age=31536000, immutable";
const SLUG = "herten-kita-online";

describe("the explorer's routes", () => {
  let hub: TestHub;
  let shell: Response;
  let html: string;
  /** The asset paths the page names: its script and stylesheet. */
  let assets: string[];
  beforeAll(async () => {
    hub = await startTestHub();
    shell = await fetch(`${hub.origin}/explorer`);
    html = await shell.text();
    assets = [...html.matchAll(/(?:src|href)="(\/explorer\/assets\/[^"]+)"/g)].map((match) => match[1]);
  });
  afterAll(() => hub?.close());

  it("serves the shell as German HTML with the explorer's policy and a revalidated ETag", async () => {
    expect(shell.status).toBe(200);
    expect(shell.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(shell.headers.get("content-language")).toBe("de");
    expect(shell.headers.get("content-security-policy")).toBe(EXPLORER_CSP);
    expect(shell.headers.get("set-cookie")).toBeNull();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<div id="explorer">');
    const etag = shell.headers.get("etag")!;
    const again = await fetch(`${hub.origin}/explorer`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("spends the caller's rate-limit budget on the page, like the other pages, and none on the assets", async () => {
    expect(shell.headers.get("ratelimit-limit")).toMatch(/^\d+$/);
    const asset = await fetch(`${hub.origin}${assets[0]}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("ratelimit-limit")).toBeNull();
  });

  it("keeps the policy to what Monaco needs: scripts, workers and connections of the hub alone", () => {
    const directives = Object.fromEntries(
      EXPLORER_CSP.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1).join(" ")]),
    );
    expect(directives["default-src"]).toBe("'none'");
    expect(directives["script-src"]).toBe("'self'");
    expect(directives["worker-src"]).toBe("'self'");
    expect(directives["connect-src"]).toBe("'self'");
    expect(EXPLORER_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("serves the bundle content-hashed and immutable, with the explorer's policy (workers take their script's)", async () => {
    expect(assets).toHaveLength(2);
    const script = assets.find((asset) => asset.endsWith(".js"))!;
    const style = assets.find((asset) => asset.endsWith(".css"))!;
    expect(script).toMatch(/^\/explorer\/assets\/explorer-[A-Z0-9]{8}\.js$/);
    expect(style).toMatch(/^\/explorer\/assets\/explorer-[A-Z0-9]{8}\.css$/);
    // The worker scripts the app starts, as the build recorded them.
    const manifest = JSON.parse(
      await readFile(new URL("../../dist/server/explorer/assets/manifest.json", import.meta.url), "utf8"),
    );
    const workers = (manifest.workers as string[]).map((name) => `/explorer/assets/${name}`);
    expect(workers).toHaveLength(3);
    for (const worker of workers)
      expect(worker).toMatch(/^\/explorer\/assets\/(?:editor|graphql|json)\.worker-[A-Z0-9]{8}\.js$/);
    for (const path of [script, style, ...workers]) {
      const response = await fetch(`${hub.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe(IMMUTABLE);
      expect(response.headers.get("content-type"), path).toMatch(
        path.endsWith(".css") ? /^text\/css/ : /^(?:text|application)\/javascript/,
      );
      expect(response.headers.get("content-security-policy"), path).toBe(EXPLORER_CSP);
      expect(Number(response.headers.get("content-length")), path).toBeGreaterThan(1000);
    }
  });

  it("sends scripts and stylesheets gzipped to browsers that accept it, the same bytes once unpacked", async () => {
    for (const path of assets) {
      const plain = await fetch(`${hub.origin}${path}`, { headers: { "accept-encoding": "identity" } });
      const packed = await fetch(`${hub.origin}${path}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(plain.headers.get("content-encoding"), path).toBeNull();
      expect(packed.headers.get("content-encoding"), path).toBe("gzip");
      for (const response of [plain, packed]) {
        expect(response.headers.get("vary") ?? "", path).toMatch(/accept-encoding/i);
        expect(response.headers.get("cache-control"), path).toBe(IMMUTABLE);
        expect(response.headers.get("content-type"), path).toMatch(
          path.endsWith(".css") ? /^text\/css/ : /^(?:text|application)\/javascript/,
        );
      }
      const plainBody = Buffer.from(await plain.arrayBuffer());
      expect(Number(packed.headers.get("content-length")), path).toBeLessThan(plainBody.length * 0.8);
      // fetch unpacks gzip itself.
      expect(Buffer.from(await packed.arrayBuffer()).equals(plainBody), path).toBe(true);
    }
  });

  it("answers a missing asset, the manifest and paths out of the folder with a plain 404, never the bundle's neighbours", async () => {
    for (const path of [
      "/explorer/assets/explorer-NOTTHERE.js",
      "/explorer/assets/manifest.json",
      "/explorer/assets/..%2f..%2fhub.js",
      "/explorer/assets/%2e%2e/explorer.router.js",
      "/explorer/assets/",
    ]) {
      const response = await fetch(`${hub.origin}${path}`);
      // 403 is express.static's answer to a path that climbs out of its folder.
      expect([403, 404], path).toContain(response.status);
      expect(response.headers.get("cache-control"), path).not.toBe(IMMUTABLE);
      // A short refusal (the router's, or the hub's where the URL left /explorer/assets), never a file.
      expect((await response.text()).length, path).toBeLessThan(200);
    }
  });

  it("keeps the explorer's policy and bundle off every other page", async () => {
    for (const path of [
      `/projekte/${SLUG}`,
      `/embed/projects/${SLUG}`,
      "/embed/card.js",
      "/healthz",
      "/graphql?query=%7B__typename%7D",
      "/nothing-here",
    ]) {
      const response = await fetch(`${hub.origin}${path}`, { headers: { "apollo-require-preflight": "true" } });
      expect(response.headers.get("content-security-policy") ?? "", path).not.toContain("'unsafe-inline'");
      expect(await response.text(), path).not.toContain("/explorer/assets/");
    }
  });

  it("shows a browser at /graphql a page that leads to the explorer, with nothing from another host", async () => {
    const response = await fetch(`${hub.origin}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('href="/explorer"');
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/apollo|sandbox|<script/i);
  });

  it("answers API clients at /graphql as before", async () => {
    const get = await fetch(`${hub.origin}/graphql?query=%7B__typename%7D`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
    // Apollo's CSRF prevention still refuses a GET a browser could send from any page.
    const simple = await fetch(`${hub.origin}/graphql?query=%7B__typename%7D`);
    expect(simple.status).toBe(400);
    const post = await hub.query("{ __typename }");
    expect(post).toMatchObject({ status: 200, data: { __typename: "Query" } });
  });
});

describe("the explorer without its bundle", () => {
  it("says it has not been built (503), instead of a page that loads nothing", async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), "ikz-explorer-"));
    const unlimited = {
      points: 1,
      consume: async () => ({ allowed: true, limit: 1, remaining: 1, resetSeconds: 1 }),
    } as unknown as RateLimiter;
    const app = express().use(
      createExplorerRouter({
        logger: createLogger({ logLevel: "silent", logFormat: "json" }),
        rateLimiter: unlimited,
        assetsDir: empty,
      }),
    );
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/explorer`);
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain("npm run build");
    } finally {
      server.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
