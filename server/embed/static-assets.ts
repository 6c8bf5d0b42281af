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

/** A file's bytes and entity tag, read once and again only when the file changes. */
export interface StaticFile {
  body: Buffer;
  etag: string;
}

const cache = new Map<string, { version: string; file: StaticFile }>();

/**
 * Reads a static file the hub serves (null when it is not there). Kept in memory
 * until the file changes, so a redeployed asset is served without a restart.
 */
export async function readStaticFile(file: string): Promise<StaticFile | null> {
  let version: string;
  try {
    const info = await stat(file);
    version = `${info.mtimeMs}:${info.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const cached = cache.get(file);
  if (cached?.version === version) return cached.file;
  const body = await readFile(file);
  const read = { body, etag: strongEtag(body) };
  cache.set(file, { version, file: read });
  return read;
}

/** Reads one of `EMBED_ASSETS` (null when it is not there), kept like `readStaticFile`. */
export async function readEmbedAsset(name: string): Promise<Asset | null> {
  if (!Object.hasOwn(EMBED_ASSETS, name)) return null;
  const read = await readStaticFile(`${ASSETS_DIR}${name}`);
  return read && { ...read, contentType: EMBED_ASSETS[name] };
}
