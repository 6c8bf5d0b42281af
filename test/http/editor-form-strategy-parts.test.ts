/**
 * The forms of a strategy's parts over HTTP as a browser without JavaScript posts them: fields of action and budget
 * lines (addressed by their global ID, encoded in the path) and indicators with their dated values (a repeatable
 * group): created from the strategy's form, listed there and on "Meine Kommune", edited, previewed on the strategy's
 * page, published, taken back, archived, with their history; every mistake of one submit at its field (a malformed
 * or missing value in a row too) with nothing written; another city's, an unknown or a malformed ID a 404; anonymous
 * callers sent to sign in; forged form secrets refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { contentDigest } from "../support/digest.js";
import { EditorBrowser, signedInEditor } from "../support/editor-browser.js";
import { changed, invalidFields, messageAt, postedFields } from "../support/editor-form-html.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const INDICATOR = `query($city: String!) {
  municipality(slug: $city) { indicators(first: 10) { key name unit betterWhen publicationState version values { id value asOf note sources { key } } } }
}`;

describe("editor forms: a strategy's fields of action, budget lines and indicators", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let browser: EditorBrowser;
  let strategy: string;
  let sources: string[];
  let topic: string;
  let fieldPath = "";
  let budgetPath = "";
  const indicatorPath = "/meine-kommune/kennzahlen/herten-formular-kennzahl";

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const found = await gql(
      hub,
      `{ municipality(slug: "herten") { sources { key } strategies { slug } } topics(first: 1) { nodes { key } } }`,
    );
    strategy = found.data!.municipality.strategies[0].slug;
    sources = found.data!.municipality.sources.map((source: { key: string }) => source.key);
    topic = found.data!.topics.nodes[0].key;
    browser = await signedInEditor(hub.origin, tokens.editors.herten);
  });
  afterAll(() => hub?.close());

  const indicatorOf = async (key: string) =>
    (await gql(hub, INDICATOR, { city: "herten" }, tokens.editors.herten)).data!.municipality.indicators.find(
      (indicator: { key: string }) => indicator.key === key,
    );

  it("sends an anonymous visitor to sign in from every new form", async () => {
    const anonymous = new EditorBrowser(hub.origin);
    for (const segment of ["handlungsfelder", "haushaltsposten", "kennzahlen"]) {
      const answer = await anonymous.request(`/meine-kommune/${segment}/neu`);
      expect(answer.status, segment).toBe(303);
      expect(answer.location).toBe(`/anmelden?weiter=${encodeURIComponent(`/meine-kommune/${segment}/neu`)}`);
    }
  });

  it("offers adding each part on the strategy's form, with the strategy preset on the new form", async () => {
    const page = await browser.request(`/meine-kommune/strategien/${strategy}/bearbeiten`);
    expect(page.status).toBe(200);
    for (const label of ["Handlungsfeld hinzufügen", "Haushaltsposten hinzufügen", "Kennzahl hinzufügen"])
      expect(page.text, label).toContain(label);
    const add = `/meine-kommune/handlungsfelder/neu?strategie=${strategy}`;
    expect(page.text).toContain(`href="${add}"`);
    const form = await browser.request(add);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(new RegExp(`<option value="${strategy}" selected`));
    for (const label of ["Gehört zur Strategie (Pflichtangabe)", "Titel (Pflichtangabe)", "Beschreibung", "Themen"])
      expect(form.text, label).toContain(label);
    expect(form.text).not.toContain('name="municipality"');
  });

  it("creates a field of action from the form, lists it, edits, previews, publishes, takes back and archives it", async () => {
    const add = `/meine-kommune/handlungsfelder/neu?strategie=${strategy}`;
    const form = await browser.request(add);
    const before = await contentDigest(hub.db.orm);
    // Two mistakes at once: no title, an unknown topic.
    const wrong = await browser.request("/meine-kommune/handlungsfelder/neu", {
      method: "POST",
      form: changed(postedFields(form.text), { title: "", topics: "kein-thema", aktion: "speichern" }),
    });
    expect(wrong.status).toBe(400);
    expect(invalidFields(wrong.text)).toEqual(["title", "topics"]);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
    const created = await browser.request("/meine-kommune/handlungsfelder/neu", {
      method: "POST",
      form: changed(postedFields(form.text), {
        title: "Formularfeld <b>fett</b>",
        description: "Aus dem Formular.",
        topics: topic,
        sources: sources[0],
        aktion: "speichern",
      }),
    });
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    const match = /^\/meine-kommune\/handlungsfelder\/([^/]+)\/bearbeiten\?gespeichert=neu$/.exec(created.location!);
    expect(match, created.location!).not.toBeNull();
    // The global ID is encoded for the path: it reads back as the API's ID.
    const id = decodeURIComponent(match![1]);
    expect(encodeURIComponent(id)).toBe(match![1]);
    const node = await gql(
      hub,
      `query($id: ID!) { node(id: $id) { ... on FieldOfAction { title } } }`,
      { id },
      tokens.editors.herten,
    );
    expect(node.data!.node.title).toBe("Formularfeld <b>fett</b>");
    fieldPath = `/meine-kommune/handlungsfelder/${match![1]}`;

    const edit = await browser.request(`${fieldPath}/bearbeiten`);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain("Formularfeld &lt;b>fett&lt;/b>");
    expect(edit.text).toContain(`href="/meine-kommune/strategien/${strategy}/bearbeiten"`);
    const strategyForm = await browser.request(`/meine-kommune/strategien/${strategy}/bearbeiten`);
    expect(strategyForm.text).toContain(`href="${fieldPath}/bearbeiten"`);
    const mine = await browser.request("/meine-kommune?art=handlungsfeld");
    expect(mine.status).toBe(200);
    expect(mine.text).toContain("Formularfeld &lt;b>fett&lt;/b>");
    expect(mine.text).toContain(`href="${fieldPath}/bearbeiten"`);

    const saved = await browser.request(`${fieldPath}/bearbeiten`, {
      method: "POST",
      form: changed(postedFields(edit.text), { title: "Formularfeld geändert", aktion: "speichern" }),
    });
    expect(saved.status, saved.text.slice(0, 2000)).toBe(303);
    const preview = await browser.request(`${fieldPath}/vorschau`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Vorschau");
    expect(preview.text).toContain("Formularfeld geändert");
    // The public does not see the draft yet.
    expect(
      (await fetch(`${hub.origin}/strategien/${strategy}`).then((r) => r.text())).includes("Formularfeld geändert"),
    ).toBe(false);
    const stateOf = async () =>
      (
        await gql(
          hub,
          `query($id: ID!) { node(id: $id) { ... on FieldOfAction { publicationState version } } }`,
          { id },
          tokens.editors.herten,
        )
      ).data!.node as { publicationState: string; version: number };
    const act = async (aktion: string) => {
      const page = await browser.request(`${fieldPath}/bearbeiten`);
      const version = /name="version" value="(\d+)"/.exec(page.text)![1];
      return browser.request(`${fieldPath}/stand`, {
        method: "POST",
        form: { csrf: EditorBrowser.csrfOf(page.text), version, aktion },
      });
    };
    expect((await act("veroeffentlichen")).status).toBe(303);
    expect((await stateOf()).publicationState).toBe("PUBLISHED");
    const history = await browser.request(`${fieldPath}/verlauf`);
    expect(history.status).toBe(200);
    expect(history.text).toContain("Formularfeld geändert");
    expect((await act("zurueckziehen")).status).toBe(303);
    expect((await stateOf()).publicationState).toBe("DRAFT");
    expect((await act("archivieren")).status).toBe(303);
    expect((await stateOf()).publicationState).toBe("ARCHIVED");
  });

  it("creates a budget line, shows its mistakes at their fields at once, and previews it in the strategy's budget", async () => {
    const form = await browser.request(`/meine-kommune/haushaltsposten/neu?strategie=${strategy}`);
    expect(form.status).toBe(200);
    for (const label of ["Haushaltsjahr (Pflichtangabe)", "Betrag in Euro (Pflichtangabe)", "Art der Ausgabe"])
      expect(form.text, label).toContain(label);
    const before = await contentDigest(hub.db.orm);
    const wrong = await browser.request("/meine-kommune/haushaltsposten/neu", {
      method: "POST",
      form: changed(postedFields(form.text), {
        year: "1700",
        amount: "5000",
        category: "INVESTMENT",
        description: "",
        sources: "keine-quelle",
        aktion: "speichern",
      }),
    });
    expect(wrong.status).toBe(400);
    expect(invalidFields(wrong.text)).toEqual(["description", "sources", "year"]);
    expect(wrong.text).toContain("3 Angaben sind zu prüfen");
    // A malformed amount is named at its field, in German.
    const malformed = await browser.request("/meine-kommune/haushaltsposten/neu", {
      method: "POST",
      form: changed(postedFields(form.text), {
        year: "2025",
        amount: "1.234,5,6",
        category: "INVESTMENT",
        description: "Falscher Betrag",
        aktion: "speichern",
      }),
    });
    expect(malformed.status).toBe(400);
    expect(invalidFields(malformed.text)).toContain("amount");
    expect(messageAt(malformed.text, "amount")).toMatch(/1234\.50/);
    expect(await contentDigest(hub.db.orm)).toEqual(before);

    const created = await browser.request("/meine-kommune/haushaltsposten/neu", {
      method: "POST",
      form: changed(postedFields(form.text), {
        year: "2031",
        amount: "98765,43",
        category: "INVESTMENT",
        description: "Formularposten",
        aktion: "speichern",
      }),
    });
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    budgetPath = created.location!.replace(/\/bearbeiten\?gespeichert=neu$/, "");
    const edit = await browser.request(`${budgetPath}/bearbeiten`);
    expect(edit.status).toBe(200);
    expect(edit.text).toMatch(/name="amount"[^>]*value="98765.43"/);
    const preview = await browser.request(`${budgetPath}/vorschau`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Formularposten");
    expect(preview.text).toContain("2031");
    expect((await browser.request(`${budgetPath}/verlauf`)).status).toBe(200);
    expect((await browser.request("/meine-kommune?art=haushaltsposten")).text).toContain("2031: Formularposten");
  });

  it("shows an indicator's mistakes, a malformed and a missing value in its rows among them, at once, writing nothing", async () => {
    const form = await browser.request(`/meine-kommune/kennzahlen/neu?strategie=${strategy}`);
    expect(form.status).toBe(200);
    for (const label of [
      "Was gemessen wird (Pflichtangabe)",
      "Einheit (Pflichtangabe)",
      "Werte",
      "Stichtag (Pflichtangabe)",
    ])
      expect(form.text, label).toContain(label);
    expect(form.text).toContain("Höher ist besser");
    expect(form.text).toMatch(/<input type="hidden" name="values\[0\]\.id" value[ />]/);
    const before = await contentDigest(hub.db.orm);
    const answer = await browser.request("/meine-kommune/kennzahlen/neu", {
      method: "POST",
      form: changed(postedFields(form.text), {
        key: "Falsch Geschrieben!",
        name: "",
        unit: "Prozesse",
        "values[0].value": "12,3,4",
        "values[0].asOf": "2023",
        "values[1].value": "5",
        "values[1].asOf": "2023-13",
        "values[2].value": "",
        "values[2].asOf": "2024",
        "values[2].note": "<script>alert(1)</script>",
        aktion: "speichern",
      }),
    });
    expect(answer.status).toBe(400);
    expect(invalidFields(answer.text)).toEqual(
      ["key", "name", "values-0-value", "values-1-asOf", "values-2-value"].sort(),
    );
    expect(answer.text).toContain("5 Angaben sind zu prüfen");
    expect(messageAt(answer.text, "values-0-value")).toMatch(/Zahl/);
    expect(messageAt(answer.text, "values-1-asOf")).toMatch(/2021-08/);
    expect(messageAt(answer.text, "values-2-value")).toMatch(/ausfüllen/);
    expect(messageAt(answer.text, "key")).toMatch(/Kleinbuchstaben/);
    expect(answer.text).toContain("Werte, Zeile 2: Stichtag");
    expect(answer.text).toMatch(/name="values\[0\]\.value"[^>]*value="12,3,4"/);
    expect(answer.text).not.toContain("<script>alert(1)");
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("creates an indicator with dated values, changes, removes and adds values in one save, and keeps them on a save without changes", async () => {
    const form = await browser.request(`/meine-kommune/kennzahlen/neu?strategie=${strategy}`);
    const created = await browser.request("/meine-kommune/kennzahlen/neu", {
      method: "POST",
      form: changed(postedFields(form.text), {
        key: "herten-formular-kennzahl",
        name: "Digitale Verfahren",
        unit: "Verfahren",
        betterWhen: "HIGHER",
        sources: sources[1],
        "values[0].value": "12",
        "values[0].asOf": "2022",
        "values[0].sources": sources[0],
        "values[1].value": "17,5",
        "values[1].asOf": "2023-06",
        "values[1].note": "laut Bericht",
        aktion: "speichern",
      }),
    });
    expect(created.status, created.text.slice(0, 3000)).toBe(303);
    expect(created.location).toBe(`${indicatorPath}/bearbeiten?gespeichert=neu`);
    const indicator = await indicatorOf("herten-formular-kennzahl");
    expect(indicator).toMatchObject({ name: "Digitale Verfahren", unit: "Verfahren", betterWhen: "HIGHER" });
    expect(indicator.values.map((value: { value: number; asOf: string }) => [value.value, value.asOf])).toEqual([
      [12, "2022"],
      [17.5, "2023-06"],
    ]);
    expect(indicator.values[0].sources).toEqual([{ key: sources[0] }]);
    // Listed on the strategy's form and on "Meine Kommune".
    expect((await browser.request(`/meine-kommune/strategien/${strategy}/bearbeiten`)).text).toContain(
      `href="${indicatorPath}/bearbeiten"`,
    );
    expect((await browser.request("/meine-kommune?art=kennzahl")).text).toContain("Digitale Verfahren");

    const edit = await browser.request(`${indicatorPath}/bearbeiten`);
    expect(edit.status).toBe(200);
    expect(edit.text).toMatch(new RegExp(`<option value="${strategy}" selected`));
    const unchanged = await browser.request(`${indicatorPath}/bearbeiten`, {
      method: "POST",
      form: [...postedFields(edit.text), ["aktion", "speichern"]],
    });
    expect(unchanged.status, unchanged.text.slice(0, 3000)).toBe(303);
    expect((await indicatorOf("herten-formular-kennzahl")).values).toEqual(indicator.values);

    const again = await browser.request(`${indicatorPath}/bearbeiten`);
    const saved = await browser.request(`${indicatorPath}/bearbeiten`, {
      method: "POST",
      form: changed(postedFields(again.text), {
        "values[0].value": "13",
        "values[1].entfernen": "ja",
        "values[2].value": "21",
        "values[2].asOf": "2024",
        aktion: "speichern",
      }),
    });
    expect(saved.status, saved.text.slice(0, 3000)).toBe(303);
    const after = await indicatorOf("herten-formular-kennzahl");
    expect(after.values.map((value: { value: number; asOf: string }) => [value.value, value.asOf])).toEqual([
      [13, "2022"],
      [21, "2024"],
    ]);
    expect(after.values[0].id).toBe(indicator.values[0].id);
    expect(after.values[0].sources).toEqual([{ key: sources[0] }]);

    const preview = await browser.request(`${indicatorPath}/vorschau`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Digitale Verfahren");
    expect((await browser.request(`${indicatorPath}/verlauf`)).status).toBe(200);
    const page = await browser.request(`${indicatorPath}/bearbeiten`);
    const published = await browser.request(`${indicatorPath}/stand`, {
      method: "POST",
      form: {
        csrf: EditorBrowser.csrfOf(page.text),
        version: /name="version" value="(\d+)"/.exec(page.text)![1],
        aktion: "veroeffentlichen",
      },
    });
    expect(published.status, published.text.slice(0, 2000)).toBe(303);
    expect((await indicatorOf("herten-formular-kennzahl")).publicationState).toBe("PUBLISHED");
  });

  it("answers another city's editor, an unknown, a malformed and another type's ID with 404, and refuses forged secrets, changing nothing", async () => {
    expect(fieldPath && budgetPath).toBeTruthy();
    const stranger = await signedInEditor(hub.origin, tokens.editors.ratingen);
    const csrf = EditorBrowser.csrfOf((await stranger.request("/meine-kommune")).text);
    const project = (await gql(hub, `{ projects(filter: { municipalities: ["herten"] }, first: 1) { nodes { id } } }`))
      .data!.projects.nodes[0].id as string;
    const before = await contentDigest(hub.db.orm);
    for (const path of [fieldPath, budgetPath, indicatorPath]) {
      for (const suffix of ["bearbeiten", "vorschau", "verlauf"])
        expect((await stranger.request(`${path}/${suffix}`)).status, `${path}/${suffix}`).toBe(404);
      for (const suffix of ["bearbeiten", "stand"])
        expect(
          (
            await stranger.request(`${path}/${suffix}`, {
              method: "POST",
              form: {
                csrf,
                version: "1",
                title: "Übernommen",
                aktion: suffix === "stand" ? "archivieren" : "speichern",
              },
            })
          ).status,
          `${path}/${suffix}`,
        ).toBe(404);
    }
    // A part hung on Herten's strategy by Ratingen's editor: refused on the form with why, nothing written.
    const hung = await stranger.request("/meine-kommune/handlungsfelder/neu", {
      method: "POST",
      form: { csrf, strategy, title: "Übernommen", aktion: "speichern" },
    });
    expect(hung.status).toBe(400);
    expect(hung.text).toContain("anderen Kommune");
    for (const id of [encodeURIComponent(project), "kein-id", encodeURIComponent("x".repeat(500)), "%2F..%2F"]) {
      expect((await browser.request(`/meine-kommune/handlungsfelder/${id}/bearbeiten`)).status, id).toBe(404);
      expect((await browser.request(`/meine-kommune/haushaltsposten/${id}/vorschau`)).status, id).toBe(404);
    }
    expect((await browser.request("/meine-kommune/kennzahlen/herten-gibt-es-nicht/bearbeiten")).status).toBe(404);
    // A forged or missing form secret: refused, the input kept.
    const page = await browser.request(`${budgetPath}/bearbeiten`);
    for (const secret of ["", "falsch"]) {
      const answer = await browser.request(`${budgetPath}/bearbeiten`, {
        method: "POST",
        form: changed(postedFields(page.text), { csrf: secret, description: "Gefälscht", aktion: "speichern" }),
      });
      expect(answer.status).toBe(403);
      expect(answer.text).toContain("Gefälscht");
      const state = await browser.request(`${indicatorPath}/stand`, {
        method: "POST",
        form: { csrf: secret, version: "1", aktion: "archivieren" },
      });
      expect(state.status).toBe(403);
    }
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });
});
