/**
 * The editor forms of "Meine Kommune" over HTTP: a project created with mistakes (each shown at its field, the
 * input kept), saved, published, seen by the public; the conflict view when a colleague saved in between; the
 * history; and the refusals: another city's record is a 404, anonymous and expired callers go to sign-in with
 * their input kept, forged or missing form secrets, cross-site posts and oversized bodies change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { contentDigest } from "../support/digest.js";
import { EditorBrowser, signedInEditor } from "../support/editor-browser.js";
import { citableIn, createColleague } from "../support/editor-data.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const NEW = "/meine-kommune/projekte/neu";
const SLUG = "herten-formular-test";
const EDIT = `/meine-kommune/projekte/${SLUG}/bearbeiten`;

/** The text of the element with `id` in `html` (tags dropped), or null. */
function textOf(html: string, id: string): string | null {
  const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return match ? match[1].replace(/<[^>]+>/g, "") : null;
}

describe("editor forms", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let colleague: string;
  let source: string;
  let topic: string;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    colleague = await createColleague(hub, "Kollegin Herten");
    const citable = await citableIn(hub);
    source = citable.sources[0];
    topic = citable.topic;
  });
  afterAll(() => hub?.close());

  const signedIn = (token = tokens.editors.herten) => signedInEditor(hub.origin, token);

  it("sends an anonymous visitor to sign in and back to the form afterwards", async () => {
    const browser = new EditorBrowser(hub.origin);
    const first = await browser.request(NEW);
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/anmelden?weiter=${encodeURIComponent(NEW)}`);
    const page = await browser.request(first.location!);
    expect(page.text).toContain(`name="weiter" value="${NEW}"`);
    const done = await browser.request("/anmelden", {
      method: "POST",
      form: { csrf: EditorBrowser.csrfOf(page.text), token: tokens.editors.herten, weiter: NEW },
    });
    expect(done.location).toBe(NEW);
    for (const weiter of ["https://evil.example/", "//evil.example/meine-kommune", "/graphql"]) {
      const again = await new EditorBrowser(hub.origin).request(`/anmelden?weiter=${encodeURIComponent(weiter)}`);
      expect(again.text).not.toContain('name="weiter"');
    }
  });

  it("shows every field of the API's input with a German label, and the pickers' allowed values", async () => {
    const form = await (await signedIn()).request(NEW);
    expect(form.status).toBe(200);
    for (const label of [
      "Titel (Pflichtangabe)",
      "Kurzname in der Adresse",
      "Zusammenfassung",
      "Stand laut Quelle vom",
      "Themen",
      "Quellen",
      "Partnerkommunen",
      "Beteiligte Anbieter",
      "Eingesetzte Software",
    ])
      expect(form.text, label).toContain(label);
    expect(form.text).toMatch(/<select[^>]*name="topics"[^>]*multiple/);
    expect(form.text).toContain(`value="${source}"`);
    expect(form.text).toContain("In Umsetzung");
    expect(form.text).not.toContain('name="municipality"');
  });

  it("shows the mistakes of one submit at their fields, keeps the input, and writes nothing", async () => {
    const browser = await signedIn();
    const form = await browser.request(NEW);
    const before = await contentDigest(hub.db.orm);
    const answer = await browser.request(NEW, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(form.text)],
        ["slug", "Herten Falsch!"],
        ["title", "<script>alert(1)</script>"],
        ["summary", ""],
        ["status", "PLANNED"],
        ["statusAsOf", "2999-01"],
        ["topics", topic],
        ["aktion", "speichern"],
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('id="fehler"');
    // Three mistakes, three messages after one submit (the API's argument validation names each field).
    const invalid = [...answer.text.matchAll(/id="feld-(\w+)"[^>]*aria-invalid="true"/g)].map((match) => match[1]);
    expect(invalid.sort()).toEqual(["slug", "statusAsOf", "summary"]);
    expect(answer.text).toContain("3 Angaben sind zu prüfen");
    for (const field of invalid) {
      expect(answer.text).toContain(`id="feld-${field}-fehler"`);
      expect(answer.text).toContain(`href="#feld-${field}"`);
    }
    // Each field says its own problem, not the answer's whole text or another field's message.
    const messageOf = (field: string) =>
      new RegExp(`id="feld-${field}-fehler"[^>]*>([\\s\\S]*?)</span>`).exec(answer.text)?.[1] ?? "";
    const messages = invalid.map(messageOf);
    expect(new Set(messages).size).toBe(3);
    expect(messageOf("slug")).toMatch(/Kleinbuchstaben/);
    expect(messageOf("summary")).not.toMatch(/Kleinbuchstaben/);
    expect(messageOf("statusAsOf")).not.toMatch(/Kleinbuchstaben/);
    expect(answer.text).toContain('value="Herten Falsch!"');
    expect(answer.text).toContain('value="&lt;script>alert(1)&lt;/script>"');
    expect(answer.text).not.toContain("<script>alert(1)");
    expect(answer.text).toMatch(new RegExp(`<option[^>]*value="${topic}"[^>]*selected`));
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("creates a draft, previews it, refuses to publish it without sources at that field, then publishes it", async () => {
    const browser = await signedIn();
    const form = await browser.request(NEW);
    const created = await browser.request(NEW, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(form.text)],
        ["slug", SLUG],
        ["title", "Formulartest"],
        ["summary", "Ein Projekt aus dem Formular."],
        ["status", "IN_PROGRESS"],
        ["topics", topic],
        ["aktion", "speichern"],
      ],
    });
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    expect(created.location).toBe(`${EDIT}?gespeichert=neu`);
    const edit = await browser.request(created.location!);
    expect(edit.text).toContain("Als Entwurf gespeichert.");
    expect(edit.text).toContain('value="Formulartest"');
    const preview = await browser.request(`/meine-kommune/projekte/${SLUG}/vorschau`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Vorschau");
    expect(preview.text).toContain("<h1");
    expect(preview.text).toContain("Ein Projekt aus dem Formular.");
    // Asked through the API, not the page: the site's page cache would keep a 404 after publishing.
    expect((await gql(hub, `{ project(slug: "${SLUG}") { slug } }`)).data!.project).toBeNull();
    const refused = await browser.request(`/meine-kommune/projekte/${SLUG}/stand`, {
      method: "POST",
      form: { csrf: EditorBrowser.csrfOf(edit.text), version: "1", aktion: "veroeffentlichen" },
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/id="feld-sources"[^>]*aria-invalid="true"/);
    const withSource = await browser.request(EDIT, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(edit.text)],
        ["version", /name="version" value="(\d+)"/.exec(edit.text)![1]],
        ["title", "Formulartest"],
        ["summary", "Ein Projekt aus dem Formular."],
        ["status", "IN_PROGRESS"],
        ["topics", topic],
        ["sources", source],
        ["aktion", "speichern"],
      ],
    });
    expect(withSource.status, withSource.text.slice(0, 2000)).toBe(303);
    const saved = await browser.request(withSource.location!);
    const published = await browser.request(`/meine-kommune/projekte/${SLUG}/stand`, {
      method: "POST",
      form: {
        csrf: EditorBrowser.csrfOf(saved.text),
        version: /name="version" value="(\d+)"/.exec(saved.text)![1],
        aktion: "veroeffentlichen",
      },
    });
    expect(published.status, published.text.slice(0, 2000)).toBe(303);
    expect((await fetch(`${hub.origin}/projekte/${SLUG}`)).status).toBe(200);
    const history = await browser.request(`/meine-kommune/projekte/${SLUG}/verlauf`);
    expect(history.status).toBe(200);
    expect(history.text).toContain("Veröffentlicht");
    expect(history.text).toContain("Redaktion herten");
    expect(history.text).toContain(source);
  });

  it("shows a colleague's changes beside the editor's input on a conflict, and re-applies the input", async () => {
    const mine = await signedIn();
    const theirs = await signedIn(colleague);
    const myForm = await mine.request(EDIT);
    const seen = /name="version" value="(\d+)"/.exec(myForm.text)![1];
    const theirForm = await theirs.request(EDIT);
    const base = [
      ["summary", "Ein Projekt aus dem Formular."],
      ["status", "IN_PROGRESS"],
      ["topics", topic],
      ["sources", source],
      ["aktion", "speichern"],
    ] as [string, string][];
    const colleagueSaved = await theirs.request(EDIT, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(theirForm.text)],
        ["version", seen],
        ["title", "Titel der Kollegin"],
        ...base,
      ],
    });
    expect(colleagueSaved.status).toBe(303);
    const conflict = await mine.request(EDIT, {
      method: "POST",
      form: [["csrf", EditorBrowser.csrfOf(myForm.text)], ["version", seen], ["title", "Mein Titel"], ...base],
    });
    expect(conflict.status).toBe(409);
    expect(conflict.text).toContain("Inzwischen hat jemand anderes gespeichert");
    expect(conflict.text).toContain("Titel der Kollegin");
    expect(conflict.text).toContain("Kollegin Herten");
    expect(conflict.text).toContain('value="Mein Titel"');
    const newVersion = /name="version" value="(\d+)"/.exec(conflict.text)![1];
    expect(Number(newVersion)).toBeGreaterThan(Number(seen));
    const again = await mine.request(EDIT, {
      method: "POST",
      form: [["csrf", EditorBrowser.csrfOf(conflict.text)], ["version", newVersion], ["title", "Mein Titel"], ...base],
    });
    expect(again.status).toBe(303);
    expect((await mine.request(EDIT)).text).toContain('value="Mein Titel"');
  });

  it("answers another city's editor with 404 on every form route, and changes nothing", async () => {
    const stranger = await signedIn(tokens.editors.ratingen);
    const own = await stranger.request("/meine-kommune/projekte/neu");
    const csrf = EditorBrowser.csrfOf(own.text);
    const before = await contentDigest(hub.db.orm);
    for (const suffix of ["bearbeiten", "vorschau", "verlauf"])
      expect((await stranger.request(`/meine-kommune/projekte/${SLUG}/${suffix}`)).status, suffix).toBe(404);
    for (const suffix of ["bearbeiten", "stand"]) {
      const posted = await stranger.request(`/meine-kommune/projekte/${SLUG}/${suffix}`, {
        method: "POST",
        form: { csrf, version: "99", title: "Übernommen", aktion: suffix === "stand" ? "archivieren" : "speichern" },
      });
      expect(posted.status, suffix).toBe(404);
    }
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("refuses forged, missing and cross-site form secrets and oversized bodies, and keeps an expired editor's input", async () => {
    const browser = await signedIn();
    const form = await browser.request(EDIT);
    const csrf = EditorBrowser.csrfOf(form.text);
    const version = /name="version" value="(\d+)"/.exec(form.text)![1];
    const fields = { version, title: "Gefälscht", summary: "x", status: "STOPPED", aktion: "speichern" };
    const before = await contentDigest(hub.db.orm);
    for (const secret of ["", "falsch", csrf.slice(0, -1) + (csrf.endsWith("A") ? "B" : "A")]) {
      const answer = await browser.request(EDIT, { method: "POST", form: { ...fields, csrf: secret } });
      expect(answer.status).toBe(403);
      expect(answer.text).toContain("nichts wurde gespeichert");
      expect(answer.text).toContain('value="Gefälscht"');
    }
    const crossSite = new EditorBrowser(hub.origin, "https://evil.example");
    for (const [name, value] of browser.jar) crossSite.jar.set(name, value);
    expect((await crossSite.request(EDIT, { method: "POST", form: { ...fields, csrf } })).status).toBe(403);
    expect(
      (
        await crossSite.request(`/meine-kommune/projekte/${SLUG}/stand`, {
          method: "POST",
          form: { csrf, version, aktion: "archivieren" },
        })
      ).status,
    ).toBe(403);
    const huge = await browser.request(EDIT, {
      method: "POST",
      form: { ...fields, csrf, summary: "x".repeat(70_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.text).toContain("zu groß");
    const anonymous = new EditorBrowser(hub.origin);
    const expired = await anonymous.request(EDIT, { method: "POST", form: { ...fields, csrf } });
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('name="eingabe.title" value="Gefälscht"');
    // Another site's post, or one without an Origin, is not carried into the editor's form after sign-in.
    for (const sender of ["https://evil.example", null]) {
      const foreign = await new EditorBrowser(hub.origin, sender).request(EDIT, { method: "POST", form: fields });
      expect(foreign.status).toBe(401);
      expect(foreign.text).not.toContain("eingabe.");
      expect(foreign.text).not.toContain("Gefälscht");
    }
    // A key the API will not look up names no record; an action named like a prototype property is unknown.
    expect((await browser.request(`/meine-kommune/projekte/${"a".repeat(121)}/bearbeiten`)).status).toBe(404);
    const odd = await browser.request(`/meine-kommune/projekte/${SLUG}/stand`, {
      method: "POST",
      form: { csrf, version, aktion: "constructor" },
    });
    expect(odd.status).toBe(400);
    // Another site cannot sign the editor out, not even by clearing the cookie of a browser that did not send it.
    const logout = await new EditorBrowser(hub.origin, "https://evil.example").request("/abmelden", {
      method: "POST",
      form: { csrf: "" },
    });
    expect(logout.status).toBe(403);
    expect(logout.headers.get("set-cookie") ?? "").not.toContain("ikz_sitzung");
    expect(await contentDigest(hub.db.orm)).toEqual(before);
    const resumed = await anonymous.request("/anmelden", {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(expired.text)],
        ["token", tokens.editors.herten],
        ["weiter", EDIT],
        ...Object.entries(fields).map(([name, value]) => [`eingabe.${name}`, value] as [string, string]),
      ],
    });
    expect(resumed.status).toBe(200);
    expect(resumed.text).toContain('name="title" value="Gefälscht"');
    const back = await anonymous.request(EDIT, {
      method: "POST",
      form: [["csrf", EditorBrowser.csrfOf(resumed.text)], ...Object.entries({ ...fields, aktion: "zeigen" })],
    });
    expect(back.status).toBe(200);
    expect(back.text).toContain('value="Gefälscht"');
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("offers the forms of lessons, strategies and sources, each derived from its input type", async () => {
    const browser = await signedIn();
    for (const [segment, label] of [
      ["erfahrungen", "Erfahrung im Wortlaut"],
      ["strategien", "Leitbild oder Motto"],
      ["quellen", "Herausgegeben von"],
    ]) {
      const page = await browser.request(`/meine-kommune/${segment}/neu`);
      expect(page.status, segment).toBe(200);
      expect(page.text, segment).toContain(label);
      expect(textOf(page.text, "feld-title-hilfe") ?? "", segment).toContain("Deutsch");
    }
    expect((await browser.request("/meine-kommune/unbekannt/neu")).status).toBe(404);
  });
});
