/**
 * Builds the hub only when the build is stale, so that `npm run reindex`, `npm run hub -- token …`
 * and the other CLI scripts start in a second instead of rebuilding the TypeScript each time.
 * Plain JavaScript: it runs before there is a build.
 *
 *   node server/cli/build-if-stale.mjs           build (`npm run build`, output on stderr) if stale; exit with its code
 *   node server/cli/build-if-stale.mjs --check   print why the build is stale and exit 1, or exit 0 when it is fresh
 *   node server/cli/build-if-stale.mjs --begin   first step of `npm run build`: drops the stamp, notes the start
 *   node server/cli/build-if-stale.mjs --stamp   last step of `npm run build`: the build is complete as of its start
 *
 * The build is stale when `dist/.build-stamp` is missing (never built, or a build failed half-way) or
 * older than the newest file of its inputs (BUILD_INPUTS). The stamp carries the time the build started,
 * so a file saved while it ran makes the next run build again.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What `npm run build` reads: the sources it compiles and copies, and the settings and packages it compiles with. */
export const BUILD_INPUTS = [
  "server",
  "schema",
  "seeds",
  "client-examples",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "package-lock.json",
];

/** The stamp a complete build leaves in `dist/`; its modification time is when that build started. */
export const STAMP = "dist/.build-stamp";
/** Written when a build starts; becomes the stamp when it completes. */
const STARTED = "dist/.build-started";

/**
 * The newest file under `inputs` (paths relative to `root`; directories are walked, `node_modules`
 * and missing inputs skipped), or null when there is none.
 */
export function newestInput(root, inputs = BUILD_INPUTS) {
  let newest = null;
  const visit = (file) => {
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(file)) if (entry !== "node_modules") visit(path.join(file, entry));
    } else if (!newest || stats.mtimeMs > newest.mtimeMs) {
      newest = { file: path.relative(root, file), mtimeMs: stats.mtimeMs };
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return newest;
}

/**
 * Why the build of `newest` (from `newestInput`) as of the stamp's time `stampMs` (null: no stamp)
 * is stale, or null when it is fresh.
 */
export function staleReason(newest, stampMs) {
  if (stampMs === null) return "no complete build";
  if (newest && newest.mtimeMs > stampMs) return `${newest.file} changed since the last build`;
  return null;
}

/** Why the build under `root` is stale, or null when it is fresh. */
export function buildStaleness(root, inputs = BUILD_INPUTS) {
  let stampMs = null;
  try {
    stampMs = statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    // No stamp: never built, or the last build did not complete.
  }
  return staleReason(newestInput(root, inputs), stampMs);
}

/** Runs `npm run build` with its output on stderr (stdout is the command's answer); returns its exit code. */
function build(root) {
  // Under `npm run`, the npm that runs it (npx sets npm_execpath too, to itself: not that one).
  const npm = process.env.npm_execpath;
  const [command, args] =
    npm && /npm-cli\.js$/.test(npm) ? [process.execPath, [npm, "run", "build"]] : ["npm", ["run", "build"]];
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", 2, 2] });
  if (result.error) {
    process.stderr.write(`build-if-stale: could not run npm run build: ${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

/** Runs the command line; returns the exit code. */
function main(args) {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const [mode, ...rest] = args;
  if (rest.length || (mode !== undefined && !["--check", "--begin", "--stamp", "--help", "-h"].includes(mode))) {
    process.stderr.write(`build-if-stale: unknown arguments ${JSON.stringify(args.join(" "))}; see --help\n`);
    return 2;
  }
  switch (mode) {
    case "--help":
    case "-h":
      process.stdout.write(
        "Usage: node server/cli/build-if-stale.mjs [--check | --begin | --stamp]\n\n" +
          "Builds the hub (npm run build) when a file it is built from is newer than its last complete build.\n" +
          "--check only says whether it is stale (exit 1) or fresh (exit 0); --begin and --stamp are steps of npm run build.\n",
      );
      return 0;
    case "--begin":
      mkdirSync(path.join(root, "dist"), { recursive: true });
      rmSync(path.join(root, STAMP), { force: true });
      writeFileSync(path.join(root, STARTED), `${new Date().toISOString()}\n`);
      return 0;
    case "--stamp":
      try {
        renameSync(path.join(root, STARTED), path.join(root, STAMP));
      } catch {
        // Built without --begin: complete as of now.
        writeFileSync(path.join(root, STAMP), `${new Date().toISOString()}\n`);
      }
      return 0;
    case "--check": {
      const reason = buildStaleness(root);
      process.stdout.write(reason ? `stale: ${reason}\n` : "fresh\n");
      return reason ? 1 : 0;
    }
    default: {
      const reason = buildStaleness(root);
      if (!reason) return 0;
      process.stderr.write(`building… (${reason})\n`);
      return build(root);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
