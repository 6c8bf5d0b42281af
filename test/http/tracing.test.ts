/**
 * OpenTelemetry tracing of the built hub (`node dist/server/main.js`, as `npm start` runs it) against a small
 * OTLP/HTTP receiver run by the test: a server span per request named by its route, one span per GraphQL
 * operation with its name, SQL spans as its children in the same trace, a bounded number of spans however many
 * fields are resolved; the last spans sent on SIGTERM; and with tracing off, nothing sent and no SDK loaded.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../server/database/embedded-postgres.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const MAIN = path.resolve("dist/server/main.js");
const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

/** One request the receiver got. */
interface Export {
  path: string;
  contentType: string;
  body: Buffer;
}

/** A span as OTLP/JSON encodes it, with its resource's attributes. */
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

const SERVER = 2;
const CLIENT = 3;

function attributes(list: { key: string; value: Record<string, unknown> }[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));
}

/** The spans of OTLP/JSON export bodies. */
function spansOf(exports: Export[]): Span[] {
  return exports.flatMap((received) => {
    const body = JSON.parse(received.body.toString("utf8")) as { resourceSpans: any[] };
    return body.resourceSpans.flatMap((resourceSpans) =>
      resourceSpans.scopeSpans.flatMap((scope: any) =>
        scope.spans.map((span: any) => ({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          kind: span.kind,
          attributes: attributes(span.attributes),
          resource: attributes(resourceSpans.resource.attributes),
        })),
      ),
    );
  });
}

/** A minimal OTLP/HTTP collector: keeps every body posted to it. */
async function startReceiver(): Promise<{ endpoint: string; exports: Export[]; close(): Promise<void> }> {
  const exports: Export[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      exports.push({
        path: request.url ?? "",
        contentType: request.headers["content-type"] ?? "",
        body: Buffer.concat(chunks),
      });
      const json = String(request.headers["content-type"]).includes("json");
      response
        .writeHead(200, { "content-type": json ? "application/json" : "application/x-protobuf" })
        .end(json ? "{}" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    exports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Run {
  child: ChildProcess;
  origin: string;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

/** A file for `node --import` that writes, at exit, which OpenTelemetry SDK modules (CommonJS, all of them) were loaded. */
async function moduleProbe(dir: string): Promise<{ probe: string; loaded: () => Promise<string[]> }> {
  const probe = path.join(dir, "probe.mjs");
  const out = path.join(dir, "loaded.json");
  await writeFile(
    probe,
    `import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
const require = createRequire(import.meta.url);
process.on("exit", () => writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));
`,
  );
  return {
    probe,
    loaded: async () =>
      (JSON.parse(await readFile(out, "utf8")) as string[]).filter(
        // The API alone is no SDK: a no-op until a provider registers, and prom-client loads it.
        (file) => file.includes("/@opentelemetry/") && !file.includes("/@opentelemetry/api/"),
      ),
  };
}

/** Starts the built hub on the test database and waits until it answers /livez. */
async function startHub(env: Record<string, string>, nodeArgs: string[] = []): Promise<Run> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      LOG_FORMAT: "json",
      HOST: "127.0.0.1",
      PORT: String(port),
      SEED_ON_START: "false",
      RATE_LIMIT_POINTS: "100000",
      // The traced query asks for whole lists, more than the default cost allows.
      MAX_QUERY_COST: "1000000",
      ...env,
    },
    stdio: "pipe",
  });
  const run: Run = {
    child,
    origin: `http://127.0.0.1:${port}`,
    stdout: "",
    stderr: "",
    exit: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  child.stdout!.on("data", (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`hub exited ${child.exitCode}: ${run.stderr}${run.stdout}`);
      return fetch(`${run.origin}/livez`).then(
        (response) => response.ok,
        () => false,
      );
    },
    `the hub to answer /livez; log: ${run.stdout.slice(-2000)}`,
  );
  return run;
}

async function stop(run: Run): Promise<number | null> {
  run.child.kill("SIGTERM");
  return run.exit;
}

async function until(check: () => boolean | Promise<boolean>, what: string, guardMs = 90_000): Promise<void> {
  const end = Date.now() + guardMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Lists every municipality with its projects and their providers: some hundreds of fields. */
const QUERY = `query TracedCities {
  municipalities(first: 100) {
    nodes {
      id name state slug
      projects(first: 100) { nodes { id title status slug startedOn providers { id name kind } } }
    }
  }
}`;

async function graphql(run: Run, query: string, operationName: string): Promise<Record<string, any>> {
  const response = await fetch(`${run.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, operationName }),
  });
  const body = (await response.json()) as { data: Record<string, any>; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(response.status).toBe(200);
  return body.data;
}

/** Counts the fields of an answer: every key of every object, list items included. */
function fieldCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + fieldCount(item), 0);
  if (value && typeof value === "object") {
    return Object.values(value).reduce((sum: number, item) => sum + 1 + fieldCount(item), 0);
  }
  return 0;
}

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "ikz-tracing-"));
});
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("tracing on (OTLP/HTTP, JSON)", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let hub: Run;
  let probe: Awaited<ReturnType<typeof moduleProbe>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    probe = await moduleProbe(await mkdtemp(path.join(dir, "on-")));
    hub = await startHub(
      {
        DATABASE_URL: db.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_BSP_SCHEDULE_DELAY: "100",
      },
      ["--import", probe.probe],
    );
  });
  afterAll(async () => {
    if (hub) await stop(hub);
    await receiver?.close();
  });

  it("sends a server span, the operation's span and its SQL statements' spans as one trace of few spans", async () => {
    // A probe first: it starts no trace, and its span would be in the same batch as the query's or an earlier one.
    expect((await fetch(`${hub.origin}/livez`)).status).toBe(200);
    const data = await graphql(hub, QUERY, "TracedCities");
    const fields = fieldCount(data);
    expect(fields).toBeGreaterThan(200);

    const operationSpan = () =>
      spansOf(receiver.exports).find((span) => span.attributes["graphql.operation.name"] === "TracedCities");
    let trace: Span[] = [];
    await until(() => {
      const operation = operationSpan();
      trace = operation ? spansOf(receiver.exports).filter((span) => span.traceId === operation.traceId) : [];
      return trace.some((span) => span.kind === SERVER);
    }, "the query's trace at the receiver");

    for (const received of receiver.exports) {
      expect(received.path).toBe("/v1/traces");
      expect(received.contentType).toMatch(/^application\/json/);
    }
    const server = trace.find((span) => span.kind === SERVER)!;
    expect(server.name).toBe("POST /graphql");
    expect(server.attributes["http.route"]).toBe("/graphql");
    expect(server.parentSpanId).toBeUndefined();
    expect(server.resource["service.name"]).toBe("ikz-hub");
    expect(server.resource["service.version"]).toBe(VERSION);

    const operation = operationSpan()!;
    expect(operation.name).toBe("query TracedCities");
    expect(operation.attributes["graphql.operation.type"]).toBe("query");
    expect(operation.parentSpanId).toBe(server.spanId);

    const sql = trace.filter((span) => span.kind === CLIENT && span.attributes["db.system.name"] === "postgresql");
    expect(sql.length).toBeGreaterThanOrEqual(3);
    for (const statement of sql) expect(statement.parentSpanId, statement.name).toBe(operation.spanId);

    // No span per resolver or per middleware: the count stays that of the statements, not of the fields.
    expect(trace.length).toBeLessThan(30);
    expect(trace.length * 10).toBeLessThan(fields);
    const names = new Set(trace.map((span) => span.name));
    expect([...names].filter((name) => !name.startsWith("pg.query")).sort()).toEqual(
      ["POST /graphql", "graphql.parse", "graphql.validate", "query TracedCities"].sort(),
    );
    expect(spansOf(receiver.exports).filter((span) => span.name.includes("/livez"))).toEqual([]);
  });

  it("loads the OpenTelemetry SDK", async () => {
    await stop(hub);
    expect(await probe.loaded()).toEqual(expect.arrayContaining([expect.stringContaining("sdk-trace-node")]));
  });
});

describe("stopping the hub", () => {
  it("sends the spans still queued (OTLP/HTTP, protobuf by default) before it exits 0", async () => {
    const receiver = await startReceiver();
    try {
      // Ten minutes between batches: only the flush on stop can deliver the spans.
      const hub = await startHub({
        DATABASE_URL: db.url,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.endpoint}/custom/traces`,
        OTEL_BSP_SCHEDULE_DELAY: "600000",
        OTEL_SERVICE_NAME: "ikz-hub-flush",
      });
      await graphql(hub, "query FlushedOnStop { topics { nodes { key } } }", "FlushedOnStop");
      expect(await stop(hub)).toBe(0);
      const protobuf = receiver.exports.filter((received) => received.path === "/custom/traces");
      expect(protobuf.length).toBeGreaterThan(0);
      for (const received of protobuf) expect(received.contentType).toBe("application/x-protobuf");
      // Protobuf keeps strings as UTF-8: the operation's span and the service name are in the body as written.
      const bodies = Buffer.concat(protobuf.map((received) => received.body)).toString("latin1");
      expect(bodies).toContain("query FlushedOnStop");
      expect(bodies).toContain("ikz-hub-flush");
      expect(hub.stdout).toContain('"msg":"stopped cleanly"');
    } finally {
      await receiver.close();
    }
  });
});

describe("tracing off", () => {
  it("with OTEL_SDK_DISABLED=true sends nothing to a configured endpoint and loads no SDK", async () => {
    const receiver = await startReceiver();
    const probe = await moduleProbe(await mkdtemp(path.join(dir, "off-")));
    try {
      const hub = await startHub(
        {
          DATABASE_URL: db.url,
          OTEL_SDK_DISABLED: "TRUE",
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
          OTEL_TRACES_EXPORTER: "otlp",
          OTEL_BSP_SCHEDULE_DELAY: "100",
        },
        ["--import", probe.probe],
      );
      await graphql(hub, QUERY, "TracedCities");
      expect(await stop(hub)).toBe(0);
      expect(receiver.exports).toEqual([]);
      expect(hub.stdout).not.toContain("tracing on");
      expect(await probe.loaded()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it("without any OTEL_* variable loads no SDK", async () => {
    const probe = await moduleProbe(await mkdtemp(path.join(dir, "none-")));
    const hub = await startHub({ DATABASE_URL: db.url }, ["--import", probe.probe]);
    await graphql(hub, "query Untraced { topics { nodes { key } } }", "Untraced");
    expect(await stop(hub)).toBe(0);
    expect(await probe.loaded()).toEqual([]);
  });
});

describe("tracing variables the hub cannot act on", () => {
  for (const [name, value, expected] of [
    ["OTEL_TRACES_EXPORTER", "zipkin", /OTEL_TRACES_EXPORTER must be otlp, console or none, got "zipkin"/],
    ["OTEL_TRACES_EXPORTER", "none,otlp", /OTEL_TRACES_EXPORTER lists none together with other exporters/],
    ["OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", /OTEL_EXPORTER_OTLP_PROTOCOL must be http\/protobuf or http\/json/],
    ["OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector:4318", /OTEL_EXPORTER_OTLP_ENDPOINT must start with http/],
    ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector 4318", /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http/],
    ["OTEL_SDK_DISABLED", "yes", /OTEL_SDK_DISABLED must be true or false, got "yes"/],
  ] as const) {
    it(`${name}=${value} stops the start with one line naming it, exit 1, before anything is opened`, async () => {
      const port = await findFreePort();
      const child = spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env.PATH ?? "",
          LOG_FORMAT: "json",
          HOST: "127.0.0.1",
          PORT: String(port),
          // A database that does not exist: reaching it would be a different error.
          DATABASE_URL: `postgres://postgres@127.0.0.1:1/nowhere`,
          OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:1",
          [name]: value,
        },
        stdio: "pipe",
      });
      let stderr = "";
      let stdout = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      const code = await new Promise((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      const lines = stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^ikz-hub: Invalid configuration: /);
      expect(lines[0]).toMatch(expected);
      expect(stdout).toBe("");
    });
  }
});
