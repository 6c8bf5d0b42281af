import type { VNode } from "preact";
import { renderHtmlDocument } from "../embed/render-html.js";

/** What server/explorer/build-explorer.mjs writes to `manifest.json`: the entry files of the bundle. */
export interface ExplorerManifest {
  script: string;
  style: string;
}

/** The explorer fills the whole window. */
const FULL_HEIGHT = "html,body,#explorer{height:100%;margin:0}";

/** The HTML shell: a German page that loads the bundle, and says what to do without JavaScript. */
function ExplorerPage({ manifest }: { manifest: ExplorerManifest }): VNode {
  return (
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>GraphQL-Explorer – IKZ-Hub</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={`/explorer/assets/${manifest.style}`} />
        {/* A constant: as text, a quote in it would be written as an entity, which CSS does not read. */}
        <style dangerouslySetInnerHTML={{ __html: FULL_HEIGHT }} />
        <script type="module" src={`/explorer/assets/${manifest.script}`} />
      </head>
      <body>
        <div id="explorer">
          <noscript>
            <p style="padding:1rem;font-family:sans-serif">
              Der GraphQL-Explorer braucht JavaScript. Ohne JavaScript: Abfragen per <code>POST</code> an{" "}
              <a href="/graphql">/graphql</a> senden; Beispiele und Schema stehen im Repository des Hubs.
            </p>
          </noscript>
        </div>
      </body>
    </html>
  );
}

/** Renders the explorer's page for the bundle that `manifest` names. */
export function renderExplorerPage(manifest: ExplorerManifest): string {
  return renderHtmlDocument(<ExplorerPage manifest={manifest} />);
}
