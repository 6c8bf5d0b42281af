/**
 * The lessons page (`/erfahrungen`) over HTTP: every published lesson with its
 * city, project, kind in German, topics and sources; the GET form's filters by
 * topic, kind and city giving what the API's `lessons(filter:)` gives; paging with
 * `?nach=` that keeps the filters; a 400 with the form for bad input (never a 500);
 * hostile text inert; drafts never shown; a bounded number of SQL statements.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { LessonLearned } from "../../schema/lesson/lesson-learned.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Source } from "../../schema/source/source.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { LESSON_KIND_LABELS } from "../../schema/lesson/lesson-kind.enum.js";
import { LESSONS_PAGE_SIZE } from "../../server/site/queries/lessons.js";
import { gql } from "../support/client.js";
import { scanTags } from "../support/html-scan.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";
import { fetchGermanPage, fetchPage, pageStatements } from "../support/site-http.js";

const LESSONS = `query($filter: LessonFilter) {
  lessons(first: 100, filter: $filter) { totalCount nodes { slug title kind municipality { slug name } project { slug } topics { key } sources { title } } }
}`;

interface ApiLesson {
  slug: string;
  title: string;
  kind: keyof typeof LESSON_KIND_LABELS;
  municipality: { slug: string; name: string };
  project: { slug: string } | null;
  topics: { key: string }[];
  sources: { title: string }[];
}

let hub: TestHub;
const page = (path: string) => fetchPage(hub.origin, path);

async function apiLessons(filter: Record<string, string[]> | null = null): Promise<ApiLesson[]> {
  const { data, errors } = await gql(hub, LESSONS, { filter });
  expect(errors).toBeUndefined();
  return data!.lessons.nodes;
}

/** The lessons a page lists: each `<li class="block">` with its title and the markup inside. */
function listed(html: string): { title: string; html: string }[] {
  return html
    .slice(0, html.indexOf("</main>"))
    .split('<li class="block">')
    .slice(1)
    .map((part) => ({ title: /^<h2>([^<]*)<\/h2>/.exec(part)![1], html: part }));
}

function unescape(text: string): string {
  return text.replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"');
}

beforeAll(async () => {
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
});
afterAll(() => hub?.close());

describe("/erfahrungen", () => {
  it("lists every published lesson with its city, project, kind in German, topics and sources", async () => {
    const res = await fetchGermanPage(hub.origin, "/erfahrungen");
    const html = await res.text();
    expect(html).toContain("<h1>Erfahrungen</h1>");
    expect(html).toContain('<a href="/erfahrungen" aria-current="page">Erfahrungen</a>');
    const expected = await apiLessons();
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThanOrEqual(LESSONS_PAGE_SIZE);
    const items = listed(html);
    expect(items.map((item) => unescape(item.title))).toEqual(expected.map((lesson) => lesson.title));
    expected.forEach((lesson, index) => {
      const item = items[index].html;
      expect(item, lesson.slug).toContain(
        `<a href="/kommunen/${lesson.municipality.slug}">${lesson.municipality.name}</a>`,
      );
      expect(item, lesson.slug).toContain(LESSON_KIND_LABELS[lesson.kind]);
      if (lesson.project) expect(item, lesson.slug).toContain(`<a href="/projekte/${lesson.project.slug}">`);
      for (const topic of lesson.topics) expect(item, lesson.slug).toContain(`<a href="/themen/${topic.key}">`);
      for (const source of lesson.sources) expect(unescape(item), lesson.slug).toContain(source.title);
    });
    expect(expected.some((lesson) => lesson.project)).toBe(true);
    expect(html).toContain(`${expected.length} Erfahrungen.`);
  });

  it("is linked from the start page's figures", async () => {
    expect(await (await page("/")).text()).toMatch(
      /<a href="\/erfahrungen"><span class="figure">\d+<\/span> Erfahrungen<\/a>/,
    );
  });

  it("offers labelled selects for topic, kind and city, and filters as the API does", async () => {
    const form = await (await page("/erfahrungen")).text();
    for (const [id, name] of [
      ["filter-thema", "thema"],
      ["filter-art", "art"],
      ["filter-kommune", "kommune"],
    ]) {
      expect(form).toContain(`<label for="${id}">`);
      expect(form).toContain(`<select id="${id}" name="${name}">`);
    }
    const all = await apiLessons();
    const topic = all.find((lesson) => lesson.topics.length > 0)!.topics[0].key;
    const cases: [string, Record<string, string[]>][] = [
      [`thema=${topic}`, { topics: [topic] }],
      ["art=PITFALL", { kinds: ["PITFALL"] }],
      ["kommune=hildesheim", { municipalities: ["hildesheim"] }],
      [
        `kommune=ratingen&art=SUCCESS&thema=${topic}`,
        { municipalities: ["ratingen"], kinds: ["SUCCESS"], topics: [topic] },
      ],
    ];
    for (const [query, filter] of cases) {
      const res = await page(`/erfahrungen?${query}`);
      expect(res.status, query).toBe(200);
      const html = await res.text();
      const expected = await apiLessons(filter);
      expect(
        listed(html).map((item) => unescape(item.title)),
        query,
      ).toEqual(expected.map((lesson) => lesson.title));
      expect(html, query).toContain("zu diesem Filter");
    }
    expect(await (await page("/erfahrungen?art=PITFALL")).text()).toContain(
      '<option value="PITFALL" selected>Stolperstein</option>',
    );
  });

  it("answers bad input with 400, the form and a message, never a 500", async () => {
    const cases: [string, string][] = [
      ["/erfahrungen?art=NOPE", "Unbekannte Art: „NOPE“"],
      ["/erfahrungen?thema=nope", "Unbekanntes Thema: „nope“"],
      ["/erfahrungen?kommune=atlantis", "Unbekannte Kommune: „atlantis“"],
      ["/erfahrungen?thema=schools&thema=website", "darf nur einmal vorkommen"],
      ["/erfahrungen?nach=a&nach=b", "darf nur einmal vorkommen"],
      [`/erfahrungen?kommune=${"x".repeat(300)}`, "zu lang"],
      ["/erfahrungen?art=%3Cscript%3E", "Unbekannte Art: „&lt;script>“"],
    ];
    for (const [path, message] of cases) {
      const res = await page(path);
      expect(res.status, path).toBe(400);
      const html = await res.text();
      expect(html, path).toContain('<div class="form-error" role="alert">');
      expect(html, path).toContain(message);
      expect(html, path).toContain('<form method="get" action="/erfahrungen"');
      expect(() => scanTags(html), path).not.toThrow();
    }
    expect((await page("/erfahrungen?nach=kaputt")).status).toBe(404);
  });
});

describe("/erfahrungen with more lessons than a page, hostile text and a draft", () => {
  const HOSTILE = {
    title: "<img src=x onerror=alert(1)>",
    body: "</script><script>alert(2)</script>\u202Egpj.exe",
    url: "javascript:alert(3)",
  };
  const DRAFT_TITLE = "Geheimer Entwurf einer Erfahrung";
  let statementsBefore: number;

  const statements = (path: string) => pageStatements(hub, path);

  beforeAll(async () => {
    statementsBefore = await statements("/erfahrungen?kommune=ratingen");
    const em = hub.db.orm.em.fork();
    const ratingen = await em.findOneOrFail(Municipality, { slug: "ratingen" });
    const topics = await em.find(Topic, {}, { limit: 4, orderBy: { key: "asc" } });
    for (let i = 0; i < LESSONS_PAGE_SIZE + 10; i++) {
      const lesson = new LessonLearned(
        `ratingen-zusatz-${String(i).padStart(2, "0")}`,
        `Zusatzerfahrung ${String(i).padStart(2, "0")}`,
        "Für die Zählung.",
        LessonKind.SUCCESS,
        ref(ratingen),
      );
      lesson.publicationState = PublicationState.PUBLISHED;
      lesson.topics.set([topics[i % topics.length], topics[(i + 1) % topics.length]]);
      const source = new Source(`ratingen-zusatz-quelle-${i}`, `Zusatzquelle ${i}`);
      source.publicationState = PublicationState.PUBLISHED;
      lesson.sources.set([source]);
      em.persist([source, lesson]);
    }
    await em.flush();
    const sql = hub.db.orm.em.getConnection();
    await sql.execute(`update lesson_learned set title = ?, body = ? where slug = 'ratingen-zusatz-00'`, [
      HOSTILE.title,
      HOSTILE.body,
    ]);
    await sql.execute(`update source set url = ? where key = 'ratingen-zusatz-quelle-0'`, [HOSTILE.url]);
    const tokens = await createTestTokens(hub.db.orm);
    const input = {
      municipality: "ratingen",
      slug: "ratingen-geheime-erfahrung",
      title: DRAFT_TITLE,
      body: DRAFT_TITLE,
      kind: "PITFALL",
    };
    const created = await gql(
      hub,
      "mutation($input: CreateLessonInput!) { createLessonLearned(input: $input) { publicationState } }",
      { input },
      tokens.editors.ratingen,
    );
    expect(created.data?.createLessonLearned.publicationState, JSON.stringify(created.errors)).toBe("DRAFT");
  });

  it("pages with ?nach=, keeping the filters, each lesson once", async () => {
    const expected = await apiLessons({ municipalities: ["ratingen"] });
    expect(expected.length).toBeGreaterThan(LESSONS_PAGE_SIZE);
    const seen: string[] = [];
    let path: string | null = "/erfahrungen?kommune=ratingen";
    while (path) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(Buffer.byteLength(html), path).toBeLessThanOrEqual(100 * 1024);
      seen.push(...listed(html).map((item) => unescape(item.title)));
      const next = /<a href="([^"]+)" rel="next">Weitere Erfahrungen<\/a>/.exec(html);
      path = next ? unescape(next[1]) : null;
      if (path) expect(path).toMatch(/^\/erfahrungen\?kommune=ratingen&nach=[^&]+$/);
    }
    expect(seen).toEqual(expected.map((lesson) => lesson.title));
  });

  it("shows hostile text inert and never a draft", async () => {
    const html = await (await page("/erfahrungen?kommune=ratingen")).text();
    const tags = scanTags(html);
    for (const name of ["img", "script"])
      expect(
        tags.some((tag) => tag.name === name),
        name,
      ).toBe(false);
    for (const tag of tags) {
      for (const [attribute, value] of Object.entries(tag.attributes)) {
        expect(attribute.startsWith("on"), attribute).toBe(false);
        expect(value.toLowerCase().startsWith("javascript:"), value).toBe(false);
      }
    }
    expect(html).toContain("&lt;img src=x onerror=alert(1)>");
    expect(html).toContain("&lt;/script>&lt;script>alert(2)&lt;/script>gpj.exe");
    expect(/\p{Bidi_Control}/u.test(html)).toBe(false);
    for (const path of ["/erfahrungen", "/erfahrungen?kommune=ratingen&art=PITFALL"])
      expect(await (await page(path)).text(), path).not.toContain(DRAFT_TITLE);
  });

  it("costs as many SQL statements with a page more of lessons as before", async () => {
    expect(await statements("/erfahrungen?kommune=ratingen")).toBe(statementsBefore);
    expect(statementsBefore).toBeLessThanOrEqual(20);
  });
});
