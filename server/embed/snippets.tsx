import { projectPageUrl } from "./card.html.js";
import type { CardParams } from "./card-params.js";
import { escapeHtml } from "./format.js";
import { jsonForScript } from "./json-ld.js";
import { embedFrameHtml, frameSize, oembedEndpointUrl } from "./oembed.js";

/** The ways to embed one project, as text to copy into another website or CMS. */
export interface EmbedSnippets {
  /** The web component: the hub's script and the `<ikz-project-card>` element. */
  webComponent: string;
  /** The iframe card, with a few lines of script that size the iframe to the card. */
  iframe: string;
  /** The project page's address, for CMSs with oEmbed support. */
  oembedUrl: string;
  /** The hub's oEmbed endpoint for that address, for those who configure a provider by hand. */
  oembedEndpoint: string;
}

const DEFAULT_CARD: CardParams = { lang: "de", theme: "light", compact: false };

/**
 * The iframe's script, run by the embedding page: it takes the card's height from
 * messages of that very iframe (`event.source`) sent by the hub (`event.origin`),
 * as assets/frame.js posts them, and ignores every other message. Without script
 * the iframe keeps its height attribute.
 */
function resizeScript(frameId: string, hubOrigin: string): string {
  return [
    "<script>",
    'addEventListener("message", function (event) {',
    `  var frame = document.getElementById(${jsonForScript(frameId)});`,
    `  if (!frame || event.origin !== ${jsonForScript(hubOrigin)} || event.source !== frame.contentWindow) return;`,
    "  var data = event.data;",
    '  if (data && data.type === "ikz-card-height" && data.height > 0 && data.height < 10000) frame.height = String(Math.ceil(data.height));',
    "});",
    "</script>",
  ].join("\n");
}

/**
 * The copy-paste snippets of a project's card for the hub at `hubOrigin`. Every
 * value is escaped for where it stands (attribute or script string); the project
 * page shows them as text.
 */
export function embedSnippets(hubOrigin: string, project: { slug: string; title: string }): EmbedSnippets {
  const frameId = `ikz-card-${project.slug}`;
  const size = frameSize({ card: DEFAULT_CARD, maxWidth: null, maxHeight: null });
  const pageUrl = projectPageUrl(hubOrigin, project.slug);
  return {
    webComponent: [
      `<script src="${escapeHtml(hubOrigin)}/embed/card.js" type="module"></script>`,
      `<ikz-project-card project="${escapeHtml(project.slug)}" lang="de" theme="light"></ikz-project-card>`,
    ].join("\n"),
    iframe: `${embedFrameHtml(hubOrigin, project, { card: DEFAULT_CARD, ...size, id: frameId })}\n${resizeScript(frameId, hubOrigin)}`,
    oembedUrl: pageUrl,
    oembedEndpoint: oembedEndpointUrl(hubOrigin, pageUrl),
  };
}
