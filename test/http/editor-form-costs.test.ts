/**
 * A project's costs in the editor form, over HTTP as a browser without JavaScript posts it: rows with German labels,
 * each carrying its cost item's id as a hidden field and its own sources; created, changed, removed ("Entfernen")
 * and added in one save; a row's mistakes shown at that row's fields, all at once, with nothing written; and a
 * save that touches no cost keeps every cost item, its id, sources and note exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { contentDigest, digestOf } from "../support/digest.js";
import { type EditorBrowser, signedInEditor } from "../support/editor-browser.js";
import { citableIn } from "../support/editor-data.js";
import { changed, postedFields } from "../support/editor-form-html.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const NEW = "/meine-kommune/projekte/neu";
const SLUG = "herten-kosten-formular";
const EDIT = `/meine-kommune/projekte/${SLUG}/bearbeiten`;

const COSTS = `query($slug: String!) {
  project(slug: $slug) { version costs { id amount currency kind period description note sources { key } } }
}`;

interface Cost {
  id: string;
  amount: string;
  currency: string;
  kind: string;
  period: string;
  description: string;
  note: string | null;
  sources: { key: string }[];
}

describe("editor form: a project's costs", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let sources: string[];
  let topic: string;
  let browser: EditorBrowser;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    ({ sources, topic } = await citableIn(hub));
    browser = await signedInEditor(hub.origin, tokens.editors.herten);
  });
  afterAll(() => hub?.close());

  /** The digest of the cost items and their sources' pivot. */
  const costDigest = () => digestOf(hub.db.orm, ["cost_item", "cost_item_sources"]);
  const costsOf = async (): Promise<Cost[]> =>
    (await gql(hub, COSTS, { slug: SLUG }, tokens.editors.herten)).data!.project.costs;

  it("has at least two sources of the city to cite", () => {
    expect(sources.length).toBeGreaterThanOrEqual(2);
  });

  it("shows a cost row with German labels, the period's German values and a hidden id, and creates two costs", async () => {
    const form = await browser.request(NEW);
    expect(form.status).toBe(200);
    for (const label of ["Kosten", "Betrag (Pflichtangabe)", "Währung", "Art des Betrags", "Zeitraum (Pflichtangabe)"])
      expect(form.text, label).toContain(label);
    for (const label of ["Wofür (Pflichtangabe)", "Anmerkung zum Betrag", "Quellen des Betrags", "Entfernen"])
      expect(form.text, label).toContain(label);
    expect(form.text).toMatch(/<option value="ONE_OFF"[^>]*>einmalig</);
    expect(form.text).toMatch(/<option value="COMPARISON"[^>]*>Vergleichswert</);
    expect(form.text).toMatch(/<input type="hidden" name="costs\[0\]\.id" value[ />]/);
    expect(form.text).not.toMatch(/type="text"[^>]*name="costs\[0\]\.id"|name="costs\[0\]\.id"[^>]*type="text"/);
    expect(form.text).toMatch(/<select[^>]*name="costs\[0\]\.sources"[^>]*multiple/);
    const posted = changed(postedFields(form.text), {
      slug: SLUG,
      title: "Kosten im Formular",
      summary: "Ein Projekt mit Kosten aus dem Formular.",
      status: "IN_PROGRESS",
      topics: topic,
      "costs[0].amount": "1234,50",
      "costs[0].period": "ONE_OFF",
      "costs[0].description": "Einführung",
      "costs[0].note": "laut Vorlage",
      "costs[0].sources": [sources[0], sources[1]],
      "costs[1].amount": "99",
      "costs[1].currency": "EUR",
      "costs[1].kind": "COMPARISON",
      "costs[1].period": "ANNUAL",
      "costs[1].description": "Vergleich mit dem alten Verfahren",
      // A blank third row, as the "Weitere Zeile" button leaves one: not sent.
      "costs[2].amount": "",
      "costs[2].description": "",
      aktion: "speichern",
    });
    const created = await browser.request(NEW, { method: "POST", form: posted });
    expect(created.status, created.text.slice(0, 3000)).toBe(303);
    const costs = await costsOf();
    expect(costs).toHaveLength(2);
    expect(costs[0]).toMatchObject({ amount: "1234.50", currency: "EUR", kind: "COST", period: "ONE_OFF" });
    expect(costs[0]).toMatchObject({ description: "Einführung", note: "laut Vorlage" });
    expect(costs[0].sources.map((source) => source.key).sort()).toEqual([sources[0], sources[1]].sort());
    expect(costs[1]).toMatchObject({ amount: "99.00", kind: "COMPARISON", period: "ANNUAL", sources: [] });
  });

  it("shows each cost as a row with its id hidden and its sources selected", async () => {
    const costs = await costsOf();
    const form = await browser.request(EDIT);
    expect(form.status).toBe(200);
    costs.forEach((cost, index) =>
      expect(form.text).toContain(`<input type="hidden" name="costs[${index}].id" value="${cost.id}"`),
    );
    expect(form.text).toMatch(/name="costs\[0\]\.amount"[^>]*value="1234.50"/);
    const rowSources = /<select[^>]*name="costs\[0\]\.sources"[^>]*>([\s\S]*?)<\/select>/.exec(form.text)![1];
    for (const key of [sources[0], sources[1]])
      expect(rowSources).toMatch(new RegExp(`<option value="${key}" selected`));
    // Two rows and one blank one to add.
    expect(form.text).toContain('name="costs[2].amount"');
    expect(form.text).not.toContain('name="costs[3].amount"');
  });

  it("keeps every cost exactly when the form is saved without touching them", async () => {
    const before = await costDigest();
    const costs = await costsOf();
    const form = await browser.request(EDIT);
    const saved = await browser.request(EDIT, {
      method: "POST",
      form: [...postedFields(form.text), ["aktion", "speichern"]],
    });
    expect(saved.status, saved.text.slice(0, 3000)).toBe(303);
    expect(await costDigest()).toEqual(before);
    expect(await costsOf()).toEqual(costs);
  });

  it("keeps the costs when a post carries no cost row at all (not from this form)", async () => {
    const before = await costDigest();
    const form = await browser.request(EDIT);
    const withoutCosts = postedFields(form.text).filter(([name]) => !name.startsWith("costs["));
    const saved = await browser.request(EDIT, { method: "POST", form: [...withoutCosts, ["aktion", "speichern"]] });
    expect(saved.status).toBe(303);
    expect(await costDigest()).toEqual(before);
  });

  it("changes one amount, removes one cost and adds one in a single save, keeping the changed one's sources", async () => {
    const [first, second] = await costsOf();
    const form = await browser.request(EDIT);
    const posted = changed(postedFields(form.text), {
      "costs[0].amount": "1500.00",
      "costs[1].entfernen": "ja",
      "costs[2].amount": "40",
      "costs[2].period": "MONTHLY",
      "costs[2].description": "Wartung",
      "costs[2].sources": sources[1],
      aktion: "speichern",
    });
    const saved = await browser.request(EDIT, { method: "POST", form: posted });
    expect(saved.status, saved.text.slice(0, 3000)).toBe(303);
    const costs = await costsOf();
    expect(costs).toHaveLength(2);
    expect(costs[0]).toEqual({ ...first, amount: "1500.00" });
    expect(costs[1]).toMatchObject({ amount: "40.00", period: "MONTHLY", description: "Wartung" });
    expect(costs[1].sources).toEqual([{ key: sources[1] }]);
    expect(costs.map((cost) => cost.id)).not.toContain(second.id);
    // The removed item is gone, not only unlisted.
    expect(
      (await gql(hub, `query($id: ID!) { node(id: $id) { id } }`, { id: second.id })).data?.node ?? null,
    ).toBeNull();
  });

  it("removes a cost whose row is cleared", async () => {
    const [, added] = await costsOf();
    const form = await browser.request(EDIT);
    const cleared = Object.fromEntries(
      ["amount", "currency", "kind", "period", "description", "note", "sources"].map((field) => [
        `costs[1].${field}`,
        field === "sources" ? [] : "",
      ]),
    );
    const saved = await browser.request(EDIT, {
      method: "POST",
      form: [...changed(postedFields(form.text), cleared), ["aktion", "speichern"]],
    });
    expect(saved.status, saved.text.slice(0, 3000)).toBe(303);
    const costs = await costsOf();
    expect(costs.map((cost) => cost.id)).not.toContain(added.id);
    expect(costs).toHaveLength(1);
  });

  it("shows a negative cost, a bad currency and a malformed amount at their rows' fields at once, writing nothing", async () => {
    const before = await contentDigest(hub.db.orm);
    const form = await browser.request(EDIT);
    const posted = changed(postedFields(form.text), {
      "costs[0].amount": "-5",
      "costs[1].amount": "12",
      "costs[1].currency": "euro",
      "costs[1].period": "TOTAL",
      "costs[1].description": "<img src=x onerror=alert(1)>",
      "costs[2].amount": "12,3,4",
      "costs[2].kind": "DIFFERENCE",
      "costs[2].period": "ONE_OFF",
      "costs[2].description": "Einsparung",
      aktion: "speichern",
    });
    const answer = await browser.request(EDIT, { method: "POST", form: posted });
    expect(answer.status).toBe(400);
    const invalid = [...answer.text.matchAll(/id="feld-([\w-]+)"[^>]*aria-invalid="true"/g)].map((match) => match[1]);
    expect(invalid.sort()).toEqual(["costs-0-amount", "costs-1-currency", "costs-2-amount"]);
    expect(answer.text).toContain("3 Angaben sind zu prüfen");
    const messageOf = (id: string) =>
      new RegExp(`id="feld-${id}-fehler"[^>]*>([\\s\\S]*?)</span>`).exec(answer.text)?.[1] ?? "";
    expect(messageOf("costs-0-amount")).toMatch(/Differenz/);
    expect(messageOf("costs-1-currency")).toMatch(/ISO 4217/);
    expect(messageOf("costs-2-amount")).toMatch(/1234\.50/);
    expect(answer.text).toContain('href="#feld-costs-2-amount"');
    expect(answer.text).toContain("Kosten, Zeile 3: Betrag");
    // The input is kept (the hostile text inert), the malformed amount as typed.
    expect(answer.text).toMatch(/name="costs\[2\]\.amount"[^>]*value="12,3,4"/);
    expect(answer.text).toContain("&lt;img src=x onerror=alert(1)>");
    expect(answer.text).not.toContain("<img src=x");
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("shows a malformed amount at its row on the new form too, writing nothing", async () => {
    const before = await contentDigest(hub.db.orm);
    const form = await browser.request(NEW);
    const posted = changed(postedFields(form.text), {
      slug: "herten-kosten-formular-zwei",
      title: "Zweites",
      summary: "Mit einem falschen Betrag.",
      status: "PLANNED",
      "costs[0].amount": "1.234.567,00",
      "costs[0].period": "ONE_OFF",
      "costs[0].description": "Einführung",
      aktion: "speichern",
    });
    const answer = await browser.request(NEW, { method: "POST", form: posted });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/id="feld-costs-0-amount"[^>]*aria-invalid="true"/);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });

  it("refuses another project's cost id in a hidden field at that row, writing nothing", async () => {
    const other = await gql(
      hub,
      `{ projects(filter: { municipalities: ["herten"] }, first: 20) { nodes { slug costs { id } } } }`,
    );
    const foreign = (other.data!.projects.nodes as { slug: string; costs: { id: string }[] }[]).find(
      (node) => node.slug !== SLUG && node.costs.length,
    );
    expect(foreign, "a published project of Herten with costs").toBeDefined();
    const before = await contentDigest(hub.db.orm);
    const form = await browser.request(EDIT);
    const answer = await browser.request(EDIT, {
      method: "POST",
      form: changed(postedFields(form.text), { "costs[0].id": foreign!.costs[0].id, aktion: "speichern" }),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/id="feld-costs-0-amount"[^>]*aria-invalid="true"/);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });
});
