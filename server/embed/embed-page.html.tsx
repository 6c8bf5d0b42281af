import type { ComponentChildren, VNode } from "preact";
import {
  CardMessage,
  type CardMessageKind,
  type CardMessageOptions,
  type CardOptions,
  ProjectCard,
} from "./card.html.js";
import { CARD_LABELS, type CardLanguage } from "./labels.js";
import type { CardView } from "./project-view.js";
import { renderHtmlDocument } from "./render-html.js";

/** Stylesheets of the iframe document; same-origin, so the CSP can say `style-src 'self'`. */
const STYLESHEETS = ["/embed/card.css", "/embed/page.css"];
/** Reports the card's height to the embedding page (see assets/frame.js); same-origin, so `script-src 'self'` allows it. */
const FRAME_SCRIPT = "/embed/frame.js";

/** The iframe document's language and title, and the card it shows. */
interface EmbedDocumentProps {
  lang: CardLanguage;
  title: string;
  children: ComponentChildren;
}

/**
 * The standalone HTML document that `/embed/projects/:slug` serves for iframes around a
 * card (or message card): styles and one small script, both from the hub.
 */
function EmbedDocument({ lang, title, children }: EmbedDocumentProps): VNode {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        {STYLESHEETS.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <script src={FRAME_SCRIPT} defer />
      </head>
      <body class="ikz-embed">
        <main>{children}</main>
      </body>
    </html>
  );
}

/** Renders the iframe document around a card element (`ProjectCard` or `CardMessage`). */
export function renderEmbedDocument(card: ComponentChildren, options: { lang: CardLanguage; title: string }): string {
  return renderHtmlDocument(
    <EmbedDocument lang={options.lang} title={options.title}>
      {card}
    </EmbedDocument>,
  );
}

/** The iframe document of a project's card, titled "Projektkarte: <title>". */
export function renderCardDocument(view: CardView, options: CardOptions): string {
  const title = `${CARD_LABELS[options.lang].frameTitle}: ${view.title}`;
  return renderEmbedDocument(<ProjectCard view={view} options={options} />, { lang: options.lang, title });
}

/** The iframe document of a message card (see `CardMessage`), titled "Projektkarte". */
export function renderMessageDocument(kind: CardMessageKind, options: CardMessageOptions): string {
  const card = <CardMessage kind={kind} options={options} />;
  return renderEmbedDocument(card, { lang: options.lang, title: CARD_LABELS[options.lang].frameTitle });
}
