/** The website's part of the configuration: the data licence and the legal texts (SITE_LEGAL_DIR), checked at start-up. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.js";
import { MAX_LEGAL_TEXT_BYTES } from "../../server/site/info/legal-texts.js";

const dirs: string[] = [];
function legalDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ikz-legal-config-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const COMPLETE = {
  "impressum.md": "Impressum",
  "datenschutz.md": "Datenschutz",
  "barrierefreiheit.md": "Barrierefreiheit",
};

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env, false);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toMatch(/[\r\n]/);
    return (error as Error).message;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe("the website's configuration", () => {
  it("reads the three legal texts from SITE_LEGAL_DIR", () => {
    const dir = legalDir(COMPLETE);
    expect(loadConfig({ SITE_LEGAL_DIR: dir }, false).site.legal).toEqual({
      impressum: "Impressum",
      datenschutz: "Datenschutz",
      barrierefreiheit: "Barrierefreiheit",
    });
  });

  it("names each missing, empty, oversized or non-UTF-8 file", () => {
    expect(failure({ SITE_LEGAL_DIR: legalDir({ "impressum.md": "x", "datenschutz.md": "y" }) })).toMatch(
      /SITE_LEGAL_DIR: .*barrierefreiheit\.md is missing/,
    );
    expect(failure({ SITE_LEGAL_DIR: path.join(tmpdir(), "ikz-gibt-es-nicht") })).toMatch(
      /impressum\.md is missing.*datenschutz\.md is missing.*barrierefreiheit\.md is missing/,
    );
    expect(failure({ SITE_LEGAL_DIR: legalDir({ ...COMPLETE, "datenschutz.md": "  \n" }) })).toMatch(
      /datenschutz\.md is empty/,
    );
    const big = "x".repeat(MAX_LEGAL_TEXT_BYTES + 1);
    expect(failure({ SITE_LEGAL_DIR: legalDir({ ...COMPLETE, "impressum.md": big }) })).toMatch(
      /impressum\.md has \d+ bytes, more than the \d+ allowed/,
    );
    expect(
      failure({ SITE_LEGAL_DIR: legalDir({ ...COMPLETE, "impressum.md": Buffer.from([0x49, 0xff, 0xfe]) }) }),
    ).toMatch(/impressum\.md is not UTF-8 text/);
    const withDirectory = legalDir({ "datenschutz.md": "d", "barrierefreiheit.md": "b" });
    mkdirSync(path.join(withDirectory, "impressum.md"));
    expect(failure({ SITE_LEGAL_DIR: withDirectory })).toMatch(/impressum\.md is not a file/);
  });

  it("takes a data licence as name and URL together", () => {
    const site = loadConfig(
      { DATA_LICENCE_NAME: " CC BY 4.0 ", DATA_LICENCE_URL: "https://creativecommons.org/licenses/by/4.0/" },
      false,
    ).site;
    expect(site.licence).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    expect(failure({ DATA_LICENCE_NAME: "CC BY 4.0" })).toMatch(/set DATA_LICENCE_NAME and DATA_LICENCE_URL together/);
    expect(failure({ DATA_LICENCE_URL: "https://creativecommons.org/licenses/by/4.0/" })).toMatch(
      /set DATA_LICENCE_NAME and DATA_LICENCE_URL together/,
    );
    expect(failure({ DATA_LICENCE_NAME: "CC BY", DATA_LICENCE_URL: "javascript:alert(1)" })).toMatch(
      /DATA_LICENCE_URL must start with http:\/\/ or https:\/\//,
    );
    expect(failure({ DATA_LICENCE_NAME: "CC BY", DATA_LICENCE_URL: "keine adresse" })).toMatch(
      /DATA_LICENCE_URL is not a URL/,
    );
    expect(failure({ DATA_LICENCE_NAME: "Zeile\nzwei", DATA_LICENCE_URL: "https://x.example/" })).toMatch(
      /DATA_LICENCE_NAME must be 2 to 120 characters on one line/,
    );
    expect(failure({ DATA_LICENCE_NAME: "x".repeat(121), DATA_LICENCE_URL: "https://x.example/" })).toMatch(
      /DATA_LICENCE_NAME/,
    );
    // Kept as the URL parser writes it, so that it goes into an export's `Link` header as it is: no space, no `>`,
    // and no line break (which the parser drops and a header must not carry).
    const url = (raw: string) =>
      loadConfig({ DATA_LICENCE_NAME: "CC BY", DATA_LICENCE_URL: raw }, false).site.licence.url;
    expect(url("https://lizenz.example/by 4.0/über>")).toBe("https://lizenz.example/by%204.0/%C3%BCber%3E");
    expect(url("https://lizenz.example/a\r\nSet-Cookie: x")).toBe("https://lizenz.example/aSet-Cookie:%20x");
    expect(url("HTTPS://Lizenz.Example")).toBe("https://lizenz.example/");
  });
});
