import type { VNode } from "preact";
import { projectPageUrl } from "./card.html.js";
import type { CardParams } from "./card-params.js";
import { jsonForScript } from "./json-ld.js";
import { EmbedFrame, frameSize, oembedEndpointUrl } from "./oembed.js";
import { renderHtml } from "./render-html.js";

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      /** The hub's web component (assets/card.js), as its snippet writes it. */
      "ikz-project-card": { project: string; lang: string; theme: string };
    }
  }
}

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
function resizeScriptSource(frameId: string, hubOrigin: string): string {
  return [
    "",
    'addEventListener("message", function (event) {',
    `  var frame = document.getElementById(${jsonForScript(frameId)});`,
    `  if (!frame || event.origin !== ${jsonForScript(hubOrigin)} || event.source !== frame.contentWindow) return;`,
    "  var data = event.data;",
    '  if (data && data.type === "ikz-card-height" && data.height > 0 && data.height < 10000) frame.height = String(Math.ceil(data.height));',
    "});",
    "",
  ].join("\n");
}

/** The web component snippet: the hub's module script and the `<ikz-project-card>` element. */
function WebComponentSnippet({ hubOrigin, slug }: { hubOrigin: string; slug: string }): VNode {
  return (
    <>
      <script src={`${hubOrigin}/embed/card.js`} type="module" />
      {"\n"}
      <ikz-project-card project={slug} lang="de" theme="light" />
    </>
  );
}

/** The iframe snippet: the iframe, then the script that sizes it to its card. */
function IframeSnippet({ hubOrigin, project }: { hubOrigin: string; project: { slug: string; title: string } }): VNode {
  const frameId = `ikz-card-${project.slug}`;
  const size = frameSize({ card: DEFAULT_CARD, maxWidth: null, maxHeight: null });
  return (
    <>
      <EmbedFrame hubOrigin={hubOrigin} view={project} options={{ card: DEFAULT_CARD, ...size, id: frameId }} />
      {"\n"}
      {/* The script's values are JSON string literals (jsonForScript): no stored text can close the element. */}
      <script dangerouslySetInnerHTML={{ __html: resizeScriptSource(frameId, hubOrigin) }} />
    </>
  );
}

/**
 * The copy-paste snippets of a project's card for the hub at `hubOrigin`, rendered by the
 * templates, so every value is escaped for where it stands (attribute, or string in the
 * script); the project page shows them as text.
 */
export function embedSnippets(hubOrigin: string, project: { slug: string; title: string }): EmbedSnippets {
  const pageUrl = projectPageUrl(hubOrigin, project.slug);
  return {
    webComponent: renderHtml(<WebComponentSnippet hubOrigin={hubOrigin} slug={project.slug} />),
    iframe: renderHtml(<IframeSnippet hubOrigin={hubOrigin} project={project} />),
    oembedUrl: pageUrl,
    oembedEndpoint: oembedEndpointUrl(hubOrigin, pageUrl),
  };
}
