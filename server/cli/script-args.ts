import { type ParseArgsConfig, parseArgs } from "node:util";
import { hubVersion } from "../version.js";

/** The arguments that ask a command for its usage text instead of running it. */
export const HELP_ARGS: readonly string[] = ["--help", "-h"];

/** True when `args` ask for help: `--help` or `-h` anywhere before a `--`. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_ARGS.includes(arg));
}

/**
 * Reads the arguments of a script entry point (`npm run bench:search -- …`) before it reads
 * configuration or touches a database: `--help`/`-h` print `usage` on stdout and exit 0,
 * `--version` prints the hub's version and exits 0, and arguments `options` does not
 * describe print the problem and `usage` on stderr and exit 2.
 */
export function scriptArgs<T extends ParseArgsConfig["options"]>(
  script: string,
  usage: string,
  options: T,
  args: string[] = process.argv.slice(2),
): ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>["values"] {
  if (asksForHelp(args)) {
    process.stdout.write(usage);
    process.exit(0);
  }
  if (args.length === 1 && args[0] === "--version") {
    process.stdout.write(`${hubVersion()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${script}: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}

/** The hub that the client examples, the analyst client and the HTTP benchmarks talk to when HUB_URL is unset. */
export const DEFAULT_HUB_URL = "http://localhost:4000";

/**
 * The GraphQL endpoint of the hub at HUB_URL (an http(s) origin, optionally with a path prefix;
 * default http://localhost:4000): its `/graphql`. A HUB_URL that is not one prints the problem and
 * exits 2.
 */
export function graphqlUrl(script: string, env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.HUB_URL?.trim() || DEFAULT_HUB_URL;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Reported below.
  }
  if (!url || !["http:", "https:"].includes(url.protocol) || url.search || url.hash) {
    process.stderr.write(
      `${script}: HUB_URL must be the hub's http(s) address, e.g. ${DEFAULT_HUB_URL}, got ${JSON.stringify(raw)}\n`,
    );
    process.exit(2);
  }
  return new URL("graphql", url.href.endsWith("/") ? url.href : `${url.href}/`).href;
}
