import { CostKind } from "../../schema/project/cost-kind.enum.js";
import { projectPageUrl, shortenSummary } from "./card.html.js";
import { escapeHtml, formatAmountDe, formatPartialDateDe } from "./format.js";
import { jsonForScript, projectJsonLd } from "./json-ld.js";
import { CARD_LABELS, COST_KIND_LABELS, COST_PERIOD_LABELS, LESSON_KIND_LABELS } from "./labels.js";
import { embedFrameHtml, frameSize, oembedEndpointUrl } from "./oembed.js";
import type { ProjectPageView } from "./project-view.js";
import { safeHttpUrl } from "./safe-url.js";

const SITE_NAME = "IKZ-Hub";

/** Text, or a link to `href` when that is an http(s) URL. */
function linkOrText(href: string | null, text: string): string {
  const safe = safeHttpUrl(href);
  return safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** The document around a page's main content; `head` holds extra, already escaped elements. */
function layout(options: { title: string; head?: string[]; main: string }): string {
  return [
    "<!doctype html>",
    '<html lang="de">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    '<link rel="stylesheet" href="/embed/page.css">',
    ...(options.head ?? []),
    "</head>",
    '<body class="ikz-page">',
    `<header class="ikz-page__header"><p class="ikz-page__site">${SITE_NAME} <span>· Interkommunale Zusammenarbeit in der Digitalisierung</span></p></header>`,
    '<main id="inhalt" class="ikz-page__main">',
    options.main,
    "</main>",
    '<footer class="ikz-page__footer"><p>Alle Angaben stammen aus öffentlichen Quellen, die bei jedem Eintrag genannt sind. ' +
      'Maschinenlesbar über die GraphQL-API unter <a href="/graphql">/graphql</a>.</p></footer>',
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function fact(term: string, details: string | null): string {
  return details ? `<dt>${escapeHtml(term)}</dt><dd>${details}</dd>` : "";
}

function list(items: string[], className?: string): string | null {
  if (!items.length) return null;
  const classAttribute = className ? ` class="${className}"` : "";
  return `<ul${classAttribute}>${items.map((item) => `<li>${item}</li>`).join("")}</ul>`;
}

function date(value: string | null): string | null {
  return value ? escapeHtml(formatPartialDateDe(value)) : null;
}

function section(id: string, heading: string, body: string): string {
  return `<section class="ikz-page__section" aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

function costsSection(view: ProjectPageView): string | null {
  if (!view.costs.length) return null;
  const rows = view.costs.map(
    (cost) =>
      "<tr>" +
      `<td><span class="ikz-page__amount">${escapeHtml(formatAmountDe(cost.amount, cost.currency))}</span> ` +
      `${escapeHtml(COST_PERIOD_LABELS[cost.period] ?? cost.period)}<br>` +
      `<span class="ikz-page__kind">${escapeHtml(COST_KIND_LABELS[cost.kind] ?? cost.kind)}</span></td>` +
      `<td>${escapeHtml(cost.description)}${cost.note ? `<br><small>${escapeHtml(cost.note)}</small>` : ""}</td>` +
      "</tr>",
  );
  const hasReferences = view.costs.some((cost) => cost.kind !== CostKind.COST);
  return section(
    "kosten",
    "Kosten",
    (hasReferences
      ? "<p>Nur Posten der Art „Kosten“ sind Kosten des Projekts; Vergleichswerte und Differenzen dienen der Einordnung.</p>\n"
      : "") +
      '<table class="ikz-page__table">\n<thead><tr><th scope="col">Betrag und Art</th><th scope="col">Wofür</th></tr></thead>\n' +
      `<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`,
  );
}

function lessonsSection(view: ProjectPageView): string | null {
  if (!view.lessons.length) return null;
  const lessons = view.lessons.map(
    (lesson) =>
      `<article class="ikz-page__lesson">\n<h3>${escapeHtml(lesson.title)}</h3>\n` +
      `<p class="ikz-page__kind">${escapeHtml(LESSON_KIND_LABELS[lesson.kind] ?? lesson.kind)}</p>\n<p>${escapeHtml(lesson.body)}</p>\n</article>`,
  );
  return section("erfahrungen", "Erfahrungen", lessons.join("\n"));
}

function sourcesSection(view: ProjectPageView): string | null {
  if (!view.sources.length) return null;
  const items = view.sources.map((source) => {
    const details = [source.publisher, source.publishedOn && formatPartialDateDe(source.publishedOn)].filter(Boolean) as string[];
    return `<li>${linkOrText(source.url, source.title)}${details.length ? `, ${escapeHtml(details.join(", "))}` : ""}</li>`;
  });
  return section("quellen", "Quellen", `<ol>${items.join("\n")}</ol>`);
}

function embedSection(view: ProjectPageView, hubOrigin: string): string {
  const card = { lang: "de", theme: "light", compact: false } as const;
  const frame = embedFrameHtml(hubOrigin, view, { card, ...frameSize({ card, maxWidth: null, maxHeight: null }) });
  return section(
    "einbinden",
    "Projektkarte einbinden",
    "<p>Kommunen und Partner können dieses Projekt als Karte auf ihrer Website zeigen. " +
      "Diesen Code in die Seite einfügen (Parameter: <code>lang=en</code>, <code>theme=dark</code> oder <code>theme=inherit</code>, " +
      "<code>compact=1</code>), oder die Adresse dieser Seite in ein CMS mit oEmbed-Unterstützung einfügen:</p>\n" +
      `<pre class="ikz-page__code"><code>${escapeHtml(frame)}</code></pre>`,
  );
}

/**
 * Renders the public page of a project: a complete HTML document, readable
 * without JavaScript, with the oEmbed discovery link and schema.org JSON-LD.
 * Every text is escaped and every link is http(s), whatever the data holds.
 */
export function renderProjectPage(view: ProjectPageView, hubOrigin: string): string {
  const pageUrl = projectPageUrl(hubOrigin, view.slug);
  const status = CARD_LABELS.de.status[view.status] ?? view.status;
  const description = shortenSummary(view.summary, 200);
  const head = [
    `<meta name="description" content="${escapeHtml(description)}">`,
    `<link rel="canonical" href="${escapeHtml(pageUrl)}">`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembedEndpointUrl(hubOrigin, pageUrl))}" title="${escapeHtml(view.title)}">`,
    '<meta property="og:type" content="website">',
    `<meta property="og:site_name" content="${SITE_NAME}">`,
    '<meta property="og:locale" content="de_DE">',
    `<meta property="og:title" content="${escapeHtml(view.title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta property="og:url" content="${escapeHtml(pageUrl)}">`,
    `<script type="application/ld+json">${jsonForScript(projectJsonLd(view, hubOrigin))}</script>`,
  ];
  const municipality = `${linkOrText(view.municipality.website, view.municipality.name)} (${escapeHtml(view.municipality.stateName)})`;
  const facts = [
    fact("Kommune", municipality),
    fact("Status", escapeHtml(status)),
    fact("Strategie", view.strategy && escapeHtml(view.strategy.title)),
    fact("Handlungsfeld", view.fieldOfAction && escapeHtml(view.fieldOfAction.title)),
    fact("Beginn", date(view.startedOn)),
    fact("Geplantes Ende", date(view.plannedEndOn)),
    fact("Abgeschlossen", date(view.completedOn)),
    fact("Themen", list(view.topics.map((topic) => escapeHtml(topic.labelDe)), "ikz-page__chips")),
    fact("Dienstleister", list(view.providers.map((provider) => linkOrText(provider.website, provider.name)))),
    fact("Partnerkommunen", list(view.partners.map((partner) => escapeHtml(partner.name)))),
    fact("Software", list(view.products.map((product) => escapeHtml(product.name)))),
  ].join("\n");
  const main = [
    '<article class="ikz-page__project" aria-labelledby="projekt-titel">',
    `<p class="ikz-page__city">${escapeHtml(`${view.municipality.name} · ${view.municipality.stateName}`)}</p>`,
    `<h1 id="projekt-titel">${escapeHtml(view.title)}</h1>`,
    `<p class="ikz-page__status">${escapeHtml(status)}</p>`,
    view.summary ? `<p class="ikz-page__summary">${escapeHtml(view.summary)}</p>` : "",
    `<dl class="ikz-page__facts">\n${facts}\n</dl>`,
    costsSection(view),
    lessonsSection(view),
    view.note ? section("anmerkung", "Anmerkung der Redaktion", `<p>${escapeHtml(view.note)}</p>`) : null,
    sourcesSection(view),
    embedSection(view, hubOrigin),
    "</article>",
  ]
    .filter(Boolean)
    .join("\n");
  return layout({ title: `${view.title} – ${view.municipality.name} – ${SITE_NAME}`, head, main });
}

/** The polite page for a project the hub does not (or no longer) publish; served with status 404. */
export function renderProjectNotFoundPage(): string {
  return layout({
    title: `Projekt nicht gefunden – ${SITE_NAME}`,
    head: ['<meta name="robots" content="noindex">'],
    main:
      '<h1>Projekt nicht gefunden</h1>\n<p>Dieses Projekt ist im IKZ-Hub nicht (mehr) veröffentlicht. ' +
      "Vielleicht wurde die Adresse falsch abgeschrieben, oder der Eintrag wurde umbenannt.</p>",
  });
}

/** The page shown when the hub fails to answer; served with status 500, without any detail of the failure. */
export function renderProjectErrorPage(): string {
  return layout({
    title: `Fehler – ${SITE_NAME}`,
    head: ['<meta name="robots" content="noindex">'],
    main: "<h1>Das hat nicht geklappt</h1>\n<p>Die Seite kann gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.</p>",
  });
}
