/**
 * server/cli/build-if-stale.mjs, the step in front of every CLI script: it builds only when a
 * build input changed since the last complete build. Run on a copy of the script in a temporary
 * tree with a small fake `npm run build`, so that it never rebuilds the real dist/ under other
 * tests; and, read-only (`--check`), on the real tree that `npm test` has just built.
 */
import { spawn } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const SCRIPT = path.resolve("server/cli/build-if-stale.mjs");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the copy of the script under `root` with only PATH in its environment. */
function run(root: string, ...args: string[]): Promise<Result> {
  const child = spawn(process.execPath, [path.join(root, "server/cli/build-if-stale.mjs"), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "" },
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** A build that counts its runs in dist/builds, and fails when the file FAIL exists, as `npm run build` is chained. */
const FAKE_BUILD = [
  "node server/cli/build-if-stale.mjs --begin",
  `node -e "const fs = require('fs'); if (fs.existsSync('FAIL')) process.exit(3); const n = Number(fs.existsSync('dist/builds') ? fs.readFileSync('dist/builds', 'utf8') : 0) + 1; fs.writeFileSync('dist/builds', String(n)); console.log('compiled ' + n)"`,
  "node server/cli/build-if-stale.mjs --stamp",
].join(" && ");

let root: string;
const builds = async () => Number(await readFile(path.join(root, "dist/builds"), "utf8").catch(() => "0"));
const stampTime = async () => (await stat(path.join(root, "dist/.build-stamp"))).mtimeMs;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ikz-build-if-stale-"));
  await chmod(root, 0o755);
  await mkdir(path.join(root, "server/cli"), { recursive: true });
  await mkdir(path.join(root, "schema"), { recursive: true });
  await copyFile(SCRIPT, path.join(root, "server/cli/build-if-stale.mjs"));
  await writeFile(path.join(root, "server/main.ts"), "export {};\n");
  await writeFile(path.join(root, "schema/schema.graphql"), "type Query { a: Int }\n");
  await writeFile(
    path.join(root, "package.json"),
    JSON.stringify({ name: "fake-hub", private: true, scripts: { build: FAKE_BUILD } }),
  );
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("build-if-stale", () => {
  it("builds without a stamp, then not again until an input is newer than the build's start", async () => {
    const first = await run(root);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    // The build's own output goes to stderr: stdout is the command's answer (a token, a count).
    expect(first.stderr).toMatch(/^building… \(no complete build\)\n[\s\S]*compiled 1/);
    expect(await builds()).toBe(1);
    const stamped = await stampTime();

    const again = await run(root);
    expect(again).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await builds()).toBe(1);
    expect(await stampTime()).toBe(stamped);
    expect(await run(root, "--check")).toEqual({ code: 0, stdout: "fresh\n", stderr: "" });

    // Saved after the build started: stale.
    const later = new Date(stamped + 5000);
    await utimes(path.join(root, "schema/schema.graphql"), later, later);
    expect(await run(root, "--check")).toEqual({
      code: 1,
      stdout: "stale: schema/schema.graphql changed since the last build\n",
      stderr: "",
    });
    expect(await builds()).toBe(1);
    const rebuilt = await run(root);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toMatch(/^building… \(schema\/schema\.graphql changed since the last build\)/);
    expect(await builds()).toBe(2);
  }, 60_000);

  it("ignores node_modules and files that are not build inputs", async () => {
    expect((await run(root)).code).toBe(0);
    const later = new Date((await stampTime()) + 5000);
    await mkdir(path.join(root, "server/node_modules/x"), { recursive: true });
    await writeFile(path.join(root, "server/node_modules/x/index.js"), "");
    await utimes(path.join(root, "server/node_modules/x/index.js"), later, later);
    await writeFile(path.join(root, "notes.txt"), "");
    await utimes(path.join(root, "notes.txt"), later, later);
    expect(await run(root, "--check")).toMatchObject({ code: 0, stdout: "fresh\n" });
    // package.json is an input: its scripts are the build.
    await utimes(path.join(root, "package.json"), later, later);
    expect(await run(root, "--check")).toMatchObject({
      code: 1,
      stdout: "stale: package.json changed since the last build\n",
    });
  }, 60_000);

  it("passes a failed build's exit code on and leaves no stamp, so the next run builds again", async () => {
    await writeFile(path.join(root, "FAIL"), "");
    const failed = await run(root);
    expect(failed.code).not.toBe(0);
    await expect(stat(path.join(root, "dist/.build-stamp"))).rejects.toThrow();
    expect(await run(root, "--check")).toMatchObject({ code: 1, stdout: "stale: no complete build\n" });
    await rm(path.join(root, "FAIL"));
    expect((await run(root)).code).toBe(0);
    expect(await builds()).toBe(1);
  }, 60_000);

  it("refuses unknown arguments with exit 2 and prints its usage for --help", async () => {
    const unknown = await run(root, "--frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^build-if-stale: unknown arguments "--frobnicate"/);
    expect(await run(root, "--check", "extra")).toMatchObject({ code: 2 });
    const help = await run(root, "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: node server\/cli\/build-if-stale\.mjs/);
    // Neither built anything.
    expect(await builds()).toBe(0);
  });
});

describe("the real tree", () => {
  it("is fresh after `npm run build` (which `npm test` runs first), so CLI scripts start without building", async () => {
    const check = await run(path.resolve("."), "--check");
    expect(check.stdout, "run npm run build before these tests").toBe("fresh\n");
    expect(check.code).toBe(0);
  });
});
