/**
 * Observability over HTTP: one access-log line per request (200, 400, 401, 404, 429) on the hub's own logger, with
 * ISO time, host and pid and without tokens or cookies; the /livez and /readyz probes; Prometheus /metrics on
 * METRICS_PORT, counting requests, GraphQL operations (with a bounded number of operation labels) and 429s.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleOperationNames, MAX_OPERATION_NAMES } from "../../server/metrics/operation-labels.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { type LoggedTestHub, startLoggedHub } from "../support/logged-hub.js";

const TOKEN = `ikz_${"s3cr3t".repeat(8)}`;
const COOKIE = "session=cookie-that-must-not-be-logged";

async function until(check: () => boolean, guardMs = 20_000): Promise<void> {
  const end = Date.now() + guardMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The samples of one metric in Prometheus' text format: labels as text → value. */
function samples(text: string, name: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (match) found.set(match[1] ?? "", Number(match[2]));
  }
  return found;
}

async function scrape(hub: TestHub): Promise<string> {
  const response = await fetch(hub.hub.metricsUrl!);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

function post(hub: TestHub, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(hub.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

describe("access log", () => {
  let hub: LoggedTestHub;
  beforeAll(async () => {
    hub = await startLoggedHub({ RATE_LIMIT_POINTS: "5", METRICS_PORT: "0" });
  });
  afterAll(async () => {
    await hub?.close();
  });

  const requestLine = (requestId: string) =>
    hub.lines.find((line) => line.msg === "request" && line.requestId === requestId);

  /** Sends a request with its own id and returns the answer's status, its body's bytes and its access-log line. */
  async function logged(send: (headers: Record<string, string>) => Promise<Response>) {
    const requestId = `obs-${randomBytes(6).toString("hex")}`;
    const response = await send({ "x-request-id": requestId, cookie: COOKIE });
    expect(response.headers.get("x-request-id")).toBe(requestId);
    const bytes = (await response.arrayBuffer()).byteLength;
    await until(() => requestLine(requestId) !== undefined);
    return { status: response.status, bytes, line: requestLine(requestId)! };
  }

  it("writes one line per answer, for 200, 400, 401, 404 and 429, with its route, status, time, bytes and id", async () => {
    const ok = await logged((headers) => post(hub, '{"query":"{ __typename }"}', headers));
    const bad = await logged((headers) => post(hub, '{"query": ', headers));
    const unauthenticated = await logged((headers) =>
      post(hub, '{"query":"{ __typename }"}', { ...headers, authorization: `Bearer ${TOKEN}` }),
    );
    const missing = await logged((headers) =>
      fetch(`${hub.origin}/no-such-thing/${TOKEN}?token=${TOKEN}`, { headers }),
    );
    let limited = await logged((headers) => post(hub, '{"query":"{ __typename }"}', headers));
    for (let i = 0; i < 10 && limited.status !== 429; i++) {
      limited = await logged((headers) => post(hub, '{"query":"{ __typename }"}', headers));
    }
    const answers = [ok, bad, unauthenticated, missing, limited];
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 401, 404, 429]);
    for (const { status, bytes, line } of answers) {
      expect(line).toMatchObject({ level: 30, status, bytes, hostname: os.hostname(), pid: process.pid });
      expect(line.method).toBe(status === 404 ? "GET" : "POST");
      expect(line.route).toBe(status === 404 ? "(unmatched)" : "/graphql");
      expect(line.path).toBe(status === 404 ? `/no-such-thing/${TOKEN}`.slice(0, 300) : "/graphql");
      expect(typeof line.durationMs).toBe("number");
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    // Exactly one line per request.
    for (const { line } of answers)
      expect(hub.lines.filter((other) => other.requestId === line.requestId && other.msg === "request")).toHaveLength(
        1,
      );
  });

  it("cuts an oversized path to 300 characters and keeps hostile text inside its JSON string", async () => {
    const hostile = `/${"a".repeat(5000)}`;
    const long = await logged((headers) => fetch(`${hub.origin}${hostile}`, { headers }));
    expect(long.status).toBe(404);
    expect(long.line.path).toBe(`${hostile.slice(0, 300)}…`);
    const forged = await logged((headers) => fetch(`${hub.origin}/x%0A%7B%22level%22%3A60%7D%22%5C`, { headers }));
    expect(forged.line.path).toBe("/x%0A%7B%22level%22%3A60%7D%22%5C");
    expect(hub.lines.some((line) => line.level === 60)).toBe(false);
  });

  it("never logs the Authorization header, cookies or the query string", () => {
    const text = JSON.stringify(hub.lines);
    expect(text).not.toContain(`Bearer ${TOKEN}`);
    expect(text).not.toContain("cookie-that-must-not-be-logged");
    expect(text).not.toContain(`token=${TOKEN}`);
    expect(text).not.toMatch(/authorization|"cookie"|"headers"/i);
  });

  it("counts 429s as rate-limit rejections in /metrics", async () => {
    const text = await scrape(hub);
    expect(samples(text, "ikz_hub_rate_limit_rejections_total").get('{route="/graphql"}')).toBeGreaterThanOrEqual(1);
    expect(
      samples(text, "ikz_hub_http_requests_total").get('{method="GET",route="(unmatched)",status_class="4xx"}'),
    ).toBe(3); // the three 404s above, each under one label whatever its path
  });
});

describe("probes", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("/livez answers 200 while the process serves", async () => {
    const response = await fetch(`${hub.origin}/livez`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz answers 200 with the database's state, as /healthz does", async () => {
    const ready = await fetch(`${hub.origin}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; database: { status: string } };
    expect(body.status).toBe("ok");
    expect(body.database.status).toBe("up");
    const health = (await (await fetch(`${hub.origin}/healthz`)).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(health).sort());
  });

  it("serves no metrics without METRICS_PORT", () => {
    expect(hub.hub.metricsUrl).toBeUndefined();
  });
});

describe("/metrics on METRICS_PORT", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ METRICS_PORT: "0" });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("serves Prometheus text on a port of its own, with the process, pool and search figures", async () => {
    const url = new URL(hub.hub.metricsUrl!);
    expect(url.port).not.toBe(new URL(hub.url).port);
    expect((await fetch(`${hub.origin}/metrics`)).status).toBe(404);
    const text = await scrape(hub);
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    expect([...samples(text, "ikz_hub_db_pool_connections").keys()].sort()).toEqual([
      '{state="free"}',
      '{state="pending_acquires"}',
      '{state="pending_creates"}',
      '{state="used"}',
    ]);
    expect(samples(text, "ikz_hub_search_up").get('{engine="postgres"}')).toBe(1);
    expect(samples(text, "ikz_hub_search_outbox_pending").get("")).toBe(0);
    expect((await fetch(new URL("/other", url))).status).toBe(404);
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
  });

  it("counts a query by its operation name, and the HTTP request by route template", async () => {
    const before = await scrape(hub);
    const key = '{operation="TopicCoverage",type="query",outcome="ok"}';
    expect(samples(before, "ikz_hub_graphql_operations_total").get(key)).toBeUndefined();
    expect((await hub.query("query TopicCoverage { __typename }")).status).toBe(200);
    const after = await scrape(hub);
    expect(samples(after, "ikz_hub_graphql_operations_total").get(key)).toBe(1);
    const route = '{method="POST",route="/graphql",status_class="2xx"}';
    const count = (text: string) => samples(text, "ikz_hub_http_requests_total").get(route) ?? 0;
    expect(count(after) - count(before)).toBe(1);
    expect(samples(after, "ikz_hub_http_request_duration_seconds_count").get(route)).toBe(count(after));
  });

  it("keeps the operation label within its bound after 1,000 made-up operation names", async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `Op${i}_${randomBytes(4).toString("hex")}`);
    for (let i = 0; i < names.length; i += 10) {
      const statuses = await Promise.all(
        names.slice(i, i + 10).map(async (name) => (await hub.query(`query ${name} { __typename }`)).status),
      );
      expect(statuses).toEqual(Array(statuses.length).fill(200));
    }
    const operations = samples(await scrape(hub), "ikz_hub_graphql_operations_total");
    const labels = new Set([...operations.keys()].map((labelText) => /operation="([^"]*)"/.exec(labelText)![1]));
    const bound = (await exampleOperationNames()).length + MAX_OPERATION_NAMES + 2;
    expect(labels.size).toBeLessThanOrEqual(bound);
    expect(names.filter((name) => labels.has(name))).toHaveLength(MAX_OPERATION_NAMES);
    expect(operations.get('{operation="(other)",type="query",outcome="ok"}')).toBe(1000 - MAX_OPERATION_NAMES);
  });

  it("labels anonymous operations and unparsable ones without a name", async () => {
    await hub.query("{ __typename }");
    await hub.query("query { nope(");
    const operations = samples(await scrape(hub), "ikz_hub_graphql_operations_total");
    expect(operations.get('{operation="(anonymous)",type="query",outcome="ok"}')).toBe(1);
    expect(operations.get('{operation="(anonymous)",type="unknown",outcome="error"}')).toBe(1);
  });

  it("stops serving metrics when the hub stops", async () => {
    const url = hub.hub.metricsUrl!;
    await hub.close();
    await expect(fetch(url)).rejects.toThrow();
    hub = undefined as unknown as TestHub;
  });
});
