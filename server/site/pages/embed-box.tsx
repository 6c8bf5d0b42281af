import type { VNode } from "preact";
import { projectPageUrl } from "../../embed/card.html.js";
import { jsonForScript, type LinkedProject, projectJsonLd } from "../../embed/json-ld.js";
import { embedSnippets } from "../../embed/snippets.js";

interface EmbedProps {
  project: LinkedProject;
  /** The hub's public origin (see `hubOrigin`), or null when the request's Host is not trusted for links. */
  origin: string | null;
}

/** One snippet to copy: a heading, what it is for, and the code as selectable text. */
function Snippet({ id, heading, children, code }: { id: string; heading: string; children: string; code: string }): VNode {
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
  if (!origin) {
    return (
      <section class="embed-box" aria-labelledby="einbetten">
        <h2 id="einbetten">Einbetten</h2>
        <p>Die Codes zum Einbetten zeigt diese Seite unter der öffentlichen Adresse des IKZ-Hubs.</p>
      </section>
    );
  }
  const snippets = embedSnippets(origin, project);
  return (
    <section class="embed-box" aria-labelledby="einbetten">
      <h2 id="einbetten">Einbetten</h2>
      <p>Kommunen und Partner können dieses Projekt als Karte auf ihrer eigenen Website zeigen, immer auf dem Stand des IKZ-Hubs. Einen der drei Codes kopieren und einfügen:</p>
      <Snippet id="einbetten-komponente" heading="Web-Komponente" code={snippets.webComponent}>
        Die Karte wird in die Seite eingefügt und passt sich ihr an (Parameter: lang="en", theme="dark" oder theme="inherit").
      </Snippet>
      <Snippet id="einbetten-iframe" heading="iframe" code={snippets.iframe}>
        Der IKZ-Hub zeigt die Karte in einem Rahmen, für Redaktionssysteme ohne Web-Komponenten. Die Zeilen ab &lt;script&gt; passen
        die Höhe des Rahmens an die Karte an; wo keine Skripte erlaubt sind, einfach weglassen: Der Rahmen behält dann seine feste Höhe.
      </Snippet>
      <Snippet id="einbetten-oembed" heading="oEmbed" code={snippets.oembedUrl}>
        Redaktionssysteme mit oEmbed-Unterstützung (etwa WordPress) betten die Karte ein, wenn man diese Adresse einfügt.
      </Snippet>
      <p>
        oEmbed-Endpunkt: <code class="embed-snippet-inline">{snippets.oembedEndpoint}</code>
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
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(projectJsonLd(project, origin)) }} />
    </>
  );
}
