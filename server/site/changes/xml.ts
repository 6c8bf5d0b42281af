import { stripBidiControls } from "../../../schema/common/bidi.js";

// Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Text for XML content or a quoted attribute: markup characters escaped, characters
 * XML forbids and bidirectional controls dropped, so stored text stays text.
 */
export function xmlText(value: string): string {
  return stripBidiControls(value.replace(NOT_XML, "")).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/** A value inside an XML template: text to escape, or markup another `xml` call made. */
export type XmlValue = string | number | XmlMarkup | readonly XmlMarkup[] | null | undefined;

/** Markup built by `xml`, which can go into another `xml` call unescaped. */
export class XmlMarkup {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

function piece(value: XmlValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof XmlMarkup) return value.markup;
  if (Array.isArray(value)) return value.map(piece).join("");
  return xmlText(String(value));
}

/** A template tag for XML: every interpolated value is escaped unless it is markup this tag built. */
export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): XmlMarkup {
  return new XmlMarkup(
    strings.reduce((out, text, index) => out + text + (index < values.length ? piece(values[index]) : ""), ""),
  );
}
