/**
 * Pickers with more than 100 entries (issue 14): a chosen value beyond the first 100 a form loads shows its German
 * name (looked up by key in one document), and a search line per long list ("Quelle suchen", a button of the form
 * itself, no JavaScript) finds any entry by part of its name and offers it in the list, keeping the editor's input.
 * Hostile text shows inert; an oversized text is a clear message, nothing written. The API's lookups behind it:
 * `providers(query:, filter: { slugs })`, `products(query:, slugs:)`, `sources(keys:)`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Product } from "../../schema/product/product.entity.js";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { Source } from "../../schema/source/source.entity.js";
import { contentDigest } from "../support/digest.js";
import { EditorBrowser } from "../support/editor-browser.js";
import { optionsOf } from "../support/editor-form-html.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const MANY = 150;
const number = (n: number) => String(n).padStart(3, "0");
const PROVIDER = `suche-anbieter-${number(MANY)}`;
const PRODUCT = `suche-produkt-${number(MANY)}`;
const SOURCE = `suche-quelle-${number(MANY)}`;
const SLUG = "herten-suche-test";
const EDIT = `/meine-kommune/projekte/${SLUG}/bearbeiten`;

/** The options of the select `name` that are selected: value and shown text. */
const selectedIn = (html: string, name: string) =>
  optionsOf(html, name)
    .filter((option) => option.selected)
    .map(({ value, label }) => ({ value, label }));

/** The values of the options of the select `name`. */
const optionsIn = (html: string, name: string) => optionsOf(html, name).map((option) => option.value);

describe("picker search and names beyond the first 100", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  let topic: string;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
    const em = hub.db.orm.em.fork();
    const start = Date.now();
    for (let n = 1; n <= MANY; n++) {
      const provider = new Provider(
        `suche-anbieter-${number(n)}`,
        `Testanbieter Nummer ${number(n)}`,
        ProviderKind.CONSULTANCY,
        "Berät.",
      );
      const product = new Product(`suche-produkt-${number(n)}`, `Testprodukt Nummer ${number(n)}`, "Hilft.");
      product.vendor = provider as never;
      const source = new Source(`suche-quelle-${number(n)}`, `Testquelle Nummer ${number(n)}`);
      source.publicationState = PublicationState.PUBLISHED;
      // The newest come first in the source picker: number 150 is the oldest, beyond the first 100.
      source.createdAt = new Date(start - n * 60_000);
      em.persist([provider, product, source]);
    }
    await em.flush();
    topic = (await gql(hub, "{ topics(first: 1) { nodes { key } } }")).data!.topics.nodes[0].key;
    const created = await gql(
      hub,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { slug } }`,
      {
        input: {
          municipality: "herten",
          slug: SLUG,
          title: "Suchtest",
          summary: "Ein Projekt mit Einträgen jenseits der ersten 100.",
          status: "IN_PROGRESS",
          topics: [topic],
          providers: [PROVIDER],
          products: [PRODUCT],
          sources: [SOURCE],
        },
      },
      tokens.editors.herten,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  const signedIn = async () => {
    const browser = new EditorBrowser(hub.origin);
    expect((await browser.signIn(tokens.editors.herten)).status).toBe(303);
    return browser;
  };

  it("the API finds providers, products and sources by part of the name and by their keys", async () => {
    const found = await gql(
      hub,
      `{ providers(query: "nummer 150") { nodes { slug } }
         chosen: providers(filter: { slugs: ["${PROVIDER}", "gibt-es-nicht"] }) { nodes { name } }
         products(query: "UMMER 15", first: 100) { nodes { slug vendor { slug } } }
         product(slug: "${PRODUCT}") { name }
         byKey: products(slugs: ["${PRODUCT}"]) { nodes { name } }
         sources(keys: ["${SOURCE}"]) { nodes { title } }
         literal: providers(query: "%") { nodes { slug } } }`,
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.providers.nodes).toEqual([{ slug: PROVIDER }]);
    expect(found.data!.chosen.nodes).toEqual([{ name: "Testanbieter Nummer 150" }]);
    expect(found.data!.products.nodes.map((p: { slug: string }) => p.slug)).toContain(PRODUCT);
    expect(found.data!.products.nodes).toHaveLength(1);
    expect(found.data!.product).toEqual({ name: "Testprodukt Nummer 150" });
    expect(found.data!.byKey.nodes).toEqual([{ name: "Testprodukt Nummer 150" }]);
    expect(found.data!.sources.nodes).toEqual([{ title: "Testquelle Nummer 150" }]);
    expect(found.data!.literal.nodes).toEqual([]);
    for (const field of [`providers(query: "${"x".repeat(201)}")`, `products(query: "${"x".repeat(201)}")`]) {
      const refused = await gql(hub, `{ list: ${field} { nodes { slug } } }`);
      expect(refused.errors?.[0].extensions?.code, field).toBe("BAD_USER_INPUT");
    }
    const tooMany = await gql(
      hub,
      `{ sources(keys: ${JSON.stringify(Array.from({ length: 101 }, (_, i) => `k-${i}`))}) { nodes { key } } }`,
    );
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("shows chosen entries beyond the first 100 by their German names", async () => {
    // The precondition: none of them is among the first 100 the form loads.
    const first = await gql(
      hub,
      `{ providers(first: 100) { nodes { slug } } sources(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { key } } }`,
    );
    expect(first.data!.providers.nodes.map((p: { slug: string }) => p.slug)).not.toContain(PROVIDER);
    expect(first.data!.sources.nodes.map((s: { key: string }) => s.key)).not.toContain(SOURCE);
    const edit = await (await signedIn()).request(EDIT);
    expect(edit.status).toBe(200);
    expect(selectedIn(edit.text, "providers")).toEqual([{ value: PROVIDER, label: "Testanbieter Nummer 150" }]);
    expect(selectedIn(edit.text, "products")).toEqual([
      { value: PRODUCT, label: "Testprodukt Nummer 150 (Testanbieter Nummer 150)" },
    ]);
    expect(selectedIn(edit.text, "sources")).toEqual([{ value: SOURCE, label: `Testquelle Nummer 150 (${SOURCE})` }]);
    expect(edit.text).toMatch(/<label for="suche-sources">Quelle suchen<\/label>/);
    expect(edit.text).toMatch(/<label for="suche-providers">Anbieter suchen<\/label>/);
  });

  it("finds entry 150 by part of its name, offers it in the list, and keeps the editor's typed input", async () => {
    const browser = await signedIn();
    const edit = await browser.request(EDIT);
    const version = /name="version" value="(\d+)"/.exec(edit.text)![1];
    const before = await contentDigest(hub.db.orm);
    const answer = await browser.request(EDIT, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(edit.text)],
        ["version", version],
        ["title", "Noch nicht gespeicherter Titel"],
        ["summary", "Ein Projekt mit Einträgen jenseits der ersten 100."],
        ["status", "IN_PROGRESS"],
        ["topics", topic],
        ["providers", "suche-anbieter-001"],
        ["suche.sources", "quelle nummer 149"],
        ["aktion", "suchen:sources"],
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('value="Noch nicht gespeicherter Titel"');
    expect(selectedIn(answer.text, "providers").map((p) => p.value)).toEqual(["suche-anbieter-001"]);
    expect(answer.text).toContain('value="quelle nummer 149"');
    expect(answer.text).toMatch(/Ein Treffer für „quelle nummer 149“/);
    expect(answer.text).toContain(`Testquelle Nummer 149 (suche-quelle-149) – Kennung: <code>suche-quelle-149</code>`);
    expect(optionsIn(answer.text, "sources")).toContain("suche-quelle-149");
    expect(await contentDigest(hub.db.orm)).toEqual(before);
    // Picking the hit in the list and saving cites it.
    const saved = await browser.request(EDIT, {
      method: "POST",
      form: [
        ["csrf", EditorBrowser.csrfOf(answer.text)],
        ["version", version],
        ["title", "Suchtest"],
        ["summary", "Ein Projekt mit Einträgen jenseits der ersten 100."],
        ["status", "IN_PROGRESS"],
        ["topics", topic],
        ["providers", PROVIDER],
        ["products", PRODUCT],
        ["sources", SOURCE],
        ["sources", "suche-quelle-149"],
        ["aktion", "speichern"],
      ],
    });
    expect(saved.status, saved.text.slice(0, 1500)).toBe(303);
    const project = await gql(hub, `{ project(slug: "${SLUG}") { sources { key } } }`, {}, tokens.editors.herten);
    expect(project.data!.project.sources.map((s: { key: string }) => s.key).sort()).toEqual(
      [SOURCE, "suche-quelle-149"].sort(),
    );
  });

  it("searches the list whose search line holds text when Enter pressed another button, and else only redraws", async () => {
    const browser = await signedIn();
    const edit = await browser.request(EDIT);
    const post = (aktion: string, typed: [string, string][]) =>
      browser.request(EDIT, {
        method: "POST",
        form: [
          ["csrf", EditorBrowser.csrfOf(edit.text)],
          ["title", "Getippt, nicht gespeichert"],
          ["suche.providers", ""],
          ["suche.products", ""],
          ...typed,
          ["aktion", aktion],
        ],
      });
    // The form's first button is the hidden default one, which names no list.
    expect(edit.text).toMatch(
      /<input type="hidden" name="version" value="\d+"\/><button type="submit" name="aktion" value="suchen:" hidden>/,
    );
    for (const aktion of ["suchen:", "suchen:providers"]) {
      const answer = await post(aktion, [["suche.sources", "Nummer 150"]]);
      expect(answer.status, aktion).toBe(200);
      expect(answer.text, aktion).toContain(`Testquelle Nummer 150 (${SOURCE}) – Kennung: <code>${SOURCE}</code>`);
      expect(answer.text, aktion).toContain('value="Getippt, nicht gespeichert"');
    }
    const redrawn = await post("suchen:", []);
    expect(redrawn.status).toBe(200);
    expect(redrawn.text).toContain('value="Getippt, nicht gespeichert"');
    expect(redrawn.text).not.toContain("Treffer für");
  });

  it("shows hostile text inert, answers blank and oversized text with a message, and writes nothing", async () => {
    const browser = await signedIn();
    const edit = await browser.request(EDIT);
    const version = /name="version" value="(\d+)"/.exec(edit.text)![1];
    const post = (list: string, text: string) =>
      browser.request(EDIT, {
        method: "POST",
        form: [
          ["csrf", EditorBrowser.csrfOf(edit.text)],
          ["version", version],
          ["title", "Suchtest"],
          ["summary", "Ein Projekt mit Einträgen jenseits der ersten 100."],
          ["status", "IN_PROGRESS"],
          ["topics", topic],
          [`suche.${list}`, text],
          ["aktion", `suchen:${list}`],
        ],
      });
    const before = await contentDigest(hub.db.orm);
    const hostile = await post("providers", `<script>alert(1)</script>"><img src=x onerror=alert(2)>%_\\`);
    expect(hostile.status).toBe(200);
    expect(hostile.text).not.toContain("<script>alert(1)");
    expect(hostile.text).not.toContain("<img src=x");
    expect(hostile.text).toContain("Keine Treffer für „&lt;script>alert(1)&lt;/script>");
    const huge = await post("sources", "x".repeat(5000));
    expect(huge.status).toBe(400);
    expect(huge.text).toContain("Der Suchtext ist zu lang: höchstens 200 Zeichen.");
    expect(huge.text).toMatch(/id="suche-sources"[^>]*aria-invalid="true"/);
    const blank = await post("products", "   ");
    expect(blank.status).toBe(400);
    expect(blank.text).toContain("Bitte einen Suchtext eingeben");
    const unknown = await post("gibt-es-nicht", "x");
    expect(unknown.status).toBe(400);
    expect(await contentDigest(hub.db.orm)).toEqual(before);
  });
});
