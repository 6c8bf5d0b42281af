/**
 * Pickers of lists longer than the 100 entries a form loads: with more than 100 providers, the project form keeps
 * its multiple select of the first 100 and adds a line where further keys are typed, with the first 100 as
 * suggestions (a `<datalist>`, no JavaScript). A project citing the 101st provider shows it chosen, saving keeps it,
 * and an unknown typed key is named at its field with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { contentDigest } from "../support/digest.js";
import { EditorBrowser, signedInEditor } from "../support/editor-browser.js";
import { optionsOf } from "../support/editor-form-html.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const MANY = 110;
/** Sorts after every other provider by name: never among the first 100 the form loads. */
const LAST = "zzz-letzter-anbieter";
const SLUG = "herten-auswahl-test";
const NEW = "/meine-kommune/projekte/neu";
const EDIT = `/meine-kommune/projekte/${SLUG}/bearbeiten`;

/** The values a browser posts for the multiple select `name`: its selected options. */
const selectedIn = (html: string, name: string) =>
  optionsOf(html, name)
    .filter((option) => option.selected)
    .map((option) => option.value);

describe("pickers beyond the first 100", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let topic: string;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const em = hub.db.orm.em.fork();
    for (let i = 0; i < MANY; i++) {
      const n = String(i).padStart(3, "0");
      em.persist(new Provider(`auswahl-anbieter-${n}`, `Aaa Anbieter ${n}`, ProviderKind.CONSULTANCY, "Berät."));
    }
    em.persist(new Provider(LAST, "Zzz letzter Anbieter", ProviderKind.SOFTWARE_VENDOR, "Liefert."));
    await em.flush();
    topic = (await gql(hub, "{ topics(first: 1) { nodes { key } } }")).data!.topics.nodes[0].key;
  });
  afterAll(() => hub?.close());

  const signedIn = () => signedInEditor(hub.origin, tokens.editors.herten);
  const providersOf = async () =>
    (await gql(hub, `{ project(slug: "${SLUG}") { providers { slug } } }`, {}, tokens.editors.herten)).data!.project
      ?.providers;

  it("offers the first 100 in the select and a labelled line with suggestions for any other key", async () => {
    const form = await (await signedIn()).request(NEW);
    expect(form.status).toBe(200);
    expect(form.text).not.toContain(`<option value="${LAST}"`);
    expect(form.text).toMatch(/<label for="feld-providers-weitere">Weitere: Beteiligte Anbieter<\/label>/);
    expect(form.text).toMatch(
      /<input id="feld-providers-weitere" name="weitere.providers" type="text" list="vorschlaege-providers"/,
    );
    expect(form.text).toContain('id="feld-providers-weitere-hilfe"');
    expect(form.text).toContain("mehrere durch Komma getrennt");
    const datalist = /<datalist id="vorschlaege-providers">([\s\S]*?)<\/datalist>/.exec(form.text);
    expect(datalist).not.toBeNull();
    expect([...datalist![1].matchAll(/<option /g)]).toHaveLength(100);
    // Short lists stay plain selects: the topics of the seed fit.
    expect(form.text).not.toContain('name="weitere.topics"');
  });

  it("saves a typed key beyond the first 100, shows it chosen, and keeps it on the next save", async () => {
    const browser = await signedIn();
    const form = await browser.request(NEW);
    const created = await browser.request(NEW, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(form.text)],
        ["slug", SLUG],
        ["title", "Auswahltest"],
        ["summary", "Ein Projekt mit dem 111. Anbieter."],
        ["status", "IN_PROGRESS"],
        ["topics", topic],
        ["providers", "auswahl-anbieter-000"],
        ["weitere.providers", ` ${LAST}, auswahl-anbieter-000 `],
        ["aktion", "speichern"],
      ],
    });
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    expect((await providersOf())?.map((p: { slug: string }) => p.slug).sort()).toEqual(["auswahl-anbieter-000", LAST]);
    const edit = await browser.request(EDIT);
    expect(edit.status).toBe(200);
    const chosen = selectedIn(edit.text, "providers");
    expect(chosen.sort()).toEqual(["auswahl-anbieter-000", LAST]);
    const version = /name="version" value="(\d+)"/.exec(edit.text)![1];
    const saved = await browser.request(EDIT, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(edit.text)],
        ["version", version],
        ["title", "Auswahltest, geändert"],
        ["summary", "Ein Projekt mit dem 111. Anbieter."],
        ["status", "IN_PROGRESS"],
        ["topics", topic],
        ...chosen.map((slug) => ["providers", slug] as [string, string]),
        ["weitere.providers", ""],
        ["aktion", "speichern"],
      ],
    });
    expect(saved.status, saved.text.slice(0, 2000)).toBe(303);
    expect((await providersOf())?.map((p: { slug: string }) => p.slug).sort()).toEqual(["auswahl-anbieter-000", LAST]);
  });

  it("names an unknown, hostile or oversized typed key at the providers field, keeps the input, and writes nothing", async () => {
    const browser = await signedIn();
    const edit = await browser.request(EDIT);
    const version = /name="version" value="(\d+)"/.exec(edit.text)![1];
    for (const typed of ["gibt-es-nicht", "<script>alert(1)</script>", "x".repeat(5000), "a, b, c"]) {
      const before = await contentDigest(hub.db.orm);
      const answer = await browser.request(EDIT, {
        method: "POST",
        form: [
          ["csrf", EditorBrowser.csrfOf(edit.text)],
          ["version", version],
          ["title", "Auswahltest, geändert"],
          ["summary", "Ein Projekt mit dem 111. Anbieter."],
          ["status", "IN_PROGRESS"],
          ["topics", topic],
          ["providers", LAST],
          ["weitere.providers", typed],
          ["aktion", "speichern"],
        ],
      });
      const what = typed.slice(0, 30);
      expect(answer.status, what).toBe(400);
      expect(answer.text, what).toMatch(/id="feld-providers"[^>]*aria-invalid="true"/);
      expect(answer.text, what).toMatch(/id="feld-providers-weitere"[^>]*aria-invalid="true"/);
      expect(answer.text, what).toContain('id="feld-providers-fehler"');
      expect(answer.text, what).not.toContain("<script>alert(1)</script>");
      // The input is kept: the chosen provider and the typed key(s) are chosen in the redrawn select.
      expect(selectedIn(answer.text, "providers"), what).toContain(LAST);
      expect(await contentDigest(hub.db.orm), what).toEqual(before);
    }
  });

  it("makes a single-valued picker a line with suggestions: the engagement's provider, by any key", async () => {
    const browser = await signedIn();
    const path = "/meine-kommune/beauftragungen/neu";
    const form = await browser.request(path);
    expect(form.status).toBe(200);
    expect(form.text).not.toMatch(/<select[^>]*name="provider"/);
    expect(form.text).toMatch(/<input[^>]*name="provider"[^>]*list="vorschlaege-providers"/);
    expect(form.text).toMatch(/aria-describedby="[^"]*feld-provider-weitere-hilfe"/);
    expect(form.text).toContain("die Kennung eintippen");
    const post = (provider: string) =>
      browser.request(path, {
        method: "POST",
        form: [
          ["csrf", EditorBrowser.csrfOf(form.text)],
          ["provider", provider],
          ["role", "CONSULTING"],
          ["description", "Berät die Stadt."],
          ["aktion", "speichern"],
        ],
      });
    const before = await contentDigest(hub.db.orm);
    const wrong = await post("gibt-es-nicht");
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="feld-provider"[^>]*aria-invalid="true"/);
    expect(wrong.text).toMatch(
      /<input[^>]*name="provider"[^>]*value="gibt-es-nicht"|value="gibt-es-nicht"[^>]*name="provider"/,
    );
    expect(await contentDigest(hub.db.orm)).toEqual(before);
    expect((await post(LAST)).status).toBe(303);
    const engagements = (
      await gql(
        hub,
        `{ municipality(slug: "herten") { engagements(first: 100) { provider { slug } } } }`,
        {},
        tokens.editors.herten,
      )
    ).data!.municipality.engagements;
    expect(engagements).toContainEqual({ provider: { slug: LAST } });
  });
});
