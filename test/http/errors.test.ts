/**
 * Hostile, malformed and oversized input over HTTP. Every answer must be a
 * GraphQL (or JSON) error with a stable `extensions.code`, a message a person
 * can act on, the right HTTP status, and nothing internal: no stack trace, no
 * SQL, no file paths, no ORM or database names. Afterwards the hub must still
 * answer and nothing may have been written.
 *
 * Where the hub currently answers wrongly, the test asserts only what holds
 * (no leak, no 5xx, hub alive) and a comment names the reported bug.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;
/** Row count and latest write per table before any hostile request. */
let before: Record<string, { n: number; lastWrite: string | null }>;
const TABLES = [
  "project",
  "municipality",
  "strategy",
  "provider",
  "topic",
  "lesson_learned",
  "working_group",
  "source",
  "budget_line",
  "cost_item",
];

async function snapshot(): Promise<Record<string, { n: number; lastWrite: string | null }>> {
  const connection = hub.db.orm.em.getConnection();
  const result: Record<string, { n: number; lastWrite: string | null }> = {};
  for (const table of TABLES) {
    const [row]: { n: string; last: string | null }[] = await connection.execute(
      `select count(*)::text as n, max(greatest(created_at, updated_at))::text as last from "${table}"`,
    );
    result[table] = { n: Number(row.n), lastWrite: row.last };
  }
  return result;
}

beforeAll(async () => {
  hub = await startTestHub();
  before = await snapshot();
});
afterAll(() => hub?.close());

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const cursorOf = (value: unknown) => b64(JSON.stringify(value));
/** A cursor of the projects list sorted ascending: the hub's format is [list, sort property, direction, value, id]. */
const projectCursor = (property: unknown, ...rest: unknown[]) => cursorOf(["Project", property, "ASC", ...rest]);

/** Patterns that would show internals: stack frames, file paths, SQL, ORM and database names. */
const LEAKS: RegExp[] = [
  /\n\s*at\s/,
  /\bat\s+\S+\s+\([^)]*:\d+:\d+\)/,
  /\bat\s+(file:|node:)/,
  /node_modules/,
  /\/work\//,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /\bselect\s+["*\w]/i,
  /\binsert\s+into\b/i,
  /\bdelete\s+from\b/i,
  /\bwhere\s+["\w]+\s*(=|in\b)/i,
  /mikro-?orm/i,
  /postgres(ql)?\s+error/i,
  /PostgreSQL/,
  /\bknex\b/i,
  /\bpg_/,
  /stacktrace/i,
  /DriverException|ValidationError:|TypeError|ReferenceError|SyntaxError:/,
  /invalid byte sequence|out of range for type|violates .* constraint/i,
  /"(?:project|municipality|topic|provider)"\s*\./,
  /\bHubEntity\b|\bEntityManager\b|\bDataLoader\b/,
];

function expectNoLeak(text: string) {
  for (const pattern of LEAKS) expect(text, `response leaks ${pattern}`).not.toMatch(pattern);
}

/** Posts a GraphQL operation, returning the parsed answer and its raw text. */
async function gql(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  // The parsed body is loosely typed: these tests probe answers of every shape.
  const body: any = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, body };
}

/** Sends a raw HTTP request and returns status, headers, text and JSON (if any). */
async function raw(path: string, init: RequestInit = {}) {
  const response = await fetch(hub.origin + path, init);
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

interface Expected {
  status: number;
  code: string;
  message: RegExp | string;
  /** `errors[0].extensions.fields`, when the error names its arguments. */
  fields?: string[];
}

/** Asserts status, first error's code and message, and that nothing internal leaks. */
function expectError(res: { status: number; text: string; body: any }, expected: Expected) {
  expect(res.status, res.text.slice(0, 500)).toBe(expected.status);
  expectNoLeak(res.text);
  const error = res.body.errors?.[0];
  expect(error, res.text.slice(0, 500)).toBeTruthy();
  expect(error.extensions?.code, error.message).toBe(expected.code);
  if (typeof expected.message === "string") expect(error.message).toContain(expected.message);
  else expect(error.message).toMatch(expected.message);
  // A message a person can act on: short, one line of prose, not a dump.
  expect(error.message.length).toBeLessThan(500);
  expect(error.extensions?.stacktrace).toBeUndefined();
  expect(error.extensions?.exception).toBeUndefined();
  if (expected.fields) expect(error.extensions?.fields).toEqual(expected.fields);
}

const BAD_CURSOR = /"after" is not a cursor of this list and order; pass pageInfo\.endCursor/;
const BAD_ID = /"id" is not a valid ID; use the "id" field of an object this API returned/;

/** Every root connection, with a query that reads it with the given arguments. */
const CONNECTIONS: Record<string, (args: string) => string> = {
  projects: (args) => `{ projects(${args}) { totalCount } }`,
  municipalities: (args) => `{ municipalities(${args}) { totalCount } }`,
  strategies: (args) => `{ strategies(${args}) { totalCount } }`,
  providers: (args) => `{ providers(${args}) { totalCount } }`,
  lessons: (args) => `{ lessons(${args}) { totalCount } }`,
  topics: (args) => `{ topics(${args}) { totalCount } }`,
  workingGroups: (args) => `{ workingGroups(${args}) { totalCount } }`,
  "Municipality.projects": (args) => `{ municipality(slug: "herten") { projects(${args}) { totalCount } } }`,
};

// ---------------------------------------------------------------------------
// Paging arguments
// ---------------------------------------------------------------------------

describe("first", () => {
  for (const [name, query] of Object.entries(CONNECTIONS)) {
    it(`${name}: first: 1000 is BAD_USER_INPUT naming the cap`, async () => {
      const res = await gql(query("first: 1000"));
      expectError(res, {
        status: 200,
        code: "BAD_USER_INPUT",
        message: 'first must be at most 100; page with "after" to read more',
        fields: ["first"],
      });
      expect(res.body.errors).toHaveLength(1);
    });

    it(`${name}: first: -1 is BAD_USER_INPUT`, async () => {
      const res = await gql(query("first: -1"));
      expectError(res, {
        status: 200,
        code: "BAD_USER_INPUT",
        message: "first must not be negative",
        fields: ["first"],
      });
    });
  }

  it("a nested field's arguments are checked anew for each request's variables", async () => {
    // The check runs once per field node and execution (server/graphql/schema.ts); the parsed document is cached
    // across requests, so a result kept by field node alone would answer one request with another's.
    const nested = `query Nested($n: Int!) {
      municipalities(first: 4) { nodes { slug projects(first: $n) { totalCount } } }
    }`;
    for (const n of [-1, 2, -1, 101, 3]) {
      const res = await gql(nested, { n });
      if (n < 0 || n > 100) {
        expect(res.body.errors?.[0]).toMatchObject({
          path: ["municipalities", "nodes", 0, "projects"],
          extensions: { code: "BAD_USER_INPUT", fields: ["first"] },
        });
      } else {
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.municipalities.nodes).toHaveLength(4);
      }
    }
  });

  it("an argument's problems, kept once found (server/graphql/schema.ts), answer every request alike", async () => {
    const query = (field: string) => `query Q($n: Int!) { ${field}(first: $n) { totalCount } }`;
    const answers = [];
    for (const field of ["projects", "lessons", "projects", "lessons", "projects"])
      answers.push({ field, body: (await gql(query(field), { n: -7 })).body });
    for (const { field, body } of answers)
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining("first must not be negative"),
          path: [field],
          extensions: expect.objectContaining({ code: "BAD_USER_INPUT", fields: ["first"] }),
        }),
      ]);
    expect(answers[4].body).toEqual(answers[0].body);
    expect((await gql(query("projects"), { n: 7 })).body.errors).toBeUndefined();
  });

  it("first: 101 is rejected and first: 100 accepted", async () => {
    expectError(await gql(CONNECTIONS.projects("first: 101")), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: "at most 100",
    });
    const ok = await gql(CONNECTIONS.projects("first: 100"));
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.projects.totalCount).toBe(36);
  });

  it("first beyond a 32-bit Int, a float or a string fails validation", async () => {
    expectError(await gql("{ projects(first: 2147483648) { totalCount } }"), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /Int cannot represent non 32-bit signed integer value: 2147483648/,
    });
    expectError(await gql("{ projects(first: 1.5) { totalCount } }"), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /Int cannot represent/,
    });
    expectError(await gql('{ projects(first: "10") { totalCount } }'), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /Int cannot represent/,
    });
    expectError(await gql("{ projects(first: null) { totalCount } }"), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /Int!/,
    });
  });
});

describe("after", () => {
  const projectsAfter = (after: unknown, orderBy = "") =>
    gql(
      `query($a: String) { projects(after: $a${orderBy ? `, orderBy: ${orderBy}` : ""}) { totalCount nodes { slug } } }`,
      { a: after },
    );

  for (const [name, query] of Object.entries(CONNECTIONS)) {
    it(`${name}: after: "garbage" is BAD_USER_INPUT`, async () => {
      expectError(await gql(query('after: "garbage"')), {
        status: 200,
        code: "BAD_USER_INPUT",
        message: BAD_CURSOR,
        fields: ["after"],
      });
    });
  }

  it("valid base64 of JSON with the wrong shape is BAD_USER_INPUT", async () => {
    const shapes: unknown[] = [
      { a: 1 },
      [],
      ["Project"],
      ["Project", "title"],
      ["Project", "title", "ASC", "x"],
      ["Project", "title", "ASC", "x", 1, "extra"],
      ["Project", "title", "ASC", "x", "1"],
      ["Project", "title", "ASC", "x", 0],
      ["Project", "title", "ASC", "x", -3],
      ["Project", "title", "ASC", "x", 1.5],
      ["Project", "title", "ASC", "x", 1e300],
      ["Project", "title", "ASC", 5, 1],
      ["Project", "title", "ASC", null, 1],
      ["Project", "title", "ASC", { $gt: "" }, 1],
      ["Project", "title", "ASC", ["a"], 1],
      ["Project", null, "ASC", "x", 1],
      ["Project", "title", "DESC", "x", 1],
      ["Project", "title", "ASC", "x", 2147483648],
      ["Strategy", "title", "ASC", "x", 1],
      ["constructor", "title", "ASC", "x", 1],
      ["title", "x", 1],
      null,
      "title",
      42,
    ];
    for (const shape of shapes) {
      const res = await projectsAfter(cursorOf(shape));
      expectError(res, { status: 200, code: "BAD_USER_INPUT", message: BAD_CURSOR, fields: ["after"] });
    }
    // Base64 of something that is not JSON at all, and standard base64 with padding of a wrong shape.
    expectError(await projectsAfter(b64("not json {")), { status: 200, code: "BAD_USER_INPUT", message: BAD_CURSOR });
    expectError(await projectsAfter(Buffer.from('{"x":1}').toString("base64")), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
    });
  });

  it("a cursor from another orderBy is BAD_USER_INPUT", async () => {
    const byTitle = await gql("{ projects(first: 2) { pageInfo { endCursor } } }");
    const titleCursor = byTitle.body.data.projects.pageInfo.endCursor;
    expect(typeof titleCursor).toBe("string");
    expectError(await projectsAfter(titleCursor, "{ field: SLUG }"), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
      fields: ["after"],
    });
    expectError(await projectsAfter(titleCursor, "{ field: CREATED_AT }"), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
    });

    const byCreated = await gql("{ projects(first: 2, orderBy: { field: CREATED_AT }) { pageInfo { endCursor } } }");
    expectError(await projectsAfter(byCreated.body.data.projects.pageInfo.endCursor), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
    });

    const topic = await gql("{ topics(first: 2) { pageInfo { endCursor } } }");
    expectError(await projectsAfter(topic.body.data.topics.pageInfo.endCursor), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
    });

    const municipality = await gql("{ municipalities(first: 2) { pageInfo { endCursor } } }");
    expectError(await projectsAfter(municipality.body.data.municipalities.pageInfo.endCursor), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
    });
    // The same cursor is fine with the order it came from.
    const same = await projectsAfter(titleCursor);
    expect(same.body.errors).toBeUndefined();
  });

  it("a date cursor with an unparseable date is BAD_USER_INPUT", async () => {
    for (const value of ["yesterday", "", "2021-13-45T99:99:99Z", 20210101]) {
      expectError(await projectsAfter(projectCursor("createdAt", value, 1), "{ field: CREATED_AT }"), {
        status: 200,
        code: "BAD_USER_INPUT",
        message: BAD_CURSOR,
      });
    }
  });

  it("a cursor carrying an SQL injection payload is harmless", async () => {
    // Plain text that is not a cursor.
    expectError(await projectsAfter("'; drop table project; --"), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
    });
    expectError(await projectsAfter(b64("'; drop table project; --")), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
    });
    // A well-formed cursor whose value is an injection string: compared as data, never run.
    for (const payload of ["x' OR 1=1; DROP TABLE project; --", '") or ("1"="1', "A'||pg_sleep(5)||'"]) {
      const started = Date.now();
      const res = await projectsAfter(projectCursor("title", payload, 1));
      expect(Date.now() - started).toBeLessThan(4000);
      expect(res.status).toBe(200);
      expectNoLeak(res.text);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.projects.totalCount).toBe(36);
    }
    const still = await gql("{ projects(first: 100) { totalCount nodes { slug } } }");
    expect(still.body.data.projects.totalCount).toBe(36);
  });

  it("a cursor longer than 1000 characters is BAD_USER_INPUT", async () => {
    expectError(await projectsAfter("A".repeat(1001)), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: "after is not a cursor this API returned",
      fields: ["after"],
    });
    expectError(await projectsAfter("A".repeat(200_000)), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: "after is not a cursor this API returned",
    });
  });

  it("a cursor with a NUL character or an out-of-range date is BAD_USER_INPUT", async () => {
    const cases = [
      { cursor: projectCursor("title", "x\u0000y", 1), orderBy: "" },
      { cursor: projectCursor("createdAt", "-100000-01-01T00:00:00Z", 1), orderBy: "{ field: CREATED_AT }" },
      { cursor: projectCursor("createdAt", "+200000-01-01T00:00:00Z", 1), orderBy: "{ field: CREATED_AT }" },
      { cursor: projectCursor("createdAt", "1900-01-01T00:00:00Z", 1), orderBy: "{ field: CREATED_AT }" },
    ];
    for (const { cursor, orderBy } of cases) {
      const res = await projectsAfter(cursor, orderBy);
      expectNoLeak(res.text);
      expectError(res, { status: 200, code: "BAD_USER_INPUT", message: BAD_CURSOR, fields: ["after"] });
    }
  });

  it("a cursor of another list is BAD_USER_INPUT", async () => {
    const strategies = await gql("{ strategies(first: 1) { pageInfo { endCursor } } }");
    const cursor = strategies.body.data.strategies.pageInfo.endCursor;
    expectError(await projectsAfter(cursor), {
      status: 200,
      code: "BAD_USER_INPUT",
      message: BAD_CURSOR,
      fields: ["after"],
    });
  });
});

// ---------------------------------------------------------------------------
// Filter values
// ---------------------------------------------------------------------------

describe("filter values", () => {
  const filtered: Record<string, (filter: string) => string> = {
    projects: (f) => `{ projects(filter: ${f}) { totalCount } }`,
    strategies: (f) => `{ strategies(filter: ${f}) { totalCount } }`,
    lessons: (f) => `{ lessons(filter: ${f}) { totalCount } }`,
    workingGroups: (f) => `{ workingGroups(filter: ${f}) { totalCount } }`,
    "Municipality.projects": (f) => `{ municipality(slug: "herten") { projects(filter: ${f}) { totalCount } } }`,
  };

  for (const [name, query] of Object.entries(filtered)) {
    it(`${name}: an unknown topic key is BAD_USER_INPUT naming the key`, async () => {
      expectError(await gql(query('{ topics: ["no-such-topic"] }')), {
        status: 200,
        code: "BAD_USER_INPUT",
        message: 'Unknown value in filter.topics: "no-such-topic". Query `topics` for valid keys.',
        fields: ["filter.topics"],
      });
    });

    it(`${name}: an unknown municipality slug is BAD_USER_INPUT naming the slug`, async () => {
      expectError(await gql(query('{ municipalities: ["atlantis"] }')), {
        status: 200,
        code: "BAD_USER_INPUT",
        message: 'Unknown value in filter.municipalities: "atlantis". Query `municipalities` for valid slugs.',
        fields: ["filter.municipalities"],
      });
    });
  }

  for (const name of ["projects", "Municipality.projects"]) {
    it(`${name}: an unknown provider slug is BAD_USER_INPUT naming the slug`, async () => {
      expectError(await gql(filtered[name]('{ providers: ["acme-gmbh"] }')), {
        status: 200,
        code: "BAD_USER_INPUT",
        message: 'Unknown value in filter.providers: "acme-gmbh". Query `providers` for valid slugs.',
        fields: ["filter.providers"],
      });
    });
  }

  it("names every unknown value and none of the known ones", async () => {
    const res = await gql('{ projects(filter: { topics: ["nope", "childcare", "also-nope"] }) { totalCount } }');
    expectError(res, {
      status: 200,
      code: "BAD_USER_INPUT",
      message: 'Unknown values in filter.topics: "nope", "also-nope".',
    });
    expect(res.body.errors[0].message).not.toContain('"childcare"');
    expect(res.body.data).toBeNull();
  });

  it("keeps the message short when many or long values are unknown", async () => {
    const many = Array.from({ length: 50 }, (_, i) => `unknown-${i}`);
    const res = await gql("query($t: [String!]) { projects(filter: { topics: $t }) { totalCount } }", { t: many });
    expectError(res, {
      status: 200,
      code: "BAD_USER_INPUT",
      message: /^Unknown values in filter\.topics: "unknown-0", /,
    });
    expect(res.body.errors[0].message.match(/"unknown-\d+"/g)).toHaveLength(10);

    const long = "z".repeat(120);
    const res2 = await gql("query($t: [String!]) { projects(filter: { topics: $t }) { totalCount } }", { t: [long] });
    expectError(res2, { status: 200, code: "BAD_USER_INPUT", message: `"${"z".repeat(80)}"` });
    expect(res2.body.errors[0].message).not.toContain("z".repeat(81));
  });

  it("echoes hostile values as JSON strings, not markup or SQL", async () => {
    const res = await gql("query($m: [String!]) { projects(filter: { municipalities: $m }) { totalCount } }", {
      m: ["<script>alert(1)</script>", "x' or '1'='1"],
    });
    expectError(res, {
      status: 200,
      code: "BAD_USER_INPUT",
      message: /Unknown values in filter\.municipalities: "<script>alert\(1\)<\/script>", "x' or '1'='1"/,
    });
  });

  it("more than 100 values is BAD_USER_INPUT", async () => {
    const values = Array.from({ length: 101 }, (_, i) => `t${i}`);
    for (const field of ["topics", "municipalities", "providers"]) {
      const res = await gql(`query($v: [String!]) { projects(filter: { ${field}: $v }) { totalCount } }`, {
        v: values,
      });
      expectError(res, {
        status: 200,
        code: "BAD_USER_INPUT",
        message: `filter.${field}: ${field} must contain no more than 100 elements`,
        fields: [`filter.${field}`],
      });
    }
  });

  it("10 kB and 1 MB filter values are BAD_USER_INPUT", async () => {
    for (const size of [10_000, 1_000_000]) {
      const value = "a".repeat(size);
      for (const field of ["topics", "municipalities", "providers"]) {
        const res = await gql(`query($v: String!) { projects(filter: { ${field}: [$v] }) { totalCount } }`, {
          v: value,
        });
        expectError(res, {
          status: 200,
          code: "BAD_USER_INPUT",
          message: `filter.${field}: each value in ${field} must be shorter than or equal to 120 characters`,
        });
        expect(res.text.length).toBeLessThan(2000);
      }
    }
    const res = await gql("query($v: String!) { workingGroups(filter: { municipalities: [$v] }) { totalCount } }", {
      v: "a".repeat(10_000),
    });
    expectError(res, {
      status: 200,
      code: "BAD_USER_INPUT",
      message: "must be shorter than or equal to 120 characters",
    });
  });

  it("a NUL character in a variable or string literal is a 400 BAD_USER_INPUT that names where it is", async () => {
    const cases = [
      ["query($v: String!) { projects(filter: { topics: [$v] }) { totalCount } }", "child\u0000care"],
      ["query($v: String!) { projects(filter: { municipalities: [$v] }) { totalCount } }", "her\u0000ten"],
      ["query($v: String!) { municipality(slug: $v) { slug } }", "her\u0000ten"],
    ] as const;
    for (const [query, value] of cases) {
      const res = await gql(query, { v: value });
      expectNoLeak(res.text);
      expectError(res, {
        status: 400,
        code: "BAD_USER_INPUT",
        message: "variables.v contains a NUL character (U+0000)",
        fields: ["variables.v"],
      });
    }
    const literal = await gql('{ municipality(slug: "her\\u0000ten") { slug } }');
    expectError(literal, { status: 400, code: "BAD_USER_INPUT", message: "query contains a NUL character (U+0000)" });
  });
});

// ---------------------------------------------------------------------------
// Slugs
// ---------------------------------------------------------------------------

describe("slug arguments", () => {
  it("slugs over 120 characters, up to 1 MB, are BAD_USER_INPUT naming the limit", async () => {
    for (const size of [121, 10_000, 1_000_000]) {
      for (const field of ["municipality", "project", "strategy", "provider"]) {
        const res = await gql(`query($s: String!) { ${field}(slug: $s) { slug } }`, { s: "a".repeat(size) });
        expectNoLeak(res.text);
        expect(res.text.length).toBeLessThan(2000);
        expectError(res, {
          status: 200,
          code: "BAD_USER_INPUT",
          message: "slug is at most 120 characters",
          fields: ["slug"],
        });
      }
    }
    const longest = await gql("query($s: String!) { project(slug: $s) { slug } }", { s: "a".repeat(120) });
    expect(longest.body).toEqual({ data: { project: null } });
  });

  it("a slug of the wrong type is BAD_USER_INPUT or a validation error", async () => {
    expectError(await gql("query($s: String!) { municipality(slug: $s) { slug } }", { s: 42 }), {
      status: 400,
      code: "BAD_USER_INPUT",
      message: /Variable "\$s" got invalid value 42; String cannot represent a non string value: 42/,
    });
    expectError(await gql("query($s: String!) { municipality(slug: $s) { slug } }", { s: ["herten"] }), {
      status: 400,
      code: "BAD_USER_INPUT",
      message: /Variable "\$s" got invalid value/,
    });
    expectError(await gql("query($s: String!) { municipality(slug: $s) { slug } }", {}), {
      status: 400,
      code: "BAD_USER_INPUT",
      message: /Variable "\$s" of required type "String!" was not provided/,
    });
    expectError(await gql("{ municipality(slug: herten) { slug } }"), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /String cannot represent a non string value/,
    });
    expectError(await gql("{ municipality { slug } }"), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /argument "slug" of type "String!" is required/,
    });
  });
});

// ---------------------------------------------------------------------------
// node(id)
// ---------------------------------------------------------------------------

describe("node(id)", () => {
  const node = (id: unknown) => gql("query($id: ID!) { node(id: $id) { __typename id } }", { id });

  it("garbage, unknown types and malformed ids are BAD_USER_INPUT", async () => {
    const ids = [
      "garbage!!",
      "",
      "   ",
      b64("Foo:1"),
      b64("HubEntity:1"),
      b64("Node:1"),
      b64("Project"),
      b64("Project:"),
      b64("Project:0"),
      b64("Project:-1"),
      b64("Project:01"),
      b64("Project:1.5"),
      b64("Project:abc"),
      b64("Project:1:2"),
      b64("Project:1 "),
      b64("project-herten-kita-online"),
      b64("Project:1234567890123456"),
      b64("__proto__:1"),
      b64("' or 1=1 --:1"),
    ];
    for (const id of ids) {
      const res = await node(id);
      expectError(res, { status: 200, code: "BAD_USER_INPUT", message: BAD_ID, fields: ["id"] });
      expect(res.body.data).toEqual({ node: null });
    }
  });

  it("huge ids are BAD_USER_INPUT without echoing them", async () => {
    for (const id of ["A".repeat(201), "A".repeat(100_000), b64(`Project:${"1".repeat(500)}`), "x".repeat(1_000_000)]) {
      const res = await node(id);
      expectError(res, { status: 200, code: "BAD_USER_INPUT", message: BAD_ID });
      expect(res.text.length).toBeLessThan(1000);
    }
  });

  it("a well-formed id of a record that does not exist is null", async () => {
    for (const id of [b64("Project:999999"), b64("Topic:2147483647")]) {
      const res = await node(id);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual({ node: null });
    }
  });

  it("an id beyond the database's integer range is BAD_USER_INPUT", async () => {
    for (const id of [2 ** 31, 10 ** 12]) {
      const res = await node(b64(`Project:${id}`));
      expectNoLeak(res.text);
      expectError(res, { status: 200, code: "BAD_USER_INPUT", message: '"id" is not a valid ID', fields: ["id"] });
    }
    expect((await node(b64(`Project:${2 ** 31 - 1}`))).body).toEqual({ data: { node: null } });
  });

  it("an id whose type names an Object.prototype member is BAD_USER_INPUT", async () => {
    for (const typeName of ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"]) {
      const res = await node(b64(`${typeName}:1`));
      expectNoLeak(res.text);
      expect(res.body.data).toEqual({ node: null });
      expectError(res, { status: 200, code: "BAD_USER_INPUT", message: '"id" is not a valid ID', fields: ["id"] });
    }
  });

  it("an id of the wrong GraphQL type is rejected", async () => {
    expectError(await gql("query($id: ID!) { node(id: $id) { id } }", { id: { a: 1 } }), {
      status: 400,
      code: "BAD_USER_INPUT",
      message: /Variable "\$id" got invalid value/,
    });
    expectError(await gql("query($id: ID!) { node(id: $id) { id } }", { id: true }), {
      status: 400,
      code: "BAD_USER_INPUT",
      message: /ID cannot represent value/,
    });
    expectError(await gql("{ node(id: 1.5) { id } }"), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /ID cannot represent/,
    });
  });
});

// ---------------------------------------------------------------------------
// Enums, variables, documents
// ---------------------------------------------------------------------------

describe("enums and variables", () => {
  it("an unknown enum value inline fails validation and names the value and enum", async () => {
    const cases: [string, RegExp][] = [
      ["{ projects(filter: { states: [XX] }) { totalCount } }", /Value "XX" does not exist in "State" enum/],
      ["{ projects(filter: { states: [nw] }) { totalCount } }", /Value "nw" does not exist in "State" enum/],
      ['{ projects(filter: { states: ["NW"] }) { totalCount } }', /Enum "State" cannot represent non-enum value: "NW"/],
      [
        "{ projects(filter: { statuses: [DONE] }) { totalCount } }",
        /Value "DONE" does not exist in "ProjectStatus" enum/,
      ],
      [
        "{ projects(orderBy: { field: PRICE }) { totalCount } }",
        /Value "PRICE" does not exist in "ProjectOrderField" enum/,
      ],
      [
        "{ projects(orderBy: { field: TITLE, direction: SIDEWAYS }) { totalCount } }",
        /Value "SIDEWAYS" does not exist in "OrderDirection" enum/,
      ],
      ["{ municipalities(filter: { states: [XX] }) { totalCount } }", /Value "XX" does not exist in "State" enum/],
      ["{ providers(filter: { kinds: [BANK] }) { totalCount } }", /Value "BANK" does not exist in "ProviderKind" enum/],
      [
        "{ lessons(filter: { kinds: [WHATEVER] }) { totalCount } }",
        /Value "WHATEVER" does not exist in "LessonKind" enum/,
      ],
      ["{ topics(direction: UP) { totalCount } }", /Value "UP" does not exist in "OrderDirection" enum/],
    ];
    for (const [query, message] of cases) {
      expectError(await gql(query), { status: 400, code: "GRAPHQL_VALIDATION_FAILED", message });
    }
  });

  it("an unknown enum value in variables is BAD_USER_INPUT naming the value", async () => {
    expectError(await gql("query($s: [State!]) { projects(filter: { states: $s }) { totalCount } }", { s: ["XX"] }), {
      status: 400,
      code: "BAD_USER_INPUT",
      message: 'Variable "$s" got invalid value "XX" at "s[0]"; Value "XX" does not exist in "State" enum.',
    });
    expectError(
      await gql("query($f: ProjectFilter) { projects(filter: $f) { totalCount } }", { f: { statuses: ["done"] } }),
      {
        status: 400,
        code: "BAD_USER_INPUT",
        message: /Value "done" does not exist in "ProjectStatus" enum/,
      },
    );
  });

  it("wrong variable types are BAD_USER_INPUT", async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        "query($f: Int!) { projects(first: $f) { totalCount } }",
        { f: "ten" },
        /Int cannot represent non-integer value: "ten"/,
      ],
      [
        "query($f: Int!) { projects(first: $f) { totalCount } }",
        { f: 1e12 },
        /Int cannot represent non 32-bit signed integer value/,
      ],
      [
        "query($f: Int!) { projects(first: $f) { totalCount } }",
        { f: null },
        /Variable "\$f" of non-null type "Int!" must not be null/,
      ],
      [
        "query($a: String) { projects(after: $a) { totalCount } }",
        { a: { cursor: 1 } },
        /String cannot represent a non string value/,
      ],
      [
        "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }",
        { f: "childcare" },
        /Expected type "ProjectFilter" to be an object/,
      ],
      [
        "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }",
        { f: { bogus: ["x"] } },
        /Field "bogus" is not defined by type "ProjectFilter"/,
      ],
      [
        "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }",
        { f: { topics: "childcare", states: [null] } },
        /Expected non-nullable type "State!" not to be null/,
      ],
      [
        "query($o: ProjectOrder) { projects(orderBy: $o) { totalCount } }",
        { o: { field: "title" } },
        /Value "title" does not exist in "ProjectOrderField" enum/,
      ],
    ];
    for (const [query, variables, message] of cases) {
      expectError(await gql(query, variables), { status: 400, code: "BAD_USER_INPUT", message });
    }
  });

  it("a variable declared with an unknown type fails validation", async () => {
    expectError(await gql("query($f: NoSuchType) { projects { totalCount } }"), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /Unknown type "NoSuchType"/,
    });
  });
});

describe("variables nesting", () => {
  it("variables nested deeper than 32 levels are a 400 BAD_USER_INPUT, however deep", async () => {
    for (const depth of [40, 50_000]) {
      // Written out by hand: JSON.stringify itself overflows the stack at such depths.
      const deep = `${'{"a":'.repeat(depth)}"x"${"}".repeat(depth)}`;
      const body = `{"query":"query($v: String!) { project(slug: $v) { slug } }","variables":{"v":"ok","deep":${deep}}}`;
      const res = await raw("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body });
      expectNoLeak(res.text);
      expectError(
        { ...res, body: res.json },
        { status: 400, code: "BAD_USER_INPUT", message: "nests deeper than 32 levels" },
      );
    }
  });
});

describe("documents", () => {
  it("syntax errors are GRAPHQL_PARSE_FAILED with the position", async () => {
    const cases: [string, RegExp][] = [
      ["{ projects(first: ) { totalCount } }", /^Syntax Error: Unexpected "\)"\./],
      ["{ projects { totalCount }", /^Syntax Error: Expected Name, found <EOF>\./],
      ["query {{ }", /^Syntax Error/],
      ['{ project(slug: "unterminated) { slug } }', /^Syntax Error: Unterminated string\./],
      ["SELECT * FROM project", /^Syntax Error: Unexpected Name "SELECT"\./],
    ];
    for (const [query, message] of cases) {
      const res = await gql(query);
      expectError(res, { status: 400, code: "GRAPHQL_PARSE_FAILED", message });
      expect(res.body.errors[0].locations?.[0]?.line).toBe(1);
    }
  });

  it("unknown fields, arguments and types are GRAPHQL_VALIDATION_FAILED", async () => {
    const cases: [string, RegExp][] = [
      ["{ nope }", /Cannot query field "nope" on type "Query"\./],
      ["{ projects { bogus } }", /Cannot query field "bogus" on type "ProjectConnection"\./],
      [
        '{ project(slug: "herten-kita-online") { slug password } }',
        /Cannot query field "password" on type "Project"\./,
      ],
      ["{ projects(bogus: 1) { totalCount } }", /Unknown argument "bogus" on field "Query\.projects"\./],
      [
        '{ projects(filter: { city: "herten" }) { totalCount } }',
        /Field "city" is not defined by type "ProjectFilter"\./,
      ],
      ['{ node(id: "x") { ... on NoSuchType { id } } }', /Unknown type "NoSuchType"\./],
      ["{ projects }", /Field "projects" of type "ProjectConnection!" must have a selection of subfields/],
    ];
    for (const [query, message] of cases) {
      expectError(await gql(query), { status: 400, code: "GRAPHQL_VALIDATION_FAILED", message });
    }
  });

  it("subscription operations are a 400 GRAPHQL_VALIDATION_FAILED: the API has none", async () => {
    const res = await gql("subscription { __typename }");
    expectNoLeak(res.text);
    expectError(res, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "This API does not support subscription operations.",
    });
  });

  it("an empty query and a missing query are BAD_REQUEST", async () => {
    const empty = await raw("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "" }),
    });
    expectError({ ...empty, body: empty.json }, { status: 400, code: "BAD_REQUEST", message: /non-empty `query`/ });
    const missing = await raw("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ variables: {} }),
    });
    expectError({ ...missing, body: missing.json }, { status: 400, code: "BAD_REQUEST", message: /query/ });
    const notString = await raw("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: 5 }),
    });
    expectError(
      { ...notString, body: notString.json },
      { status: 400, code: "BAD_REQUEST", message: "GraphQL queries must be strings." },
    );
  });

  it("several operations without operationName are rejected", async () => {
    const res = await gql("query A { topics { totalCount } } query B { projects { totalCount } }");
    expect(res.status).toBe(400);
    expectNoLeak(res.text);
    expect(res.body.errors[0].message).toMatch(/operation name/i);
  });
});

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

describe("HTTP", () => {
  const post = (body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) =>
    raw("/graphql", { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });

  it("an invalid JSON body is 400 BAD_REQUEST", async () => {
    for (const body of ["{ not json", '{"query": "{ topics { totalCount } }"', "null", "'single'", "\u0000"]) {
      const res = await post(body);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expectError(
        { ...res, body: res.json },
        { status: 400, code: "BAD_REQUEST", message: "Bad request: the body is not valid JSON" },
      );
    }
  });

  it("a JSON body that is not one operation is 400 BAD_REQUEST", async () => {
    const batch = await post("[]");
    expectError(
      { ...batch, body: batch.json },
      { status: 400, code: "BAD_REQUEST", message: "Operation batching disabled." },
    );
    const empty = await post("{}");
    expectError({ ...empty, body: empty.json }, { status: 400, code: "BAD_REQUEST", message: /POST body missing/ });
    const vars = await post(JSON.stringify({ query: "{ topics { totalCount } }", variables: "x" }));
    expectError(
      { ...vars, body: vars.json },
      { status: 400, code: "BAD_REQUEST", message: /`variables` in a POST body should be provided as an object/ },
    );
  });

  it("a non-JSON content type is 400 BAD_REQUEST that says which content type to send", async () => {
    const query = JSON.stringify({ query: "{ topics { totalCount } }" });
    for (const contentType of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      undefined,
    ]) {
      const res = await post(query, contentType ? { "content-type": contentType } : {});
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expectError(
        { ...res, body: res.json },
        { status: 400, code: "BAD_REQUEST", message: /specify a 'content-type' header/ },
      );
    }
    const xml = await post("<query/>", { "content-type": "application/xml" });
    expect(xml.status).toBe(400);
    expectNoLeak(xml.text);
    expect(xml.json?.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });

  it("a body over 1 MB is 413 BAD_REQUEST", async () => {
    const body = JSON.stringify({ query: "{ topics { totalCount } }", variables: { padding: "a".repeat(1_100_000) } });
    const res = await post(body);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expectError(
      { ...res, body: res.json },
      { status: 413, code: "BAD_REQUEST", message: "Bad request: the body is larger than 1mb." },
    );
    const inQuery = await post(JSON.stringify({ query: `{ topics { totalCount } } # ${"x".repeat(2_000_000)}` }));
    expectError(
      { ...inQuery, body: inQuery.json },
      { status: 413, code: "BAD_REQUEST", message: "the body is larger than 1mb" },
    );
  });

  it("an unsupported charset or content encoding is a 4xx BAD_REQUEST", async () => {
    const charset = await post('{"query":"{ topics { totalCount } }"}', {
      "content-type": "application/json; charset=latin-99",
    });
    expect(charset.status).toBe(415);
    expectNoLeak(charset.text);
    expect(charset.json.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(charset.json.errors[0].message).toBe("Bad request: unsupported charset; send JSON as UTF-8.");
    const encoding = await post('{"query":"{ topics { totalCount } }"}', {
      "content-type": "application/json",
      "content-encoding": "bogus",
    });
    expect(encoding.status).toBe(415);
    expectNoLeak(encoding.text);
    expect(encoding.json.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(encoding.json.errors[0].message).toMatch(/^Bad request: unsupported Content-Encoding/);
  });

  it("GET of an unknown path is 404 JSON naming /graphql", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["POST", "/nope"],
      ["GET", "/../../etc/passwd"],
      ["DELETE", "/healthz"],
    ] as const) {
      const res = await raw(path, {
        method,
        headers: { "content-type": "application/json" },
        body: method === "POST" ? "{}" : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expectError(
        { ...res, body: res.json },
        { status: 404, code: "NOT_FOUND", message: "Not found. GraphQL is served at /graphql." },
      );
    }
  });

  it("methods other than GET and POST on /graphql are 405", async () => {
    const res = await raw("/graphql", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ topics { totalCount } }"}',
    });
    expectError({ ...res, body: res.json }, { status: 405, code: "BAD_REQUEST", message: "supports only GET/POST" });
  });

  it("a GET query without a preflight header is blocked as CSRF, with it answered", async () => {
    const blocked = await raw(`/graphql?query=${encodeURIComponent("{ topics { totalCount } }")}`);
    expectError(
      { ...blocked, body: blocked.json },
      { status: 400, code: "BAD_REQUEST", message: /Cross-Site Request Forgery/ },
    );
    const allowed = await raw(`/graphql?query=${encodeURIComponent("{ topics { totalCount } }")}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.json.data.topics.totalCount).toBeGreaterThan(0);
  });

  it("echoes a valid x-request-id and replaces an invalid one", async () => {
    const body = JSON.stringify({ query: "{ topics { totalCount } }" });
    const echoed = await post(body, { "content-type": "application/json", "x-request-id": "client-req_42.a" });
    expect(echoed.status).toBe(200);
    expect(echoed.headers.get("x-request-id")).toBe("client-req_42.a");

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of ["has spaces", "x".repeat(65), "<script>", "a;b", "../etc"]) {
      const res = await post(body, { "content-type": "application/json", "x-request-id": bad });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id"), bad).toMatch(uuid);
    }
    const none = await post(body);
    expect(none.headers.get("x-request-id")).toMatch(uuid);
    const a = await post(body);
    expect(a.headers.get("x-request-id")).not.toBe(none.headers.get("x-request-id"));

    // Also on errors that never reach GraphQL.
    const notFound = await raw("/nope", { headers: { "x-request-id": "nf-1" } });
    expect(notFound.headers.get("x-request-id")).toBe("nf-1");
    const badJson = await post("{", { "content-type": "application/json", "x-request-id": "bj-1" });
    expect(badJson.headers.get("x-request-id")).toBe("bj-1");
    const health = await raw("/healthz", { headers: { "x-request-id": "hz-1" } });
    expect(health.headers.get("x-request-id")).toBe("hz-1");
  });

  it("does not announce the framework", async () => {
    const res = await raw("/nope");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Production mode
// ---------------------------------------------------------------------------

describe("production mode", () => {
  let production: TestHub;
  beforeAll(async () => {
    production = await startTestHub({ NODE_ENV: "production" });
  });
  afterAll(() => production?.close());

  it("answers validation errors without internals", async () => {
    const res = await production.query("{ projects { nodez } }");
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/^Cannot query field "nodez" on type "ProjectConnection"\./);
    expectNoLeak(JSON.stringify(res));
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

// ---------------------------------------------------------------------------
// After all of the above
// ---------------------------------------------------------------------------

describe("after the hostile requests", () => {
  it("the hub still answers, /healthz reports the database up and nothing was written", async () => {
    const res = await hub.query(
      `{ projects { totalCount } municipalities { totalCount } topics { totalCount } providers { totalCount } lessons { totalCount } }`,
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.projects.totalCount).toBe(36);
    expect(res.data!.municipalities.totalCount).toBe(4);

    const health = await raw("/healthz");
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: "ok", database: { status: "up" } });
    expect(typeof health.json.database.latencyMs).toBe("number");

    // No partial write: every table holds the same rows, none written since the start.
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.project.n).toBe(36);
    expect(after.topic.n).toBe(res.data!.topics.totalCount);
  });
});
