/**
 * The built CLI (`node dist/server/main.js …`) as operators run it, for the tests of its commands: run to its end
 * with a clean environment, its output collected.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** The entry point `npm start` and `npm run hub` run; `npm test` builds it first. */
export const MAIN = path.resolve("dist/server/main.js");

/** How a command ended: its exit code and everything it wrote. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** Runs `node dist/server/main.js …args` with only PATH and `env` in its environment. */
export function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return finished(spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH ?? "", ...env } }));
}
