/**
 * Bounded, streamed exports: pages of at most `limit` rows chained by a
 * `Link: rel="next"` cursor, rate-limit points by page size (charged before any
 * work), 400s for bad `limit`/`after`, rows read in batches with backpressure,
 * and what happens when the client goes away, the deadline passes or reading fails.
 */
import { once } from "node:events";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportPageIds } from "../../schema/common/export/paging.js";
import { projectExport, projectRecords } from "../../schema/project/project.export.js";
import { VISIBILITY_FILTER } from "../../schema/publishing/visibility.js";
import { csvStream } from "../../server/export/export.csv.js";
import { EXPORT_BATCH_SIZE, type ExportFormat, streamExport } from "../../server/export/export.stream.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  // Enough projects for more than one batch.
  await addSyntheticCities(hub.db.orm, 90, "paging");
}, 120_000);
afterAll(() => hub?.close());

async function get(origin: string, path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(origin + path);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function csvSlugs(text: string): string[] {
  return (
    parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", columns: true, record_delimiter: "\r\n" }) as {
      slug: string;
    }[]
  ).map((row) => row.slug);
}

/** The `Link` of every export answer: the default data licence. */
const LICENCE_LINK = '<https://www.govdata.de/dl-de/by-2-0>; rel="license"';

function nextOf(headers: Headers): string | null {
  const link = headers.get("link");
  if (link === LICENCE_LINK) return null;
  const match = /^<([^>]+)>; rel="next", (.*)$/.exec(link ?? "");
  expect(match, link ?? "no Link header").not.toBeNull();
  expect(match![2]).toBe(LICENCE_LINK);
  return match![1];
}

/** Follows `Link: rel="next"` from `path` to the last page; returns each page's rows. */
async function allPages(path: string, rowsOf: (text: string) => string[]): Promise<string[][]> {
  const pages: string[][] = [];
  for (let next: string | null = path; next;) {
    const res = await get(hub.origin, next);
    expect(res.status, next).toBe(200);
    pages.push(rowsOf(res.text));
    next = nextOf(res.headers);
    expect(pages.length).toBeLessThan(1000);
  }
  return pages;
}

const jsonSlugs = (text: string) => (JSON.parse(text) as { projects: { slug: string }[] }).projects.map((p) => p.slug);

/** Counts the statements that read a batch of export rows. */
const batchStatements = () =>
  hub.db.queries.filter((sql) =>
    /from public_project p join municipality m on m\.id = p\.municipality_id\s+where p\.id in/.test(sql),
  );

describe("paging with Link: rel=next", () => {
  it("gives every published project exactly once, in export order, across pages (CSV and JSON)", async () => {
    const whole = await get(hub.origin, "/export/projects.csv");
    expect(whole.headers.get("link")).toBe(LICENCE_LINK);
    const all = csvSlugs(whole.text);
    expect(all.length).toBeGreaterThan(EXPORT_BATCH_SIZE);

    const csvPages = await allPages("/export/projects.csv?limit=97", csvSlugs);
    expect(csvPages.length).toBe(Math.ceil(all.length / 97));
    expect(csvPages.slice(0, -1).every((page) => page.length === 97)).toBe(true);
    expect(csvPages.flat()).toEqual(all);

    const jsonPages = await allPages("/export/projects.json?limit=250", jsonSlugs);
    expect(jsonPages.flat()).toEqual(all);
  });

  it("keeps the filters on every page, and JSON names the next page in the body too", async () => {
    const filtered = csvSlugs((await get(hub.origin, "/export/projects.csv?states=HE&statuses=IDEA,PLANNED")).text);
    expect(filtered.length).toBeGreaterThan(20);
    expect((await allPages("/export/projects.csv?states=HE&statuses=IDEA,PLANNED&limit=20", csvSlugs)).flat()).toEqual(
      filtered,
    );

    const res = await get(hub.origin, "/export/projects.json?states=HE&limit=5");
    const body = JSON.parse(res.text);
    expect(body.count).toBe(5);
    expect(body.next).toBe(nextOf(res.headers));
    expect(body.next).toMatch(/^\/export\/projects\.json\?states=HE&limit=5&after=[\w-]+$/);
    const last = JSON.parse((await get(hub.origin, "/export/projects.json?states=NI")).text);
    expect(last.next).toBeNull();
  });

  it("pages strategies too", async () => {
    const all = csvSlugs((await get(hub.origin, "/export/strategies.csv")).text);
    expect(all.length).toBeGreaterThan(90);
    expect((await allPages("/export/strategies.csv?limit=13", csvSlugs)).flat()).toEqual(all);
    const strategySlugs = (text: string) =>
      (JSON.parse(text) as { strategies: { slug: string }[] }).strategies.map((s) => s.slug);
    expect((await allPages("/export/strategies.json?limit=13", strategySlugs)).flat()).toEqual(all);
  });

  it("names the next page of strategies.json in the body and the Link header", async () => {
    const res = await get(hub.origin, "/export/strategies.json?states=HE&limit=5");
    const body = JSON.parse(res.text);
    expect(body.count).toBe(5);
    expect(body.next).toBe(nextOf(res.headers));
    expect(body.next).toMatch(/^\/export\/strategies\.json\?states=HE&limit=5&after=[\w-]+$/);
  });

  it("lets a browser script read the Link header", async () => {
    const res = await get(hub.origin, "/export/projects.csv?limit=1");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/\bLink\b/);
  });
});

describe("bad limit and after", () => {
  const projectsCursor = async () =>
    new URL(nextOf((await get(hub.origin, "/export/projects.csv?limit=1")).headers)!, hub.origin).searchParams.get(
      "after",
    )!;
  it.each([
    ["/export/projects.csv?limit=0", "limit", /limit must be a whole number from 1 to 10000/],
    ["/export/projects.csv?limit=10001", "limit", /from 1 to 10000/],
    ["/export/projects.json?limit=abc", "limit", /from 1 to 10000/],
    ["/export/projects.csv?limit=-5", "limit", /from 1 to 10000/],
    ["/export/projects.csv?limit=1.5", "limit", /from 1 to 10000/],
    ["/export/projects.csv?limit=1&limit=2", "limit", /given once/],
    ["/export/strategies.csv?limit=", "limit", /from 1 to 10000/],
    ["/export/projects.csv?after=not-a-cursor", "after", /after is not a cursor of this export/],
    [`/export/projects.csv?after=${Buffer.from('["projects",1,2,3]').toString("base64url")}`, "after", /not a cursor/],
    ["/export/projects.csv?after=%00", "after", /not a cursor/],
    ["/export/strategies.json?limit=0", "limit", /from 1 to 10000/],
    ["/export/strategies.json?after=not-a-cursor", "after", /after is not a cursor of this export/],
  ])("%s → 400 naming %s", async (path, field, message) => {
    const res = await get(hub.origin, path);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text);
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", fields: [field] });
    expect(body.errors[0].message).toMatch(message);
  });

  it("a cursor of one export is refused by another", async () => {
    const after = await projectsCursor();
    expect((await get(hub.origin, `/export/projects.json?limit=1&after=${after}`)).status).toBe(200);
    for (const path of [`/export/strategies.csv?after=${after}`, `/export/strategies.json?after=${after}`]) {
      const res = await get(hub.origin, path);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).errors[0].extensions.fields).toEqual(["after"]);
    }
  });
});

describe("rate-limit points in proportion to the page", () => {
  let small: TestHub;
  beforeAll(async () => {
    small = await startTestHub({ RATE_LIMIT_POINTS: "42" });
  }, 60_000);
  afterAll(() => small?.close());

  it("charges one point per started 250 rows of the page before any work; a refused page reads nothing and takes nothing", async () => {
    const full = await get(small.origin, "/export/projects.csv");
    expect(full.status).toBe(200);
    expect(full.headers.get("ratelimit-remaining")).toBe("2"); // 42 - 40 (limit 10,000 by default)

    small.db.resetQueryCount();
    const refused = await fetch(`${small.origin}/export/projects.csv?limit=751`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0].message).toMatch(/costs 4 points and 2 are left/);
    expect(small.db.queries).toEqual([]);

    const page = await get(small.origin, "/export/projects.json?limit=250");
    expect(page.status).toBe(200);
    expect(page.headers.get("ratelimit-remaining")).toBe("1");
    expect(JSON.parse(page.text).count).toBeGreaterThan(0);
    expect((await get(small.origin, "/export/strategies.csv?limit=5")).headers.get("ratelimit-remaining")).toBe("0");
    expect((await get(small.origin, "/export/strategies.csv?limit=5")).status).toBe(429);
  });
});

describe("rows are read in batches", () => {
  it("reads a page with one statement per batch of at most 500 rows, however large the page", async () => {
    const total = csvSlugs((await get(hub.origin, "/export/projects.csv")).text).length;
    hub.db.resetQueryCount();
    expect((await get(hub.origin, "/export/projects.csv")).status).toBe(200);
    const batches = batchStatements();
    expect(batches).toHaveLength(Math.ceil(total / EXPORT_BATCH_SIZE));
    for (const sql of batches) expect(sql.match(/\$\d+|\?/g)?.length ?? 0).toBeLessThanOrEqual(EXPORT_BATCH_SIZE);
  });

  it("three exports in parallel beside a GraphQL query all answer, none with 5xx", async () => {
    const answers = await Promise.all([
      get(hub.origin, "/export/projects.csv"),
      get(hub.origin, "/export/projects.json"),
      get(hub.origin, "/export/strategies.csv"),
      hub.query("{ municipalities(first: 1) { totalCount } }"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  });

  it("an aborted download leaves the hub serving", async () => {
    const controller = new AbortController();
    const response = await fetch(`${hub.origin}/export/projects.json`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    expect((await get(hub.origin, "/export/projects.csv?limit=3")).status).toBe(200);
    expect((await get(hub.origin, "/healthz")).status).toBe(200);
  });
});

describe("streamExport", () => {
  const em = () => {
    const fork = hub.db.orm.em.fork();
    fork.setFilterParams(VISIBILITY_FILTER, { scope: "public" });
    return fork;
  };
  const filter = { municipalities: null, states: null, topics: null, statuses: null, providers: null };
  // Rows of 4 kB, so that a batch of 100 is far more than the stream buffers in between hold (16 rows and 16-64 kB each).
  const csv = (): ExportFormat<{ slug: string; summary: string }> => ({
    encoder: csvStream(),
    head: [["slug", "summary"]],
    row: (record) => [record.slug, record.summary.padEnd(4000, ".")],
    tail: () => [],
  });

  /** A client that takes its first chunk and then reads no more, and remembers everything it got. */
  class SlowClient extends Writable {
    received = "";
    constructor() {
      super({ highWaterMark: 1024 });
    }
    override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
      this.received += chunk.toString("utf8");
      this.emit("chunk");
      if (this.received.length < 200) callback();
    }
  }

  /** A client that reads everything. */
  class Collector extends Writable {
    received = "";
    override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
      this.received += chunk.toString("utf8");
      callback();
    }
  }

  it("reads no further batch while the client does not read, and stops reading when the client goes away", async () => {
    const { ids } = await exportPageIds(em(), projectExport, filter, { limit: 10_000, after: null });
    expect(ids.length).toBeGreaterThan(2 * 100);
    let loads = 0;
    const client = new SlowClient();
    const done = streamExport(client, {
      ids,
      load: (batch) => {
        loads++;
        return projectRecords(em(), batch);
      },
      format: csv(),
      deadline: Number.MAX_SAFE_INTEGER,
      batchSize: 100,
    });
    await once(client, "chunk");
    client.destroy();
    const outcome = await done;
    expect(outcome.status).toBe("client-gone");
    expect(outcome.rows).toBeLessThan(100);
    expect(loads).toBe(1);
  });

  it("ends the transfer when the deadline has passed, after the batch it was writing", async () => {
    const { ids } = await exportPageIds(em(), projectExport, filter, { limit: 10_000, after: null });
    const client = new Collector();
    // An injected clock: the deadline passes while the last row of the first batch is written.
    let time = 0;
    const format = csv();
    const row = format.row;
    format.row = (record, index) => {
      if (index === 99) time = 2_000_000;
      return row(record, index);
    };
    const outcome = await streamExport(client, {
      ids,
      load: (batch) => projectRecords(em(), batch),
      format,
      deadline: 1_000_000,
      now: () => time,
      batchSize: 100,
    });
    expect(outcome).toEqual({ status: "deadline", rows: 100 });
    expect(client.destroyed).toBe(true);
    expect(client.writableFinished).toBe(false);
  });

  it("ends the transfer at the deadline when the client stops reading, without waiting for it", async () => {
    const { ids } = await exportPageIds(em(), projectExport, filter, { limit: 10_000, after: null });
    let loads = 0;
    const client = new SlowClient();
    // A real deadline: the client never reads again, so only the deadline can end this; before, it waited forever.
    const outcome = await streamExport(client, {
      ids,
      load: (batch) => {
        loads++;
        return projectRecords(em(), batch);
      },
      format: csv(),
      deadline: Date.now() + 300,
      batchSize: 100,
    });
    expect(outcome.status).toBe("deadline");
    expect(outcome.rows).toBeLessThan(100);
    expect(loads).toBe(1);
    expect(client.destroyed).toBe(true);
    expect(client.writableFinished).toBe(false);
  }, 30_000);

  it("ends the transfer without the error when reading fails mid-stream", async () => {
    const { ids } = await exportPageIds(em(), projectExport, filter, { limit: 10_000, after: null });
    const client = new Collector();
    let loads = 0;
    const outcome = await streamExport(client, {
      ids,
      load: async (batch) => {
        if (++loads === 2) throw new Error("connection terminated: secret detail");
        return projectRecords(em(), batch);
      },
      format: csv(),
      deadline: Number.MAX_SAFE_INTEGER,
      batchSize: 100,
    });
    expect(outcome.status).toBe("failed");
    expect(outcome.rows).toBe(100);
    expect(client.writableFinished).toBe(false);
    expect(client.received).toContain("slug;summary");
    expect(client.received).not.toMatch(/secret|connection terminated/);
  });
});
