import { escapeHtml } from "./format.js";
import { CARD_LABELS, type CardLanguage } from "./labels.js";
import type { CardView } from "./project-view.js";
import { safeHttpUrl } from "./safe-url.js";

/** Looks of a card (`?theme=`): the hub's light or dark colours, or the host page's. */
export type CardTheme = "light" | "dark" | "inherit";

/** How a card is shown, from the embed's query parameters and the request. */
export interface CardOptions {
  lang: CardLanguage;
  theme: CardTheme;
  /** Hides summary, topics and providers (`?compact=1`). */
  compact: boolean;
  /** The hub's origin, e.g. `https://ikz-hub.example`; links point there. */
  hubOrigin: string;
  /** Open links in a new tab, as a card inside an iframe must. */
  newTab: boolean;
}

/** The longest summary a card shows, ellipsis included. */
export const CARD_SUMMARY_LENGTH = 240;

/** The public page of a project on the hub: the site's `/projekte/:slug` (the old `/projects/:slug` redirects there). */
export function projectPageUrl(hubOrigin: string, slug: string): string {
  return `${hubOrigin}/projekte/${encodeURIComponent(slug)}`;
}

/**
 * Cuts `text` to at most `max` characters at a word boundary and marks the cut
 * with "…"; shorter texts come back whole (with runs of white space collapsed).
 */
export function shortenSummary(text: string, max = CARD_SUMMARY_LENGTH): string {
  // By code point, so that an emoji or other astral character is never split in two.
  const chars = Array.from(text.trim().replace(/\s+/g, " "));
  if (chars.length <= max) return chars.join("");
  const head = chars.slice(0, max - 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  const atWordEnd = chars[max - 1] === " ";
  const cut = atWordEnd || lastSpace < max / 2 ? head : head.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, "")}…`;
}

function cardClass(theme: CardTheme, compact: boolean): string {
  return escapeHtml(`ikz-card ikz-card--${theme}${compact ? " ikz-card--compact" : ""}`);
}

function link(href: string | null, text: string, newTab: boolean, className?: string): string {
  const safe = safeHttpUrl(href);
  if (!safe) return escapeHtml(text);
  const classAttribute = className ? ` class="${escapeHtml(className)}"` : "";
  const target = newTab ? ' target="_blank" rel="noopener"' : "";
  return `<a${classAttribute} href="${escapeHtml(safe)}"${target}>${escapeHtml(text)}</a>`;
}

/**
 * Renders a project card as an HTML fragment (the structure of card-markup.md).
 * Every text is escaped and every link is http(s), whatever the data holds.
 */
export function renderCard(view: CardView, options: CardOptions): string {
  const labels = CARD_LABELS[options.lang];
  const pageUrl = projectPageUrl(options.hubOrigin, view.slug);
  const titleId = `ikz-card-title-${view.slug}`;
  const city = [view.municipality.name, view.municipality.stateName].filter(Boolean).join(" · ");
  const summary = shortenSummary(view.summary);
  const topics = view.topics
    .map((topic) => (options.lang === "en" ? topic.labelEn : topic.labelDe))
    .sort(new Intl.Collator(options.lang).compare);
  const lines = [
    `<article class="${cardClass(options.theme, options.compact)}" lang="${escapeHtml(options.lang)}" aria-labelledby="${escapeHtml(titleId)}">`,
    `  <p class="ikz-card__city">${escapeHtml(city)}</p>`,
    `  <h2 class="ikz-card__title" id="${escapeHtml(titleId)}">${link(pageUrl, view.title, options.newTab)}</h2>`,
    `  <p class="ikz-card__status">${escapeHtml(labels.status[view.status] ?? view.status)}</p>`,
  ];
  if (summary) lines.push(`  <p class="ikz-card__summary">${escapeHtml(summary)}</p>`);
  if (topics.length) {
    const items = topics.map((label) => `<li>${escapeHtml(label)}</li>`).join("");
    lines.push(`  <ul class="ikz-card__topics" aria-label="${escapeHtml(labels.topics)}">${items}</ul>`);
  }
  if (view.providers.length) {
    const names = view.providers.map((provider) => provider.name).join(", ");
    lines.push(`  <p class="ikz-card__providers">${escapeHtml(`${labels.with} ${names}`)}</p>`);
  }
  lines.push(`  <p class="ikz-card__footer">${link(pageUrl, labels.more, options.newTab, "ikz-card__more")}</p>`, `</article>`);
  return lines.join("\n");
}

/**
 * Renders the card that stands in for a project: "not published" for an unknown
 * slug, "cannot be loaded" when the hub failed. The latter links to the project
 * page when the slug is known, so readers still get there.
 */
export function renderCardMessage(
  kind: "not-published" | "unavailable",
  options: Pick<CardOptions, "lang" | "theme" | "hubOrigin" | "newTab"> & { slug?: string },
): string {
  const labels = CARD_LABELS[options.lang];
  const text = kind === "not-published" ? labels.notPublished : labels.unavailable;
  const lines = [
    `<article class="${cardClass(options.theme, false)}" lang="${escapeHtml(options.lang)}">`,
    `  <p class="ikz-card__message">${escapeHtml(text)}</p>`,
  ];
  if (kind === "unavailable" && options.slug) {
    const href = projectPageUrl(options.hubOrigin, options.slug);
    lines.push(`  <p class="ikz-card__footer">${link(href, labels.more, options.newTab, "ikz-card__more")}</p>`);
  }
  lines.push(`</article>`);
  return lines.join("\n");
}
