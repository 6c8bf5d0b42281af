/**
 * SLOW (starts an embedded PostgreSQL of its own in a temporary directory, a few
 * seconds): when the embedded PostgreSQL's postmaster is killed, the hub restarts it,
 * answers DATABASE_UNAVAILABLE (never a 500) meanwhile, and serves again by itself.
 */
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { findFreePort } from "../../server/database/embedded-postgres.js";
import { Hub } from "../../server/hub.js";

const QUERY = "{ municipalities(first: 1) { totalCount } }";

/** Polls `check` until it holds; a generous guard, not a timing assertion. */
async function until(check: () => boolean, guardMs = 60_000): Promise<void> {
  const end = Date.now() + guardMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it("restarts a killed embedded PostgreSQL and serves again without a restart of the hub", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ikz-restart-"));
  // The server runs as the OS user postgres when the tests run as root.
  await chmod(dir, 0o755);
  const env = {
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_ON_START: "false",
    NODE_ENV: "test",
    DATA_DIR: dir,
    EMBEDDED_PG_PORT: String(await findFreePort()),
  };
  const lines: Record<string, any>[] = [];
  const fatal: Error[] = [];
  const hub = new Hub({
    config: loadConfig(env, false),
    logger: pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) }),
    onFatal: (error) => void fatal.push(error),
  });
  try {
    const { url } = await hub.start();
    const ask = async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: QUERY }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { errors?: { extensions: { code: string } }[] },
      };
    };
    expect((await ask()).status).toBe(200);
    const pid = Number((await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    process.kill(pid, "SIGKILL");
    // Asked only once the hub has seen the loss: a backend can still answer right after the kill.
    await until(() => lines.some((line) => line.msg === "embedded PostgreSQL exited unexpectedly; restarting it"));
    const seen: string[] = [];
    const end = Date.now() + 60_000;
    for (;;) {
      const answer = await ask();
      if (answer.status === 200 && !answer.body.errors) break;
      seen.push(`${answer.status} ${answer.body.errors?.[0]?.extensions.code}`);
      if (Date.now() > end) throw new Error(`not back in time; answers: ${seen.join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Old behaviour: no restart, so no 200 again; meanwhile 200s with INTERNAL_SERVER_ERROR. How many answers
    // fall into the restart depends on the machine's speed; each that does must be DATABASE_UNAVAILABLE.
    expect(seen.filter((answer) => answer !== "503 DATABASE_UNAVAILABLE")).toEqual([]);
    expect(lines.some((line) => line.msg === "embedded PostgreSQL exited unexpectedly; restarting it")).toBe(true);
    expect(lines.some((line) => line.msg === "embedded PostgreSQL restarted")).toBe(true);
    expect(fatal).toEqual([]);
  } finally {
    await hub.stop();
    await rm(dir, { recursive: true, force: true });
  }
}, 180_000);
