/**
 * What the website's HTTP tests (test/http/site-*.test.ts) share: asking for a page
 * as a browser does, and a draft project made through the API that no page may show.
 */
import { expect } from "vitest";
import { gql } from "./client.js";
import type { TestHub } from "./hub.js";
import { type City, createTestTokens } from "./mutations.js";

/** The Accept header a browser sends for a page. */
export const HTML_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

/** GETs `path` of the hub at `origin` as a browser asks for a page (HTML accepted), not following redirects. */
export function fetchPage(origin: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(origin + path, { headers: { accept: HTML_ACCEPT, ...headers }, redirect: "manual" });
}

/** The HTML of `path`, after checking that it is answered with `status` (the body's start in the message). */
export async function fetchHtml(origin: string, path: string, status = 200): Promise<string> {
  const response = await fetchPage(origin, path);
  const body = await response.text();
  expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(status);
  return body;
}

/** A German page: `path` answered 200 with `Content-Language: de`; its response, for more checks. */
export async function fetchGermanPage(origin: string, path: string): Promise<Response> {
  const response = await fetchPage(origin, path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-language"), path).toBe("de");
  return response;
}

/** How many SQL statements the hub ran for `path`, which must answer 200 (the body read to its end). */
export async function pageStatements(hub: TestHub, path: string): Promise<number> {
  hub.db.resetQueryCount();
  const response = await fetchPage(hub.origin, path);
  expect(response.status, path).toBe(200);
  await response.text();
  return hub.db.queries.length;
}

/** A project the city's editor creates through the API (citing the city's first source) and leaves a draft. */
export interface DraftProject {
  municipality: City;
  slug: string;
  /** Its title, and its summary too. */
  title: string;
  status: string;
  topics: string[];
}

/** Creates `draft` through the API as its city's editor and checks that it is a draft. */
export async function createDraftProject(hub: TestHub, draft: DraftProject): Promise<void> {
  const tokens = await createTestTokens(hub.db.orm);
  const cited = await gql(hub, `query($slug: String!) { municipality(slug: $slug) { sources { key } } }`, {
    slug: draft.municipality,
  });
  const input = { ...draft, summary: draft.title, sources: [cited.data!.municipality.sources[0].key] };
  const created = await gql(
    hub,
    "mutation($input: CreateProjectInput!) { createProject(input: $input) { publicationState } }",
    { input },
    tokens.editors[draft.municipality],
  );
  expect(created.data?.createProject.publicationState, JSON.stringify(created.errors)).toBe("DRAFT");
}
