import { SingleBar } from "cli-progress";
import type { Writable } from "node:stream";

/** A progress bar on stderr (a terminal or not), so that stdout keeps only a command's answer. */
export function progressBar(stream: Writable, label: string): SingleBar {
  return new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
    stream: stream as NodeJS.WriteStream,
    // Without a terminal (CI, pipes) the bar still reports, one line now and then.
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
  });
}
