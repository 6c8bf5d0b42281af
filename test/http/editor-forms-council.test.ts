/**
 * The editor forms of council decisions and engagements over HTTP (issue 14): created with mistakes (each shown at
 * its field at once, the input kept, nothing written), saved as drafts, previewed on the city page, published only
 * with a published source, taken back, archived, listed on "Meine Kommune" and in the history; another city's URL is
 * a 404, an anonymous visitor goes to sign-in, forged or missing form secrets and oversized bodies change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { contentDigest } from "../support/digest.js";
import { EditorBrowser, signedInEditor } from "../support/editor-browser.js";
import { invalidFields } from "../support/editor-form-html.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const DECISIONS = "/meine-kommune/beschluesse";
const KEY = "24-001-rat-2024-02-14";
const EDIT = `${DECISIONS}/${KEY}/bearbeiten`;
const ENGAGEMENTS = "/meine-kommune/beauftragungen";
const SOURCE = "herten-vorlage-18-203";

const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1];

describe("editor forms of council decisions and engagements", () => {
  let hub: TestHub;
  let tokens: TestTokens;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  const signedIn = (token = tokens.editors.herten) => signedInEditor(hub.origin, token);
  const publicDecisions = async () =>
    (
      await gql(hub, `{ municipality(slug: "herten") { decisions(first: 100) { key } } }`)
    ).data!.municipality.decisions.map((decision: { key: string }) => decision.key);

  it("sends an anonymous visitor to sign in, on both kinds", async () => {
    for (const path of [`${DECISIONS}/neu`, `${ENGAGEMENTS}/neu`, `${DECISIONS}/17-137/bearbeiten`]) {
      const answer = await new EditorBrowser(hub.origin).request(path);
      expect(answer.status, path).toBe(303);
      expect(answer.location).toBe(`/anmelden?weiter=${encodeURIComponent(path)}`);
    }
  });

  it("shows a decision's fields with German labels, the outcomes and the sources to pick", async () => {
    const form = await (await signedIn()).request(`${DECISIONS}/neu`);
    expect(form.status).toBe(200);
    expect(form.text).toContain("Neuer Beschluss");
    for (const label of [
      "Betreff (Pflichtangabe)",
      "Schlüssel (Pflichtangabe)",
      "Gremium (Pflichtangabe)",
      "Ergebnis (Pflichtangabe)",
      "Drucksachennummer",
      "Sitzungsdatum",
      "Was beschlossen wurde",
      "Quellen",
      "Redaktionelle Anmerkung",
    ])
      expect(form.text, label).toContain(label);
    expect(form.text).not.toContain("Erfahrung im Wortlaut");
    expect(form.text).toContain("Geändert beschlossen");
    expect(form.text).toMatch(new RegExp(`<select[^>]*name="sources"[^>]*multiple`));
    expect(form.text).toContain(`value="${SOURCE}"`);
    expect(form.text).not.toContain('name="municipality"');
  });

  it("shows every mistake of a decision at its field after one submit, keeps the input, and writes nothing", async () => {
    const browser = await signedIn();
    const form = await browser.request(`${DECISIONS}/neu`);
    const before = await contentDigest(hub.db.orm);
    const answer = await browser.request(`${DECISIONS}/neu`, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(form.text)],
        ["key", "Falscher Schlüssel!"],
        ["title", "<script>alert(1)</script>"],
        ["body", "Rat\u202E"],
        ["reference", "x".repeat(61)],
        ["outcome", "ADOPTED"],
        ["sources", "gibt-es-nicht"],
        ["aktion", "speichern"],
      ],
    });
    expect(answer.status).toBe(400);
    expect(invalidFields(answer.text)).toEqual(["body", "key", "reference", "sources"]);
    expect(answer.text).toContain("4 Angaben sind zu prüfen");
    expect(answer.text).toContain('value="Falscher Schlüssel!"');
    expect(answer.text).toContain('value="&lt;script>alert(1)&lt;/script>"');
    expect(answer.text).not.toContain("<script>alert(1)");
    // The summary names the decision's own labels.
    expect(answer.text).toMatch(/href="#feld-body">Gremium</);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("creates a decision as a draft, previews it on the city page, publishes it with a source, and lists it", async () => {
    const browser = await signedIn();
    const form = await browser.request(`${DECISIONS}/neu`);
    const created = await browser.request(`${DECISIONS}/neu`, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(form.text)],
        ["key", KEY],
        ["title", "Beitritt zum Zweckverband Digitales Revier"],
        ["body", "Rat der Stadt Herten"],
        ["reference", "24/001"],
        ["date", "2024-02-14"],
        ["outcome", "ADOPTED"],
        ["description", "Der Rat beschließt den Beitritt."],
        ["aktion", "speichern"],
      ],
    });
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    expect(created.location).toBe(`${EDIT}?gespeichert=neu`);
    const edit = await browser.request(created.location!);
    expect(edit.text).toContain("Als Entwurf gespeichert.");
    expect(edit.text).toContain("Beschluss bearbeiten: Beitritt zum Zweckverband Digitales Revier");
    expect(edit.text).toMatch(/<option[^>]*value="ADOPTED"[^>]*selected/);
    expect(await publicDecisions()).not.toContain(KEY);

    const preview = await browser.request(`${DECISIONS}/${KEY}/vorschau`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Vorschau");
    expect(preview.text).toContain("Ratsbeschlüsse");
    expect(preview.text).toContain("Beitritt zum Zweckverband Digitales Revier");

    const refused = await browser.request(`${DECISIONS}/${KEY}/stand`, {
      method: "POST",
      form: { csrf: EditorBrowser.csrfOf(edit.text), version: versionOf(edit.text), aktion: "veroeffentlichen" },
    });
    expect(refused.status).toBe(400);
    expect(invalidFields(refused.text)).toEqual(["sources"]);
    const cited = await browser.request(EDIT, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(edit.text)],
        ["version", versionOf(edit.text)],
        ["title", "Beitritt zum Zweckverband Digitales Revier"],
        ["body", "Rat der Stadt Herten"],
        ["reference", "24/001"],
        ["date", "2024-02-14"],
        ["outcome", "ADOPTED_WITH_CHANGES"],
        ["description", "Der Rat beschließt den Beitritt."],
        ["sources", SOURCE],
        ["aktion", "speichern"],
      ],
    });
    expect(cited.status, cited.text.slice(0, 2000)).toBe(303);
    const saved = await browser.request(cited.location!);
    const published = await browser.request(`${DECISIONS}/${KEY}/stand`, {
      method: "POST",
      form: { csrf: EditorBrowser.csrfOf(saved.text), version: versionOf(saved.text), aktion: "veroeffentlichen" },
    });
    expect(published.status, published.text.slice(0, 2000)).toBe(303);
    expect(await publicDecisions()).toContain(KEY);
    const city = await fetch(`${hub.origin}/kommunen/herten`);
    expect(await city.text()).toContain("Beitritt zum Zweckverband Digitales Revier");

    const mine = await browser.request("/meine-kommune");
    expect(mine.text).toContain(`href="${EDIT}"`);
    expect(mine.text).toContain("Beschluss");
    const history = await browser.request(`${DECISIONS}/${KEY}/verlauf`);
    expect(history.status).toBe(200);
    expect(history.text).toContain("Veröffentlicht");
    expect(history.text).toContain("Gremium");
    expect(history.text).toContain("Ergebnis");
    expect(history.text).toContain(SOURCE);

    const afterPublish = await browser.request(EDIT);
    const back = await browser.request(`${DECISIONS}/${KEY}/stand`, {
      method: "POST",
      form: {
        csrf: EditorBrowser.csrfOf(afterPublish.text),
        version: versionOf(afterPublish.text),
        aktion: "zurueckziehen",
      },
    });
    expect(back.status).toBe(303);
    expect(await publicDecisions()).not.toContain(KEY);
    const draft = await browser.request(EDIT);
    const archived = await browser.request(`${DECISIONS}/${KEY}/stand`, {
      method: "POST",
      form: { csrf: EditorBrowser.csrfOf(draft.text), version: versionOf(draft.text), aktion: "archivieren" },
    });
    expect(archived.status).toBe(303);
    expect((await browser.request(archived.location!)).text).toContain("Archiviert.");
  });

  it("answers another city's editor with 404 on every route of a decision and an engagement, and changes nothing", async () => {
    const engagementId = (
      await gql(hub, `{ municipality(slug: "herten") { engagements(first: 1) { id } } }`, {}, tokens.editors.herten)
    ).data!.municipality.engagements[0].id;
    const stranger = await signedIn(tokens.editors.ratingen);
    const csrf = EditorBrowser.csrfOf((await stranger.request(`${DECISIONS}/neu`)).text);
    const before = await contentDigest(hub.db.orm);
    for (const base of [`${DECISIONS}/17-137`, `${ENGAGEMENTS}/${engagementId}`]) {
      for (const suffix of ["bearbeiten", "vorschau", "verlauf"])
        expect((await stranger.request(`${base}/${suffix}`)).status, `${base}/${suffix}`).toBe(404);
      for (const suffix of ["bearbeiten", "stand"]) {
        const posted = await stranger.request(`${base}/${suffix}`, {
          method: "POST",
          form: { csrf, version: "1", title: "Übernommen", aktion: suffix === "stand" ? "archivieren" : "speichern" },
        });
        expect(posted.status, `${base}/${suffix}`).toBe(404);
      }
    }
    // An ID that is no engagement's, or is malformed, names nothing either.
    for (const id of ["RGVjaXNpb246MQ", "%3Cscript%3E", "x".repeat(300)])
      expect((await stranger.request(`${ENGAGEMENTS}/${id}/bearbeiten`)).status, id).toBe(404);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("refuses forged and missing form secrets and oversized bodies on a decision, and keeps an expired editor's input", async () => {
    const browser = await signedIn();
    const form = await browser.request(`${DECISIONS}/17-137/bearbeiten`);
    expect(form.status).toBe(200);
    const csrf = EditorBrowser.csrfOf(form.text);
    const fields = {
      version: versionOf(form.text),
      title: "Gefälscht",
      body: "Rat",
      outcome: "REJECTED",
      aktion: "speichern",
    };
    const before = await contentDigest(hub.db.orm);
    for (const secret of ["", "falsch"]) {
      const answer = await browser.request(`${DECISIONS}/17-137/bearbeiten`, {
        method: "POST",
        form: { ...fields, csrf: secret },
      });
      expect(answer.status).toBe(403);
      expect(answer.text).toContain('value="Gefälscht"');
      const state = await browser.request(`${DECISIONS}/17-137/stand`, {
        method: "POST",
        form: { csrf: secret, version: fields.version, aktion: "archivieren" },
      });
      expect(state.status).toBe(403);
    }
    const huge = await browser.request(`${DECISIONS}/17-137/bearbeiten`, {
      method: "POST",
      form: { ...fields, csrf, description: "x".repeat(70_000) },
    });
    expect(huge.status).toBe(413);
    const expired = await new EditorBrowser(hub.origin).request(`${DECISIONS}/17-137/bearbeiten`, {
      method: "POST",
      form: { ...fields, csrf },
    });
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('name="eingabe.title" value="Gefälscht"');
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("creates an engagement (provider and role picked), shows its mistakes at their fields, previews and publishes it", async () => {
    const browser = await signedIn();
    const form = await browser.request(`${ENGAGEMENTS}/neu`);
    expect(form.status).toBe(200);
    for (const label of [
      "Anbieter (Pflichtangabe)",
      "Rolle (Pflichtangabe)",
      "Was der Anbieter tut (Pflichtangabe)",
      "Seit",
    ])
      expect(form.text, label).toContain(label);
    expect(form.text).toMatch(/<select[^>]*name="provider"/);
    expect(form.text).toMatch(/<option[^>]*value="ekom21"[^>]*>ekom21/);
    expect(form.text).toContain("IT-Betrieb");
    const csrf = EditorBrowser.csrfOf(form.text);
    const before = await contentDigest(hub.db.orm);
    const wrong = await browser.request(`${ENGAGEMENTS}/neu`, {
      method: "POST",
      form: [
        ["csrf", csrf],
        ["provider", "gibt-es-nicht"],
        ["role", "CONSULTING"],
        ["description", "  "],
        ["sources", "fehlt"],
        ["aktion", "speichern"],
      ],
    });
    expect(wrong.status).toBe(400);
    expect(invalidFields(wrong.text)).toEqual(["description", "provider", "sources"]);
    expect(wrong.text).toContain('value="gibt-es-nicht"');
    expect(await contentDigest(hub.db.orm)).toEqual(before);

    const created = await browser.request(`${ENGAGEMENTS}/neu`, {
      method: "POST",
      form: [
        ["csrf", csrf],
        ["provider", "ekom21"],
        ["role", "TRAINING"],
        ["since", "2023-09"],
        ["description", "Schult die Beschäftigten in der E-Akte."],
        ["aktion", "speichern"],
      ],
    });
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    const location = created.location!;
    expect(location).toMatch(new RegExp(`^${ENGAGEMENTS}/[A-Za-z0-9_-]+/bearbeiten\\?gespeichert=neu$`));
    const edit = await browser.request(location);
    expect(edit.text).toContain("Beauftragung bearbeiten: ekom21 – Schulung");
    const base = location.replace(/\/bearbeiten\?.*$/, "");
    const twice = await browser.request(`${ENGAGEMENTS}/neu`, {
      method: "POST",
      form: [
        ["csrf", csrf],
        ["provider", "ekom21"],
        ["role", "TRAINING"],
        ["description", "Noch einmal."],
        ["aktion", "speichern"],
      ],
    });
    expect(twice.status).toBe(400);
    expect(invalidFields(twice.text)).toEqual(["role"]);

    const preview = await browser.request(`${base}/vorschau`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Schult die Beschäftigten in der E-Akte.");
    const refused = await browser.request(`${base}/stand`, {
      method: "POST",
      form: { csrf, version: versionOf(edit.text), aktion: "veroeffentlichen" },
    });
    expect(invalidFields(refused.text)).toEqual(["sources"]);
    const cited = await browser.request(`${base}/bearbeiten`, {
      method: "POST",
      form: [
        ["csrf", csrf],
        ["version", versionOf(edit.text)],
        ["since", "2023-09"],
        ["description", "Schult die Beschäftigten in der E-Akte."],
        ["sources", SOURCE],
        ["aktion", "speichern"],
      ],
    });
    expect(cited.status, cited.text.slice(0, 2000)).toBe(303);
    const saved = await browser.request(cited.location!);
    const published = await browser.request(`${base}/stand`, {
      method: "POST",
      form: { csrf, version: versionOf(saved.text), aktion: "veroeffentlichen" },
    });
    expect(published.status).toBe(303);
    const engagements = (
      await gql(hub, `{ municipality(slug: "herten") { engagements(first: 100) { role provider { slug } } } }`)
    ).data!.municipality.engagements;
    expect(engagements).toContainEqual({ role: "TRAINING", provider: { slug: "ekom21" } });
    const mine = await browser.request("/meine-kommune");
    expect(mine.text).toContain("ekom21 – Schulung");
    expect(mine.text).toContain(`href="${base}/bearbeiten"`);
    const history = await browser.request(`${base}/verlauf`);
    expect(history.text).toContain("Was der Anbieter tut");
  });

  it("links a strategy to the city's decisions with a picker", async () => {
    const browser = await signedIn();
    const path = "/meine-kommune/strategien/herten-it-digitalisierungsstrategie/bearbeiten";
    const form = await browser.request(path);
    expect(form.text).toContain("Ratsbeschlüsse");
    expect(form.text).toMatch(/<option[^>]*value="18-203-rat-2018-11-28"[^>]*selected/);
    expect(form.text).toMatch(/<option[^>]*value="17-137"/);
  });
});
