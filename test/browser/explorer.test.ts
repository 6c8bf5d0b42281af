/**
 * The GraphQL explorer (`/explorer`, issue 13) in a real browser: headless Chromium (Debian's
 * `chromium`, driven by playwright-core) opens the hub's bundled GraphiQL, with every request to
 * another host aborted and counted. It loads, runs a query and an example tab against the seed data,
 * autocompletes from the schema, and keeps no token it was given in the browser's storage. Needs the
 * bundle (`npm run build`). Screenshots land in test-results/explorer/ and /tmp/explorer.png.
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from "../support/chromium.js";
import { startTestHub, type TestHub } from "../support/hub.js";

// Callbacks passed to page.evaluate run in the browser; the project compiles without the DOM types.
declare const window: any;

const SHOTS_DIR = fileURLToPath(new URL("../../test-results/explorer/", import.meta.url));
const TOKEN = "ikz_explorer-secret-token-0123456789";

describe.skipIf(SKIP_BROWSER)("the GraphQL explorer in headless Chromium", () => {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const graphqlHeaders: Record<string, string>[] = [];

  const queryEditor = () => page.locator(".graphiql-query-editor .monaco-editor").first();
  const response = () => page.locator(".graphiql-response .monaco-editor").first();
  const run = () => page.locator("button.graphiql-execute-button").click();
  /**
   * Runs the active tab until the answer shows `expected`. GraphiQL settles a tab's operation name 100 ms
   * after a switch (debounced), so a run right after a click may still name the previous tab's operation.
   */
  async function runUntil(expected: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      await run();
      try {
        await expect.poll(() => response().textContent(), { timeout: 5_000 }).toContain(expected);
        return (await response().textContent()) ?? "";
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
  }
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });

  beforeAll(async () => {
    requireChromium();
    await mkdir(SHOTS_DIR, { recursive: true });
    hub = await startTestHub();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "de-DE" });
    const origin = hub.origin;
    // Anything but the hub is refused and counted: the explorer must work without the internet.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    context.on("request", (request) => {
      if (request.url() === `${origin}/graphql`) graphqlHeaders.push(request.headers());
    });
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(`${origin}/explorer`);
    await page.locator(".graphiql-container").waitFor({ timeout: 30_000 });
    await queryEditor().waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it("loads GraphiQL with a welcome tab and the client examples as tabs", async () => {
    expect(await page.title()).toBe("GraphQL-Explorer – IKZ-Hub");
    const tabs = await page.locator(".graphiql-tab").allTextContents();
    // The welcome tab and one per client example file (14 today).
    expect(tabs.length).toBeGreaterThanOrEqual(15);
    for (const name of ["Kommunen", "CityProfile", "CompareCities", "SearchAcrossCities"]) {
      expect(
        tabs.some((tab) => tab.includes(name)),
        name,
      ).toBe(true);
    }
  });

  it("runs the welcome query and shows seeded cities, sending the JSON content type", async () => {
    await page.locator(".graphiql-tab", { hasText: "Kommunen" }).first().click();
    expect(await runUntil("Ratingen")).toContain("Hildesheim");
    const sent = graphqlHeaders.at(-1)!;
    expect(sent["content-type"]).toMatch(/^application\/json/);
    await shot("01-query");
  });

  it("runs an example tab against the seed data", async () => {
    await page.locator(".graphiql-tab", { hasText: "CompareCities" }).first().click();
    await expect.poll(() => queryEditor().textContent()).toContain("CompareCities");
    const text = await runUntil('"compare"');
    expect(text).toContain("ratingen");
    expect(text).toContain("hildesheim");
    expect(text).not.toContain('"errors"');
  });

  it("autocompletes field names from the schema", async () => {
    // A tab of its own: the half-typed query must not break the other tabs.
    await page.locator("button.graphiql-tab-add").click();
    await queryEditor().click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type("{ municip");
    const suggest = page.locator(".suggest-widget");
    await page.keyboard.press("Control+Space");
    await expect.poll(() => suggest.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => suggest.textContent(), { timeout: 20_000 }).toContain("municipalities");
    expect(await suggest.textContent()).toContain("municipality");
    await shot("02-autocomplete");
    await page.screenshot({ path: "/tmp/explorer.png" });
    await page.keyboard.press("Escape");
  });

  it("sends a token typed into the headers, and keeps it in no storage after a reload", async () => {
    // As a user would: a new tab, the token first, then a query of its own.
    await page.locator("button.graphiql-tab-add").click();
    await page.getByRole("button", { name: "Headers" }).click();
    const headers = page.locator(".graphiql-editor-tool .monaco-editor").last();
    await headers.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // Monaco closes brackets and quotes itself: type the text without its closing characters.
    await page.keyboard.type(`{"Authorization": "Bearer ${TOKEN}`);
    await expect.poll(() => headers.textContent()).toContain(TOKEN);
    await queryEditor().click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // Typed at a person's pace, during which the tab takes the header editor's (debounced) value; GraphiQL's
    // history then records it with the query, which is new to the history and so recorded.
    await page.keyboard.type("query Token { __typename", { delay: 30 });
    const before = graphqlHeaders.length;
    await run();
    await expect.poll(() => graphqlHeaders.length, { timeout: 20_000 }).toBeGreaterThan(before);
    expect(graphqlHeaders.at(-1)!.authorization).toBe(`Bearer ${TOKEN}`);
    // The hub does not know the token: 401, shown in the response pane.
    await expect.poll(() => response().textContent(), { timeout: 20_000 }).toContain("UNAUTHENTICATED");
    // Give GraphiQL's debounced storage writes time to happen.
    await page.waitForTimeout(1500);
    await page.reload();
    await queryEditor().waitFor({ timeout: 30_000 });
    const stored = await page.evaluate(() => {
      const dump = (storage: any) =>
        Object.fromEntries(
          Array.from({ length: storage.length }, (_, i) => storage.key(i)).map((key: string) => [
            key,
            storage.getItem(key),
          ]),
        );
      return { local: dump(window.localStorage), session: dump(window.sessionStorage) };
    });
    const everything = JSON.stringify(stored);
    expect(Object.keys(stored.local).length).toBeGreaterThan(0);
    expect(Object.keys(stored.local).every((key) => key.startsWith("ikz-explorer:"))).toBe(true);
    // Booleans: a failure should not print the whole storage.
    expect(everything.includes(TOKEN), "the token is in the browser's storage").toBe(false);
    expect(/Bearer ikz_/i.test(everything), "a bearer header is in the browser's storage").toBe(false);
    await page.getByRole("button", { name: "Headers" }).click();
    expect(await page.locator(".graphiql-editor-tool .monaco-editor").last().textContent()).not.toContain(TOKEN);
  });

  it("made no request to any other host, and broke no rule of its policy", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
  });
});
