/**
 * The pages about the hub itself (issue 13): `/api` states the limits of the
 * configuration in force and lists the client examples, `/api/schema.graphql` is
 * the committed schema, the legal pages show the operator's Markdown from
 * SITE_LEGAL_DIR with raw HTML and unsafe links inert, and every page's footer
 * names the configured data licence and links the legal pages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanTags } from "../support/html-scan.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const HTML_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
const LEGAL = {
  impressum:
    "# Stadt Musterhausen\n\nVertreten durch die Bürgermeisterin.\n\n[Kontakt](mailto:info@musterhausen.example)",
  datenschutz:
    "Wir speichern nichts. <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[Klick](javascript:alert(3)) ![Logo](https://evil.example/logo.png)",
  barrierefreiheit: "## Stand der Vereinbarkeit\n\nDiese Website ist teilweise barrierefrei.",
};

describe("the pages about the hub", () => {
  let hub: TestHub;
  let legalDir: string;
  const page = (url: string) => fetch(hub.origin + url, { headers: { accept: HTML_ACCEPT } });

  beforeAll(async () => {
    legalDir = mkdtempSync(path.join(tmpdir(), "ikz-legal-"));
    for (const [name, text] of Object.entries(LEGAL)) writeFileSync(path.join(legalDir, `${name}.md`), text);
    hub = await startTestHub({
      SITE_LEGAL_DIR: legalDir,
      DATA_LICENCE_NAME: "CC BY 4.0 <b>international</b>",
      DATA_LICENCE_URL: "https://creativecommons.org/licenses/by/4.0/deed.de",
      MAX_QUERY_DEPTH: "9",
      MAX_QUERY_COST: "7777",
      RATE_LIMIT_DURATION_SECONDS: "45",
    });
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(legalDir, { recursive: true, force: true });
  });

  it("states the limits of the configuration in force and lists every client example with its text", async () => {
    const response = await page("/api");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toMatch(/Größte Verschachtelungstiefe<\/th><td>9<\/td>/);
    expect(html).toMatch(/Höchste geschätzte Kosten einer Abfrage<\/th><td>7.777<\/td>/);
    expect(html).toContain("Punkte je 45 Sekunden");
    expect(html).toContain('href="/api/schema.graphql"');
    expect(html).toContain('href="/explorer"');
    expect(html).toContain('href="/aenderungen.atom"');
    // The data licence in its own section, as every export names it.
    expect(html).toContain(
      '<h2 id="lizenz">Lizenz der Daten</h2><p>Die Inhalte dieses Hubs stehen unter der Lizenz <a href="https://creativecommons.org/licenses/by/4.0/deed.de">CC BY 4.0 &lt;b>international&lt;/b></a>.',
    );
    expect(await (await page("/api?lang=en")).text()).toContain(
      '<h2 id="lizenz">Data licence</h2><p>The content of this hub is published under <a href="https://creativecommons.org/licenses/by/4.0/deed.de">CC BY 4.0 &lt;b>international&lt;/b></a>.',
    );
    const examples = readdirSync("client-examples", { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".graphql"),
    );
    expect(examples.length).toBeGreaterThan(5);
    for (const file of examples) {
      expect(html).toContain(`client-examples/${file}`);
      const firstLine = readFileSync(path.join("client-examples", file), "utf8")
        .split("\n")
        .find((line) => line.trim() && !line.includes("<"));
      if (firstLine) expect(html).toContain(firstLine.trim().replaceAll("&", "&amp;").replaceAll('"', "&quot;"));
    }
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });

  it("serves the committed schema as text", async () => {
    const response = await fetch(`${hub.origin}/api/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(readFileSync("schema/schema.graphql", "utf8"));
  });

  it("shows the operator's legal texts with raw HTML, unsafe links and images inert", async () => {
    const impressum = await (await page("/impressum")).text();
    expect(impressum).toContain("<h1>Impressum</h1>");
    // The operator's headings sit below the page's own.
    expect(impressum).toContain("<h2>Stadt Musterhausen</h2>");
    expect(impressum).toContain('<a href="mailto:info@musterhausen.example">Kontakt</a>');
    const datenschutz = await (await page("/datenschutz")).text();
    expect(datenschutz).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(datenschutz).toContain("&lt;img src=x onerror=alert(2)&gt;");
    const tags = scanTags(datenschutz);
    expect(tags.filter((tag) => tag.name === "script" || tag.name === "img")).toEqual([]);
    expect(datenschutz).not.toContain('href="javascript:');
    // Images are off: the picture becomes at most a link, nothing loads from another host.
    const loading = tags.filter(
      (tag) => tag.name !== "a" && Object.values(tag.attributes).some((value) => value.includes("evil.example")),
    );
    expect(loading).toEqual([]);
    const barrierefreiheit = await (await page("/barrierefreiheit")).text();
    expect(barrierefreiheit).toContain("<h1>Erklärung zur Barrierefreiheit</h1>");
    expect(barrierefreiheit).toContain("Diese Website ist teilweise barrierefrei.");
    expect(barrierefreiheit).not.toContain("noch nicht ausgefüllt");
  });

  it("names the configured licence and links the legal pages in every page's footer", async () => {
    for (const url of ["/", "/aenderungen", "/api", "/impressum", "/kommunen", "/gibt-es-nicht"]) {
      const html = await (await page(url)).text();
      expect(html, url).toContain(
        '<a href="https://creativecommons.org/licenses/by/4.0/deed.de">CC BY 4.0 &lt;b>international&lt;/b></a>',
      );
      for (const link of ["/impressum", "/datenschutz", "/barrierefreiheit", "/api", "/aenderungen"])
        expect(html, url).toContain(`href="${link}"`);
    }
  });
});

describe("the legal pages without SITE_LEGAL_DIR", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  it("say that the operator has not filled them in, the accessibility statement as a BITV skeleton", async () => {
    for (const url of ["/impressum", "/datenschutz", "/barrierefreiheit"]) {
      const response = await fetch(hub.origin + url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toContain("hat diesen Text noch nicht ausgefüllt");
    }
    const statement = await (await fetch(`${hub.origin}/barrierefreiheit`)).text();
    for (const heading of [
      "Stand der Vereinbarkeit mit den Anforderungen",
      "Nicht barrierefreie Inhalte",
      "Feedback und Kontakt",
      "Schlichtungsverfahren",
    ]) {
      expect(statement).toContain(`<h2>${heading}</h2>`);
    }
    expect(statement).toContain("BITV 2.0");
    const home = await (await fetch(`${hub.origin}/`)).text();
    expect(home).toContain(
      '<a href="https://www.govdata.de/dl-de/by-2-0">Datenlizenz Deutschland – Namensnennung – Version 2.0</a>',
    );
  });
});
