/**
 * Records read directly by slug or key: the root fields `lesson(slug:)` and `source(key:)` with the visibility of
 * the lists (an editor sees its own city's drafts, the public only published records, another city's draft is null
 * like an unknown key) and their refusals of over-long and malformed keys; and the editor forms of a city with more
 * than 100 lessons and sources, where the record beyond the first 100 opens in its form.
 */
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LessonKind } from "../../schema/lesson/lesson-kind.enum.js";
import { LessonLearned } from "../../schema/lesson/lesson-learned.entity.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Source } from "../../schema/source/source.entity.js";
import { gql } from "../support/client.js";
import { contentDigest } from "../support/digest.js";
import { signedInEditor } from "../support/editor-browser.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const MANY = 110;
/** Sorts after the other lessons and sources by title, and its key is part of theirs: never in a first 100. */
const LAST_LESSON = "herten-viel";
const LAST_SOURCE = "herten-viel";
const PUBLISHED_LESSON = "herten-viel-000";
const HUB_SOURCE = "hub-weite-quelle";

describe("records by slug or key", () => {
  let hub: TestHub;
  let tokens: TestTokens;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const em = hub.db.orm.em.fork();
    const herten = ref(await em.findOneOrFail(Municipality, { slug: "herten" }));
    const number = (i: number) => String(i).padStart(3, "0");
    for (let i = 0; i < MANY; i++) {
      const lesson = new LessonLearned(
        `herten-viel-${number(i)}`,
        `Erfahrung ${number(i)}`,
        "Text.",
        LessonKind.SUCCESS,
        herten,
      );
      if (i === 0) lesson.publicationState = PublicationState.PUBLISHED;
      const source = new Source(`herten-viel-${number(i)}`, `Quelle ${number(i)}`);
      source.municipality = herten;
      em.persist([lesson, source]);
    }
    const lastSource = new Source(LAST_SOURCE, "Zzz letzte Quelle");
    lastSource.municipality = herten;
    em.persist([
      new LessonLearned(LAST_LESSON, "Zzz letzte Erfahrung", "Text.", LessonKind.PITFALL, herten),
      lastSource,
      new Source(HUB_SOURCE, "Quelle des Betriebs"),
    ]);
    await em.flush();
  });
  afterAll(() => hub?.close());

  const lesson = (slug: string, token?: string) =>
    gql(hub, "query($s: String!) { lesson(slug: $s) { slug title municipality { slug } } }", { s: slug }, token);
  const source = (key: string, token?: string) =>
    gql(hub, "query($k: String!) { source(key: $k) { key title municipality { slug } } }", { k: key }, token);

  it("reads a lesson by slug as the lists show it: own drafts for the city's editors, published for everyone", async () => {
    expect((await lesson(LAST_LESSON, tokens.editors.herten)).data).toEqual({
      lesson: { slug: LAST_LESSON, title: "Zzz letzte Erfahrung", municipality: { slug: "herten" } },
    });
    expect((await lesson(LAST_LESSON)).data).toEqual({ lesson: null });
    expect((await lesson(LAST_LESSON, tokens.editors.ratingen)).data).toEqual({ lesson: null });
    expect((await lesson("herten-gibt-es-nicht", tokens.editors.herten)).data).toEqual({ lesson: null });
    expect((await lesson(PUBLISHED_LESSON)).data?.lesson?.slug).toBe(PUBLISHED_LESSON);
    expect((await lesson(PUBLISHED_LESSON, tokens.editors.ratingen)).data?.lesson?.slug).toBe(PUBLISHED_LESSON);
  });

  it("reads a source by key as the lists show it, with the municipality that maintains it", async () => {
    expect((await source(LAST_SOURCE, tokens.editors.herten)).data).toEqual({
      source: { key: LAST_SOURCE, title: "Zzz letzte Quelle", municipality: { slug: "herten" } },
    });
    expect((await source(LAST_SOURCE)).data).toEqual({ source: null });
    expect((await source(LAST_SOURCE, tokens.editors.ratingen)).data).toEqual({ source: null });
    expect((await source("herten-gibt-es-nicht")).data).toEqual({ source: null });
    expect((await source(HUB_SOURCE, tokens.admin)).data).toEqual({
      source: { key: HUB_SOURCE, title: "Quelle des Betriebs", municipality: null },
    });
  });

  it("refuses over-long and malformed keys with BAD_USER_INPUT naming the argument, and writes nothing", async () => {
    const before = await contentDigest(hub.db.orm);
    const bad = [
      "a".repeat(121),
      "a".repeat(1_000_000),
      "Herten Viel",
      "herten--viel",
      "../herten",
      "herten-viel\u202e",
      "",
    ];
    for (const value of bad) {
      for (const [answer, field] of [
        [await lesson(value, tokens.editors.herten), "slug"],
        [await source(value, tokens.editors.herten), "key"],
      ] as const) {
        const what = `${field} ${JSON.stringify(value.slice(0, 20))}`;
        expect(answer.status, what).toBe(200);
        expect(answer.errors?.[0].extensions, what).toMatchObject({ code: "BAD_USER_INPUT", fields: [field] });
        expect(JSON.stringify(answer), what).not.toMatch(/\n\s+at |select |mikro/i);
      }
    }
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("opens the lesson and the source beyond the city's first 100 in their edit forms", async () => {
    const browser = await signedInEditor(hub.origin, tokens.editors.herten);
    const lessonForm = await browser.request(`/meine-kommune/erfahrungen/${LAST_LESSON}/bearbeiten`);
    expect(lessonForm.status).toBe(200);
    expect(lessonForm.text).toContain("Zzz letzte Erfahrung");
    const sourceForm = await browser.request(`/meine-kommune/quellen/${LAST_SOURCE}/bearbeiten`);
    expect(sourceForm.status).toBe(200);
    expect(sourceForm.text).toContain("Zzz letzte Quelle");
    // A source the hub's operators keep, an unknown key and a malformed one are no form of the city's.
    for (const key of [HUB_SOURCE, "herten-gibt-es-nicht", "Herten%20Viel"])
      expect((await browser.request(`/meine-kommune/quellen/${key}/bearbeiten`)).status, key).toBe(404);
    const other = await signedInEditor(hub.origin, tokens.editors.ratingen);
    expect((await other.request(`/meine-kommune/erfahrungen/${LAST_LESSON}/bearbeiten`)).status).toBe(404);
    expect((await other.request(`/meine-kommune/quellen/${LAST_SOURCE}/bearbeiten`)).status).toBe(404);
  });
});
