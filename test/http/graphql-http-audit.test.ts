/**
 * GraphQL over HTTP conformance: runs the `graphql-http` server audits against a
 * running hub. Every MUST audit passes. The SHOULD and MAY audits the hub fails
 * on purpose are listed below with the reason; a change either way (a new
 * failure, or one that went away) fails this test, so that it is noticed and
 * the list (and the README) updated.
 */
import { type AuditResult, serverAudits } from "graphql-http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

/** SHOULD/MAY audits the hub does not meet, by id and name, with the reason. */
const ALLOWED_FAILURES: { audit: string; reason: string }[] = [
  {
    audit: "5A70 MAY accept application/x-www-form-urlencoded formatted GET requests",
    reason:
      "Apollo's CSRF prevention refuses a GET that carries neither a JSON content-type nor an `apollo-require-preflight` " +
      "or `x-apollo-operation-name` header (400); the embeds send the header, a plain link cannot run a query.",
  },
  {
    audit:
      "D6D5 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json",
    reason: "The same CSRF prevention: the audit's GET carries no preflight header.",
  },
  {
    audit: "6A70 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json",
    reason: "The same CSRF prevention: the audit's GET carries no preflight header.",
  },
  {
    audit: "572B SHOULD use 200 status code on document parsing failure when accepting application/json",
    reason:
      "Apollo Server answers a document that does not parse with 400 whatever the Accept header; the hub documents " +
      "400 for GRAPHQL_PARSE_FAILED. The errors are in the body either way.",
  },
  {
    audit: "FDE2 SHOULD use 200 status code on document validation failure when accepting application/json",
    reason:
      "Likewise 400 for GRAPHQL_VALIDATION_FAILED, which the operation limits rely on to be told apart from answers.",
  },
  {
    audit: "7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json",
    reason: "Likewise 400 (Apollo Server 5's `status400ForVariableCoercionErrors` default) whatever the Accept header.",
  },
];

let hub: TestHub;
let results: AuditResult[];

beforeAll(async () => {
  hub = await startTestHub();
  results = [];
  for (const audit of serverAudits({ url: hub.url, fetchFn: fetch })) results.push(await audit.fn());
});
afterAll(() => hub?.close());

/** A failure's id and name, with why it failed and the start of the answer, for the assertion message. */
async function describeFailure(result: AuditResult): Promise<string> {
  if (result.status === "ok") return `${result.id} ${result.name}`;
  const body = await result.response
    .clone()
    .text()
    .catch(() => "");
  return `${result.id} ${result.name}: ${result.reason} (${result.response.status} ${body.slice(0, 200)})`;
}

it("runs the audits", () => {
  expect(results.length).toBeGreaterThan(50);
});

it("passes every MUST audit", async () => {
  const failed = results.filter((result) => result.status !== "ok" && result.name.startsWith("MUST"));
  expect(await Promise.all(failed.map(describeFailure))).toEqual([]);
});

it("fails exactly the documented SHOULD and MAY audits", async () => {
  const failed = results.filter((result) => result.status !== "ok");
  const names = failed.map((result) => `${result.id} ${result.name}`);
  const expected = ALLOWED_FAILURES.map(({ audit }) => audit);
  const unexpected = failed.filter((result) => !expected.includes(`${result.id} ${result.name}`));
  expect(await Promise.all(unexpected.map(describeFailure)), "failures not on the allow-list").toEqual([]);
  expect(names.sort(), "allow-listed audits that now pass: remove them from the list").toEqual([...expected].sort());
});
