import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The hub's version, from the `package.json` of ikz-hub nearest above this file (the
 * repository's, whether this runs from `server/` or from `dist/server/`).
 */
export function hubVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === "ikz-hub" && manifest.version) return manifest.version;
    } catch {
      // No (readable) package.json here: look further up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}
