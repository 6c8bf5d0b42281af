import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { strongEtag } from "./http-cache.js";

/** Where the card's stylesheet and script live; `npm run build` copies the folder next to the compiled router. */
const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

/** The files `/embed/<name>` serves, with their media types. Nothing else in the folder is reachable. */
export const EMBED_ASSETS: Readonly<Record<string, string>> = {
  "card.css": "text/css; charset=utf-8",
  "card.js": "text/javascript; charset=utf-8",
  "page.css": "text/css; charset=utf-8",
  "frame.js": "text/javascript; charset=utf-8",
};

/** A static file ready to send. */
export interface Asset {
  body: Buffer;
  etag: string;
  contentType: string;
}

const cache = new Map<string, { version: string; asset: Asset }>();

/**
 * Reads one of `EMBED_ASSETS` (null when it is not there). Kept in memory until
 * the file changes, so a redeployed asset is served without a restart.
 */
export async function readEmbedAsset(name: string): Promise<Asset | null> {
  if (!Object.hasOwn(EMBED_ASSETS, name)) return null;
  const file = `${ASSETS_DIR}${name}`;
  let version: string;
  try {
    const info = await stat(file);
    version = `${info.mtimeMs}:${info.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const cached = cache.get(name);
  if (cached?.version === version) return cached.asset;
  const body = await readFile(file);
  const asset = { body, etag: strongEtag(body), contentType: EMBED_ASSETS[name] };
  cache.set(name, { version, asset });
  return asset;
}
