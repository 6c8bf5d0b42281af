import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderAtom } from "../../server/site/changes/atom.js";
import type { ChangeView } from "../../server/site/changes/change-view.js";
import { xml, xmlText } from "../../server/site/changes/xml.js";

const HOSTILE = `<img src=x onerror=alert(1)> </script> & "q" 'a' ]]> \u202Egpj.exe \u0000\u0007\u001F \uD800 ok`;

describe("XML escaping for the Atom feed", () => {
  it("escapes markup characters and drops what XML forbids and bidi controls", () => {
    expect(xmlText(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
    const text = xmlText(HOSTILE);
    expect(text).not.toMatch(/[<>\u0000\u0007\u001F\u202E\uD800]/);
    expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(text).toContain("ok");
    // Tab, line feed and astral characters are text XML allows.
    expect(xmlText("a\tb\nc 😀")).toBe("a\tb\nc 😀");
  });

  it("escapes every interpolation of the xml tag but nests its own markup", () => {
    const inner = xml`<b>${HOSTILE}</b>`;
    const outer = xml`<a title="${HOSTILE}">${inner}${[xml`<i/>`]}${null}</a>`;
    expect(XMLValidator.validate(outer.markup)).toBe(true);
    expect(outer.markup.startsWith('<a title="&lt;img')).toBe(true);
    expect(outer.markup).toContain("<b>&lt;img");
    expect(outer.markup).toContain("<i/>");
  });

  it("renders a well-formed feed from hostile entries", () => {
    const entry: ChangeView = {
      kindLabel: "Neu",
      typeLabel: "Projekt",
      title: HOSTILE,
      href: "/projekte/x%3Cy",
      city: { slug: "herten", name: HOSTILE },
      summary: HOSTILE,
      at: "2026-12-05T12:00:00.000Z",
      key: "UHJvamVjdDox/CREATED/2026-12-05T12:00:00.000Z",
    };
    const atom = renderAtom({
      origin: "https://hub.example",
      selfPath: "/aenderungen.atom?thema=a&kommune=b",
      alternatePath: "/aenderungen",
      title: HOSTILE,
      entries: [entry],
    });
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(atom).not.toMatch(/<img|<\/script>|\u202E|\u0007/);
    expect(atom).toContain("<id>tag:hub.example,2026:aenderung/UHJvamVjdDox/CREATED/2026-12-05T12:00:00.000Z</id>");
    expect(atom).toContain('href="https://hub.example/aenderungen.atom?thema=a&amp;kommune=b"');
    expect(atom).toContain("<updated>2026-12-05T12:00:00.000Z</updated>");
  });
});
