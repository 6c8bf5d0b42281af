import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubNodeOptions } from "../../server/cli/hub-script.js";
import { findFreePort, runningPostgresPort } from "../../server/database/embedded-postgres.js";

// Runs the built entry point (`npm test` builds first) exactly as `npm start` does, with its Node options.
const MAIN = path.resolve("dist/server/main.js");
const NODE_OPTIONS = hubNodeOptions(path.resolve("."));

interface Run {
  child: ChildProcess;
  lines: Record<string, any>[];
  stderr: string;
  exit: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [...NODE_OPTIONS, MAIN], {
    env: { PATH: process.env.PATH ?? "", LOG_FORMAT: "json", ...env },
    stdio: "pipe",
  });
  const result: Run = {
    child,
    lines: [],
    stderr: "",
    exit: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    for (const line of parts) if (line.trim()) result.lines.push(JSON.parse(line));
  });
  child.stderr!.on("data", (chunk: Buffer) => (result.stderr += chunk.toString()));
  return result;
}

async function waitForLine(
  target: Run,
  predicate: (line: Record<string, any>) => boolean,
  ms = 60_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = target.lines.find(predicate);
    if (found) return found;
    if (target.child.exitCode !== null)
      throw new Error(`process exited ${target.child.exitCode}: ${target.stderr}${JSON.stringify(target.lines)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out; log so far: ${JSON.stringify(target.lines)}`);
}

let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ikz-process-"));
  await chmod(dir, 0o755);
  dataDir = path.join(dir, "data");
  env = {
    DATA_DIR: dataDir,
    PORT: String(await findFreePort()),
    EMBEDDED_PG_PORT: String(await findFreePort()),
    HOST: "127.0.0.1",
  };
});
afterAll(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

async function municipalityCount(url: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ municipalities { totalCount } }" }),
  });
  return ((await response.json()) as any).data.municipalities.totalCount;
}

describe("npm start", () => {
  it("starts the embedded PostgreSQL, seeds, serves, logs JSON, and exits 0 on Ctrl-C", async () => {
    let metricsPort = String(await findFreePort());
    while (metricsPort === env.PORT || metricsPort === env.EMBEDDED_PG_PORT) metricsPort = String(await findFreePort());
    const hub = run({ ...env, METRICS_PORT: metricsPort });
    const ready = await waitForLine(
      hub,
      (line) => typeof line.msg === "string" && line.msg.includes("serves GraphQL at"),
    );
    expect(ready.url).toBe(`http://127.0.0.1:${env.PORT}/graphql`);
    expect(ready.data).toContain(dataDir);
    // The heap's bound the start script sets (README, "Memory"): the old space's, plus the young generation's.
    const oldSpaceMb = Number(/--max-old-space-size=(\d+)/.exec(NODE_OPTIONS.join(" "))?.[1]);
    expect(ready.heapLimitMb).toBeGreaterThanOrEqual(oldSpaceMb);
    expect(ready.heapLimitMb).toBeLessThan(oldSpaceMb + 256);
    expect(hub.lines.some((line) => /loaded the seed data/.test(line.msg))).toBe(true);
    expect(await municipalityCount(ready.url)).toBe(4);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
    expect(health.status).toBe(200);
    // Observability (README, Operating the hub): ISO time, host and pid on every line; an access-log line per request.
    for (const line of hub.lines) {
      expect(line).toMatchObject({ service: "ikz-hub", hostname: os.hostname(), pid: hub.child.pid });
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const requestId = health.headers.get("x-request-id");
    const access = await waitForLine(hub, (line) => line.msg === "request" && line.requestId === requestId);
    expect(access).toMatchObject({ method: "GET", path: "/healthz", route: "/healthz", status: 200, level: 30 });
    expect((await fetch(`http://127.0.0.1:${env.PORT}/livez`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${env.PORT}/readyz`)).status).toBe(200);
    // METRICS_PORT: Prometheus text on a port of its own, counting the requests above.
    const served = await waitForLine(hub, (line) => line.msg === "Prometheus metrics served");
    expect(served.url).toBe(`http://127.0.0.1:${metricsPort}/metrics`);
    const metrics = await (await fetch(served.url)).text();
    expect(metrics).toContain('ikz_hub_http_requests_total{method="GET",route="/healthz",status_class="2xx"} 1');
    expect(metrics).toContain('ikz_hub_graphql_operations_total{operation="(anonymous)",type="query",outcome="ok"} 1');

    hub.child.kill("SIGINT");
    expect(await hub.exit).toBe(0);
    expect(hub.lines.some((line) => line.msg === "stopped cleanly")).toBe(true);
    expect(hub.stderr).toBe("");
  });

  it("keeps its data across restarts and does not seed twice", async () => {
    const hub = run(env);
    const ready = await waitForLine(
      hub,
      (line) => typeof line.msg === "string" && line.msg.includes("serves GraphQL at"),
    );
    expect(hub.lines.some((line) => /loaded the seed data/.test(line.msg))).toBe(false);
    expect(await municipalityCount(ready.url)).toBe(4);
    hub.child.kill("SIGTERM");
    expect(await hub.exit).toBe(0);
  });

  it("Ctrl-C during the first start-up still stops PostgreSQL and exits 0", async () => {
    const fresh = path.join(path.dirname(dataDir), "interrupted");
    const hub = run({ ...env, DATA_DIR: fresh, PORT: String(await findFreePort()) });
    await waitForLine(hub, (line) => /initialising embedded PostgreSQL/.test(line.msg));
    hub.child.kill("SIGINT");
    expect(await hub.exit).toBe(0);
    expect(await runningPostgresPort(path.join(fresh, "postgres"))).toBeNull();
  });

  it("shuts down like SIGTERM when its terminal closes (SIGHUP), leaving no PostgreSQL running", async () => {
    const hub = run(env);
    await waitForLine(hub, (line) => typeof line.msg === "string" && line.msg.includes("serves GraphQL at"));
    hub.child.kill("SIGHUP");
    expect(await hub.exit).toBe(0);
    expect(hub.lines.some((line) => line.msg === "stopped cleanly")).toBe(true);
    expect(await runningPostgresPort(path.join(dataDir, "postgres"))).toBeNull();
  });

  it("stops the PostgreSQL a killed hub left running and starts cleanly; refuses one a live hub owns", async () => {
    const killed = run(env);
    await waitForLine(killed, (line) => typeof line.msg === "string" && line.msg.includes("serves GraphQL at"));
    killed.child.kill("SIGKILL");
    await killed.exit;
    const orphan = await runningPostgresPort(path.join(dataDir, "postgres"));
    expect(orphan).toBe(Number(env.EMBEDDED_PG_PORT));

    const next = run(env);
    const ready = await waitForLine(
      next,
      (line) => typeof line.msg === "string" && line.msg.includes("serves GraphQL at"),
    );
    expect(next.lines.some((line) => /left running by a hub that is gone/.test(line.msg))).toBe(true);
    expect(await municipalityCount(ready.url)).toBe(4);

    // A second hub on the same data directory while this one lives is refused, and leaves this one serving.
    const second = run({ ...env, PORT: String(await findFreePort()) });
    expect(await second.exit).toBe(1);
    expect(second.lines.find((line) => line.level === 60)?.msg).toMatch(/stop the other hub first/);
    expect(await municipalityCount(ready.url)).toBe(4);

    next.child.kill("SIGTERM");
    expect(await next.exit).toBe(0);
    expect(await runningPostgresPort(path.join(dataDir, "postgres"))).toBeNull();
  });

  it("refuses bad configuration with one clear line and exit code 1", async () => {
    for (const [name, value, expected] of [
      ["PORT", "abc", /PORT must be a whole number/],
      ["PORT", "99999", /PORT must be a whole number from 0 to 65535/],
      ["DATABASE_URL", "mysql://localhost/x", /DATABASE_URL must start with postgres:\/\//],
      ["LOG_LEVEL", "loud", /LOG_LEVEL must be one of/],
      ["METRICS_PORT", "9464x", /METRICS_PORT must be a whole number from 0 to 65535/],
    ] as const) {
      const bad = run({ ...env, [name]: value });
      expect(await bad.exit).toBe(1);
      expect(bad.stderr.trim().split("\n")).toHaveLength(1);
      expect(bad.stderr).toMatch(expected);
    }
  });

  it("fails fast with one line when the database is unreachable", async () => {
    const bad = run({ ...env, DATABASE_URL: `postgres://postgres@127.0.0.1:${await findFreePort()}/nothing` });
    expect(await bad.exit).toBe(1);
    const fatal = bad.lines.filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toMatch(/Cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/nothing/);
    expect(JSON.stringify(bad.lines)).not.toMatch(/\n\s+at /);
  });

  it("fails fast with one line when the HTTP port is taken", async () => {
    const blocker = (await import("node:net")).createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const bad = run({ ...env, PORT: String(port) });
      expect(await bad.exit).toBe(1);
      expect(bad.lines.find((line) => line.level === 60)?.msg).toMatch(
        `Port ${port} is already in use; set PORT to a free port`,
      );
    } finally {
      blocker.close();
    }
  });
});
