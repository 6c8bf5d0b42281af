import type { Writable } from "node:stream";
import { parseArgs, type ParseArgsConfig } from "node:util";

/** Exit code of a successful command. */
export const EXIT_OK = 0;
/** Exit code of a command that failed (database unreachable, unknown id, …). */
export const EXIT_FAILURE = 1;
/** Exit code of a command given wrong or missing arguments. */
export const EXIT_USAGE = 2;

/** A command line that cannot be run as given; the CLI prints the message and the usage text. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Where a command writes: its answer on `stdout`, everything else (usage, errors, logs) on `stderr`. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
}

/** Reads a command's arguments with `parseArgs`; a mistake is a UsageError naming it, which the CLI prints with the usage. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
