/** One start or end tag found in rendered HTML. */
export interface ScannedTag {
  name: string;
  closing: boolean;
  /** Attribute values with the five entities escape-html writes decoded. */
  attributes: Record<string, string>;
}

// A `>` may stand raw inside a double-quoted attribute value (Preact writes it so): only `"` can end the value.
// A raw `<` or `"` in a value still fails the scan.
const TAG = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9:-]*(?:="[^"<]*")?)*)\s*\/?>/;
const ATTRIBUTE = /\s+([a-z][a-z0-9:-]*)(?:="([^"]*)")?/g;

function decode(value: string): string {
  return value.replace(
    /&(quot|amp|lt|gt|#39);/g,
    (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'" })[entity]!,
  );
}

/**
 * Reads every tag of server-rendered HTML strictly: each `<` must open a
 * well-formed tag with double-quoted attributes (or be the doctype). Text that
 * escaped its escaping, e.g. a title that became `<img onerror=…>` or an
 * attribute value that broke out with `"`, either fails here or shows up as an
 * unexpected element or attribute.
 */
export function scanTags(html: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  let at = html.indexOf("<");
  while (at !== -1) {
    const rest = html.slice(at);
    if (/^<!doctype html>/i.test(rest)) {
      at = html.indexOf("<", at + 1);
      continue;
    }
    const match = TAG.exec(rest);
    if (!match) throw new Error(`not a well-formed tag at ${at}: ${JSON.stringify(rest.slice(0, 80))}`);
    const attributes: Record<string, string> = {};
    for (const [, name, value] of match[3].matchAll(ATTRIBUTE)) {
      if (Object.hasOwn(attributes, name)) throw new Error(`attribute ${name} twice in ${match[0]}`);
      attributes[name] = decode(value ?? "");
    }
    tags.push({ name: match[2], closing: match[1] === "/", attributes });
    at = html.indexOf("<", at + match[0].length);
  }
  return tags;
}

/** The text of the one `<script type="application/ld+json">` element in a page. */
export function jsonLdText(html: string): string {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  if (blocks.length !== 1) throw new Error(`expected one JSON-LD block, found ${blocks.length}`);
  return blocks[0][1];
}
