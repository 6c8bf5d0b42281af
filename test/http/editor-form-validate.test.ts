/**
 * One submit shows every problem of a form, with nothing written: a malformed amount and a blank required choice
 * (refused by GraphQL while reading the variables) together with the API's own findings from a dry run of the same
 * write (`@dryRun`). "Vorschau meiner Eingaben" renders the public page from the form's unsaved input (the write and
 * the page's query in one rolled-back transaction): inert for hostile text, nothing saved, no other city's draft.
 * The conflict view shows the editor's own cost rows beside the colleague's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { contentDigest } from "../support/digest.js";
import { EditorBrowser, signedInEditor } from "../support/editor-browser.js";
import { citableIn, createColleague } from "../support/editor-data.js";
import { invalidFields, messageAt } from "../support/editor-form-html.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const NEW = "/meine-kommune/projekte/neu";
const SLUG = "herten-pruefen-und-vorschau";
const EDIT = `/meine-kommune/projekte/${SLUG}/bearbeiten`;
const FOREIGN_DRAFT = { key: "ratingen-geheime-vorlage", title: "Geheimer Entwurf aus Ratingen" };

describe("editor form: every problem at once, and the preview of unsaved input", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let colleague: string;
  let source: string;
  let topic: string;
  let browser: EditorBrowser;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    colleague = await createColleague(hub, "Kollege Herten");
    const citable = await citableIn(hub);
    source = citable.sources[0];
    topic = citable.topic;
    const draft = await gql(
      hub,
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { key publicationState } }`,
      { input: { municipality: "ratingen", ...FOREIGN_DRAFT } },
      tokens.editors.ratingen,
    );
    expect(draft.data?.createSource.publicationState).toBe("DRAFT");
    browser = await signedInEditor(hub.origin, tokens.editors.herten);
  });
  afterAll(() => hub?.close());

  /** A valid new project's fields, with `changes` (and the form's secret). */
  const newProject = async (changes: [string, string][] = []): Promise<[string, string][]> => {
    const form = await browser.request(NEW);
    const base: [string, string][] = [
      ["csrf", EditorBrowser.csrfOf(form.text)],
      ["slug", SLUG],
      ["title", "Prüfen und Vorschau"],
      ["summary", "Ein Projekt, an dem die Formulare prüfen."],
      ["status", "PLANNED"],
      ["topics", topic],
      ["sources", source],
    ];
    const names = new Set(changes.map(([name]) => name));
    return [...base.filter(([name]) => !names.has(name)), ...changes];
  };

  it("shows a malformed amount, blank required choices and the API's own problem after one submit, writing nothing", async () => {
    const before = await contentDigest(hub.db.orm);
    const answer = await browser.request(NEW, {
      method: "POST",
      form: await newProject([
        // Refused by GraphQL while it reads the variables:
        ["status", ""],
        ["costs[0].amount", "12.000,00"],
        ["costs[0].period", "ONE_OFF"],
        ["costs[0].description", "Einführung"],
        ["costs[1].amount", "40"],
        ["costs[1].period", ""],
        ["costs[1].description", "Wartung"],
        // Found by the API's own checks, in the dry run:
        ["sources", "gibt-es-nicht"],
        ["slug", "Herten Falsch"],
        ["aktion", "speichern"],
      ]),
    });
    expect(answer.status, answer.text.slice(0, 2000)).toBe(400);
    expect(invalidFields(answer.text)).toEqual(
      ["costs-0-amount", "costs-1-period", "slug", "sources", "status"].sort(),
    );
    expect(answer.text).toContain("5 Angaben sind zu prüfen");
    expect(messageAt(answer.text, "costs-0-amount")).toMatch(/1234\.50/);
    expect(messageAt(answer.text, "status")).toBe("Bitte ausfüllen.");
    expect(messageAt(answer.text, "costs-1-period")).toBe("Bitte ausfüllen.");
    expect(messageAt(answer.text, "sources")).toMatch(/Unbekannt: .*gibt-es-nicht/);
    expect(messageAt(answer.text, "slug")).toMatch(/Kleinbuchstaben/);
    // The input is kept as typed.
    expect(answer.text).toMatch(/name="costs\[0\]\.amount"[^>]*value="12.000,00"/);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("answers hostile and oversized values at their fields, never with a 500, writing nothing", async () => {
    const before = await contentDigest(hub.db.orm);
    const answer = await browser.request(NEW, {
      method: "POST",
      form: await newProject([
        ["status", "<img src=x onerror=alert(1)>"],
        ["statusAsOf", "31.12.2024"],
        ["costs[0].amount", "<script>alert(1)</script>".repeat(400)],
        ["costs[0].period", "ONE_OFF\u202E"],
        ["costs[0].currency", "€€€"],
        ["costs[0].description", "x".repeat(5000)],
        ["aktion", "speichern"],
      ]),
    });
    expect(answer.status, answer.text.slice(0, 2000)).toBe(400);
    expect(invalidFields(answer.text)).toEqual(
      ["costs-0-amount", "costs-0-currency", "costs-0-period", "status", "statusAsOf"].sort(),
    );
    expect(answer.text).not.toContain("<script>alert(1)");
    expect(answer.text).not.toContain("<img src=x");
    expect(answer.text).not.toMatch(/stack|\.ts:\d+/);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("previews a new project from the unsaved input as the public page, and saves nothing", async () => {
    const before = await contentDigest(hub.db.orm);
    const answer = await browser.request(NEW, {
      method: "POST",
      form: await newProject([
        ["title", "<script>alert(1)</script> Vorschau-Titel"],
        ["costs[0].amount", "1234,50"],
        ["costs[0].period", "ONE_OFF"],
        ["costs[0].description", "Einführung <b>fett</b>"],
        ["aktion", "vorschau"],
      ]),
    });
    expect(answer.status, answer.text.slice(0, 2000)).toBe(200);
    expect(answer.text).toContain('class="preview-banner"');
    expect(answer.text).toContain("Noch ist nichts davon gespeichert");
    // The public page's template: its heading and the cost the input gave it, hostile text inert.
    expect(answer.text).toMatch(/<h1[^>]*>&lt;script>alert\(1\)&lt;\/script> Vorschau-Titel<\/h1>/);
    expect(answer.text).toContain("Einführung &lt;b>fett&lt;/b>");
    expect(answer.text).toMatch(/1[.\u202f ]?234,50/);
    expect(answer.text).not.toContain("<script>alert(1)");
    expect(await contentDigest(hub.db.orm)).toEqual(before);
    expect((await gql(hub, `{ project(slug: "${SLUG}") { id } }`, {}, tokens.editors.herten)).data!.project).toBeNull();
    // The banner carries the input: "Als Entwurf speichern" there saves it as previewed.
    const banner = /<div class="preview-banner"[\s\S]*?<\/form>/.exec(answer.text)![0];
    const carried = [...banner.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
      ([, name, value]) =>
        [
          name,
          value
            .replace(/&lt;/g, "<")
            .replace(/&amp;/g, "&")
            .replace(/&quot;/g, '"'),
        ] as [string, string],
    );
    const saved = await browser.request(NEW, { method: "POST", form: [...carried, ["aktion", "speichern"]] });
    expect(saved.status, saved.text.slice(0, 2000)).toBe(303);
    const project = (
      await gql(hub, `{ project(slug: "${SLUG}") { title costs { amount description } } }`, {}, tokens.editors.herten)
    ).data!.project;
    expect(project).toEqual({
      title: "<script>alert(1)</script> Vorschau-Titel",
      costs: [{ amount: "1234.50", description: "Einführung <b>fett</b>" }],
    });
  });

  it("previews a change of a saved project without saving it, and shows problems at their fields instead", async () => {
    const form = await browser.request(EDIT);
    const version = /name="version" value="(\d+)"/.exec(form.text)![1];
    const fields = async (changes: [string, string][]) => [
      ...(await newProject(changes)).filter(([name]) => name !== "csrf"),
      ["csrf", EditorBrowser.csrfOf(form.text)] as [string, string],
      ["version", version] as [string, string],
    ];
    const before = await contentDigest(hub.db.orm);
    const preview = await browser.request(EDIT, {
      method: "POST",
      form: await fields([
        ["title", "Noch nicht gespeichert"],
        ["aktion", "vorschau"],
      ]),
    });
    expect(preview.status, preview.text.slice(0, 2000)).toBe(200);
    expect(preview.text).toMatch(/<h1[^>]*>Noch nicht gespeichert<\/h1>/);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
    expect((await browser.request(EDIT)).text).not.toContain("Noch nicht gespeichert");
    // Problems instead of a preview: at their fields, the format's and the API's alike; another city's draft is
    // as unknown to the preview as to a read, and its title appears nowhere.
    const refused = await browser.request(EDIT, {
      method: "POST",
      form: await fields([
        ["title", ""],
        ["sources", FOREIGN_DRAFT.key],
        ["costs[0].amount", "1,2,3"],
        ["costs[0].period", "ONE_OFF"],
        ["costs[0].description", "x"],
        ["aktion", "vorschau"],
      ]),
    });
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain('class="preview-banner"');
    expect(invalidFields(refused.text)).toEqual(["costs-0-amount", "sources", "title"]);
    expect(refused.text).not.toContain(FOREIGN_DRAFT.title);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("does not preview kinds without a public page, and refuses a preview without the form's secret", async () => {
    const before = await contentDigest(hub.db.orm);
    const sourceForm = await browser.request("/meine-kommune/quellen/neu");
    const noPage = await browser.request("/meine-kommune/quellen/neu", {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(sourceForm.text)],
        ["key", "herten-ohne-vorschau"],
        ["title", "Ohne Vorschau"],
        ["aktion", "vorschau"],
      ],
    });
    expect(noPage.status).toBe(400);
    expect(noPage.text).toContain("gibt es keine Vorschau");
    const forged = await browser.request(NEW, {
      method: "POST",
      form: [...(await newProject([["aktion", "vorschau"]])).filter(([name]) => name !== "csrf"), ["csrf", "falsch"]],
    });
    expect(forged.status).toBe(403);
    expect(forged.text).not.toContain('class="preview-banner"');
    // Another city's editor: Herten's record is a 404 to its preview as to its form.
    const foreign = await signedInEditor(hub.origin, tokens.editors.ratingen);
    const ownForm = await foreign.request("/meine-kommune/projekte/neu");
    const intruding = await foreign.request(EDIT, {
      method: "POST",
      form: [
        ...(await newProject([["aktion", "vorschau"]])).filter(([name]) => name !== "csrf"),
        ["csrf", EditorBrowser.csrfOf(ownForm.text)],
      ],
    });
    expect(intruding.status).toBe(404);
    expect(intruding.text).not.toContain("Prüfen und Vorschau");
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("shows the editor's own cost rows beside the colleague's in the conflict view", async () => {
    const mine = await browser.request(EDIT);
    const seen = /name="version" value="(\d+)"/.exec(mine.text)![1];
    const costId = /name="costs\[0\]\.id" value="([^"]+)"/.exec(mine.text)![1];
    const other = await signedInEditor(hub.origin, colleague);
    const theirForm = await other.request(EDIT);
    const row = (amount: string, description: string): [string, string][] => [
      ["costs[0].id", costId],
      ["costs[0].amount", amount],
      ["costs[0].period", "ONE_OFF"],
      ["costs[0].description", description],
    ];
    const base = (csrf: string, version: string) =>
      newProject([
        ["csrf", csrf],
        ["version", version],
        ["aktion", "speichern"],
      ]);
    const theirs = await other.request(EDIT, {
      method: "POST",
      form: [...(await base(EditorBrowser.csrfOf(theirForm.text), seen)), ...row("999", "Vom Kollegen geändert")],
    });
    expect(theirs.status, theirs.text.slice(0, 2000)).toBe(303);
    const conflict = await browser.request(EDIT, {
      method: "POST",
      form: [
        ...(await base(EditorBrowser.csrfOf(mine.text), seen)),
        ...row("777", "Meine Änderung"),
        ["costs[1].amount", "5"],
        ["costs[1].period", "MONTHLY"],
        ["costs[1].description", "Meine neue Zeile"],
      ],
    });
    expect(conflict.status).toBe(409);
    const panel = /<section class="conflict notice"[\s\S]*?<\/section>/.exec(conflict.text)![0];
    const costsRow = /<tr><th scope="row">Kosten<\/th>([\s\S]*?)<\/tr>/.exec(panel)![1];
    const cells = [...costsRow.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell]) => cell.replace(/<[^>]+>/g, " "));
    // Before, saved now, the editor's input: each a list of rows in German.
    expect(cells[0]).toMatch(/Betrag: 1\.234,50/);
    expect(cells[1]).toMatch(/Betrag: 999,00/);
    expect(cells[1]).toContain("Vom Kollegen geändert");
    expect(cells[2]).toMatch(/Betrag.*777/);
    expect(cells[2]).toContain("Meine Änderung");
    expect(cells[2]).toContain("Meine neue Zeile");
    expect(cells[2]).toContain("monatlich");
    expect(cells[2]).not.toContain(costId);
  });
});
