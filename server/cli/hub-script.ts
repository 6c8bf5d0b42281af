import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Node options that `npm run hub` gives the hub's entry point in the checkout at `root`, read from its
 * package.json (`npm start` and the image give the same, which test/unit/docker-compose.test.ts checks): the heap's
 * sizing (README, "Memory"). For whatever starts the built hub as a child process and must start it as it runs.
 */
export function hubNodeOptions(root: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: { hub?: string } };
  const options = /\bnode\s+((?:--[\w-]+=\S+\s+)*)dist\/server\/main\.js/.exec(manifest.scripts?.hub ?? "")?.[1] ?? "";
  return options.split(/\s+/).filter(Boolean);
}
