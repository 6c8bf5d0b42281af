/**
 * Which hub process owns an embedded PostgreSQL: the hub writes its pid beside the data directory when it starts the
 * server and removes it when it stops it. A server still running on the directory whose owner is gone (the hub was
 * killed, or its terminal closed before it handled the signal) is an orphan, which the next start stops.
 */
import { readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import type { Logger } from "../logger.js";

/** Longest wait for an orphaned PostgreSQL to shut down. */
const ORPHAN_STOP_MS = 60_000;
const POLL_MS = 100;

/** The file beside a data directory that names the hub process owning its server. */
export function ownerFile(dataDir: string): string {
  return `${dataDir}.hub-pid`;
}

/** Whether `pid` is a live process that can be a hub: it exists, and where /proc tells, it runs node. */
function isLiveHub(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    // A pid reused by another program after the hub died is not the owner.
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("node");
  } catch {
    return true;
  }
}

/** The owning hub's pid as recorded, or null when no owner is recorded. */
async function recordedOwner(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(ownerFile(dataDir), "utf8")).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether the server running on `dataDir` is an orphan: its recorded owner is no longer a live hub. */
export async function isOrphaned(dataDir: string): Promise<boolean> {
  const owner = await recordedOwner(dataDir);
  return owner !== null && owner !== process.pid && !isLiveHub(owner);
}

/**
 * Stops an orphaned postmaster (`pid`) with a fast shutdown (SIGINT: sessions end, data is consistent) and waits
 * until `stillRunning` says it is gone.
 */
export async function stopOrphan(
  pid: number,
  stillRunning: () => Promise<boolean>,
  { dataDir, logger }: { dataDir: string; logger: Logger },
): Promise<void> {
  logger.warn({ dataDir, pid }, "stopping an embedded PostgreSQL left running by a hub that is gone");
  try {
    process.kill(pid, "SIGINT");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
  for (let waited = 0; await stillRunning(); waited += POLL_MS) {
    if (waited >= ORPHAN_STOP_MS)
      throw new Error(`The orphaned PostgreSQL on ${dataDir} (pid ${pid}) did not stop within ${ORPHAN_STOP_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await rm(ownerFile(dataDir), { force: true });
}

/** Records this process as the owner of the server on `dataDir`. */
export async function recordOwner(dataDir: string): Promise<void> {
  await writeFile(ownerFile(dataDir), `${process.pid}\n`);
}

/** Removes the record of this process owning the server on `dataDir` (once it stopped it). */
export async function releaseOwner(dataDir: string): Promise<void> {
  if ((await recordedOwner(dataDir)) === process.pid) await rm(ownerFile(dataDir), { force: true });
}
