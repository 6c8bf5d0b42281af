/**
 * `npm run bench:nested` refuses a wrong command line or `DATABASE_URL` before it touches anything: the built
 * script (`npm test` builds first), one line on stderr naming the problem, exit code 2. The database URL of the
 * flag cases points at a port nothing listens on, so a bench that went ahead would fail with 1, not 2.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const BENCH = path.resolve("dist/server/cli/bench-nested.js");
const NOWHERE = "postgres://postgres@127.0.0.1:1/postgres";

function bench(args: string[], databaseUrl?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
  if (databaseUrl !== undefined) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [BENCH, ...args], { env, stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("bench:nested command line", () => {
  it.each([["--help"], ["-h"], ["--seconds", "0", "--help"]])(
    "prints its usage for %j and exits 0 before reading DATABASE_URL",
    async (...args) => {
      const result = await bench(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^Usage: npm run bench:nested -- /);
    },
  );

  it.each([
    [["--seconds", "0"], /--seconds must be a whole number from 3 to 600, got "0"/],
    [["--seconds", "1e3"], /--seconds must be a whole number/],
    [["--seconds", "ten"], /--seconds must be a whole number/],
    [["--rounds", "99"], /--rounds must be a whole number from 1 to 20/],
    [["--connections=-1"], /--connections must be a whole number from 1 to 200, got "-1"/],
    [["--connections", "-1"], /Option '--connections' argument is ambiguous/],
    [["--municipalities", "0"], /--municipalities must be a whole number from 1 to 20000/],
    [["--data", "seed,everything"], /--data takes seed, synthetic \(comma-separated\), got "seed,everything"/],
    [["--data", ""], /--data takes seed, synthetic/],
    [["--servers", "hub,hasura"], /--servers takes hub, postgraphile/],
    [["--cpu-prof", " "], /--cpu-prof needs a folder/],
    [["--baseline", "/nonexistent-checkout"], /--baseline \/nonexistent-checkout has no dist\/server\/main.js/],
    [["--fresh=yes"], /--fresh/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["seed"], /Unexpected argument 'seed'/],
  ])("refuses %j with one line and exit code 2", async (args, message) => {
    const result = await bench(args, NOWHERE);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^bench:nested: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    [undefined, /DATABASE_URL is not set/],
    ["", /DATABASE_URL is not set/],
    ["not a url", /DATABASE_URL is not a URL/],
    ["mysql://root@127.0.0.1/db", /DATABASE_URL must be a postgres:\/\/ URL, got the scheme mysql:/],
  ])("refuses DATABASE_URL %j with one line and exit code 2", async (databaseUrl, message) => {
    const result = await bench([], databaseUrl);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^bench:nested: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
  });

  it("goes ahead with a valid command line (and then fails to reach the database, exit code 1)", async () => {
    const result = await bench(["--servers", "hub", "--data", "seed", "--seconds", "3"], NOWHERE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bench:nested failed: /m);
  });
});
