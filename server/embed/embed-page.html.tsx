import { escapeHtml } from "./format.js";
import type { CardLanguage } from "./labels.js";

/** Stylesheets of the iframe document; same-origin, so the CSP can say `style-src 'self'`. */
const STYLESHEETS = ["/embed/card.css", "/embed/page.css"];
/** Reports the card's height to the embedding page (see assets/frame.js); same-origin, so `script-src 'self'` allows it. */
const FRAME_SCRIPT = "/embed/frame.js";

/**
 * Wraps a rendered card (or message card) into the standalone HTML document that
 * `/embed/projects/:slug` serves for iframes: styles and one small script, both from the hub.
 */
export function renderEmbedDocument(cardHtml: string, options: { lang: CardLanguage; title: string }): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(options.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(options.title)}</title>`,
    ...STYLESHEETS.map((href) => `<link rel="stylesheet" href="${href}">`),
    `<script src="${FRAME_SCRIPT}" defer></script>`,
    "</head>",
    '<body class="ikz-embed">',
    "<main>",
    cardHtml,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
