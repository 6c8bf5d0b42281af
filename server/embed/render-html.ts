import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { stripBidiControls } from "../../schema/common/bidi.js";

/**
 * Renders Preact elements to HTML. Preact escapes every interpolated text and attribute value;
 * bidirectional control characters, which no template writes, are dropped from the result, so
 * that stored text shows in the order it was written ("Bericht\u202Egpj.exe" cannot pose as "Berichtexe.jpg").
 */
export function renderHtml(node: VNode): string {
  return stripBidiControls(renderToString(node));
}

/** Renders a whole HTML document (an `<html>` element) with its doctype, as `renderHtml` does. */
export function renderHtmlDocument(html: VNode): string {
  return `<!doctype html>${renderHtml(html)}`;
}
