import type { VNode } from "preact";
import { projectPageUrl } from "../../embed/card.html.js";
import { jsonForScript, type LinkedProject, projectJsonLd } from "../../embed/json-ld.js";
import { embedSnippets } from "../../embed/snippets.js";
import { useSiteLanguage } from "../i18n/site-language.js";

interface EmbedProps {
  project: LinkedProject;
  /** The hub's public origin (see `hubOrigin`), or null when the request's Host is not trusted for links. */
  origin: string | null;
}

/** One snippet to copy: a heading, what it is for, and the code as selectable text. */
function Snippet({
  id,
  heading,
  children,
  code,
}: {
  id: string;
  heading: string;
  children: string;
  code: string;
}): VNode {
  return (
    <>
      <h3 id={id}>{heading}</h3>
      <p>{children}</p>
      <pre class="embed-snippet" aria-labelledby={id}>
        <code>{code}</code>
      </pre>
    </>
  );
}

/**
 * The project page's "Einbetten" section: copy-paste snippets of the project's card
 * (web component, iframe, oEmbed) for the hub's public origin. Plain text in `<pre>`,
 * so it can be selected and copied without JavaScript.
 */
export function EmbedBox({ project, origin }: EmbedProps): VNode {
  const { t } = useSiteLanguage();
  if (!origin) {
    return (
      <section class="embed-box" aria-labelledby="einbetten">
        <h2 id="einbetten">{t.embed.heading}</h2>
        <p>{t.embed.noOrigin}</p>
      </section>
    );
  }
  const snippets = embedSnippets(origin, project);
  return (
    <section class="embed-box" aria-labelledby="einbetten">
      <h2 id="einbetten">{t.embed.heading}</h2>
      <p>{t.embed.intro}</p>
      <Snippet id="einbetten-komponente" heading={t.embed.webComponent} code={snippets.webComponent}>
        {t.embed.webComponentText}
      </Snippet>
      <Snippet id="einbetten-iframe" heading="iframe" code={snippets.iframe}>
        {t.embed.iframeText}
      </Snippet>
      <Snippet id="einbetten-oembed" heading="oEmbed" code={snippets.oembedUrl}>
        {t.embed.oembedText}
      </Snippet>
      <p>
        {t.embed.oembedEndpoint}
        <code class="embed-snippet-inline">{snippets.oembedEndpoint}</code>
      </p>
    </section>
  );
}

/**
 * The project page's `<head>` for other sites: its canonical address, oEmbed discovery and
 * schema.org JSON-LD (a data block, not a script: the CSP does not apply to it, and
 * `jsonForScript` keeps any stored text from closing it).
 */
export function EmbedHead({ project, origin }: EmbedProps): VNode | null {
  if (!origin) return null;
  const snippets = embedSnippets(origin, project);
  return (
    <>
      <link rel="canonical" href={projectPageUrl(origin, project.slug)} />
      <link rel="alternate" type="application/json+oembed" href={snippets.oembedEndpoint} />
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonForScript(projectJsonLd(project, origin)) }}
      />
    </>
  );
}
