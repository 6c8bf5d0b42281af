import type { VNode } from "preact";
import { formatDayIn, formatPartialDateDe, formatPartialDateEn } from "./format.js";
import { CARD_LABELS, type CardLanguage } from "./labels.js";
import type { CardView } from "./project-view.js";
import { renderHtml } from "./render-html.js";
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
  return `ikz-card ikz-card--${theme}${compact ? " ikz-card--compact" : ""}`;
}

/** What a card link needs: its address, and whether it opens in a new tab. */
interface CardLinkProps {
  href: string;
  newTab: boolean;
  className?: string;
  children: string;
}

/** A link when `href` is http(s); any other value (e.g. a forged origin) leaves the text unlinked. */
function CardLink({ href, newTab, className, children }: CardLinkProps): VNode {
  const safe = safeHttpUrl(href);
  if (!safe) return <>{children}</>;
  return (
    <a class={className} href={safe} target={newTab ? "_blank" : undefined} rel={newTab ? "noopener" : undefined}>
      {children}
    </a>
  );
}

/** The card's closing line: the link to the project's page on the hub. */
function CardFooter({ href, lang, newTab }: { href: string; lang: CardLanguage; newTab: boolean }): VNode {
  return (
    <p class="ikz-card__footer">
      <CardLink href={href} newTab={newTab} className="ikz-card__more">
        {CARD_LABELS[lang].more}
      </CardLink>
    </p>
  );
}

/**
 * A project card (the structure of card-markup.md). Every text is escaped by the
 * template and every link is http(s), whatever the data holds.
 */
export function ProjectCard({ view, options }: { view: CardView; options: CardOptions }): VNode {
  const labels = CARD_LABELS[options.lang];
  const pageUrl = projectPageUrl(options.hubOrigin, view.slug);
  const titleId = `ikz-card-title-${view.slug}`;
  const city = [view.municipality.name, view.municipality.stateName].filter(Boolean).join(" · ");
  const summary = shortenSummary(view.summary);
  const topics = view.topics
    .map((topic) => (options.lang === "en" ? topic.labelEn : topic.labelDe))
    .sort(new Intl.Collator(options.lang).compare);
  const providers = view.providers.map((provider) => provider.name).join(", ");
  return (
    <article class={cardClass(options.theme, options.compact)} lang={options.lang} aria-labelledby={titleId}>
      <p class="ikz-card__city">{city}</p>
      <h2 class="ikz-card__title" id={titleId}>
        <CardLink href={pageUrl} newTab={options.newTab}>
          {view.title}
        </CardLink>
      </h2>
      <p class="ikz-card__status">{labels.status[view.status] ?? view.status}</p>
      <CardDates view={view} lang={options.lang} />
      {summary ? <p class="ikz-card__summary">{summary}</p> : null}
      {topics.length ? (
        <ul class="ikz-card__topics" aria-label={labels.topics}>
          {topics.map((label) => (
            <li>{label}</li>
          ))}
        </ul>
      ) : null}
      {view.providers.length ? <p class="ikz-card__providers">{`${labels.with} ${providers}`}</p> : null}
      <CardFooter href={pageUrl} lang={options.lang} newTab={options.newTab} />
    </article>
  );
}

/** "Stand laut Quelle: November 2018 · Zuletzt geändert: 6. Dezember 2026": how old the status is, and the record. */
function CardDates({ view, lang }: { view: CardView; lang: CardLanguage }): VNode {
  const labels = CARD_LABELS[lang];
  const formatPartialDate = lang === "en" ? formatPartialDateEn : formatPartialDateDe;
  return (
    <p class="ikz-card__dates">
      {view.statusAsOf ? (
        <>
          {`${labels.statusAsOf} `}
          <time datetime={view.statusAsOf}>{formatPartialDate(view.statusAsOf)}</time>
          {" · "}
        </>
      ) : null}
      {`${labels.updated} `}
      <time datetime={view.updatedAt.toISOString()}>{formatDayIn(lang, view.updatedAt)}</time>
    </p>
  );
}

/** Why a card stands in for a project: an unknown slug, or a hub that failed. */
export type CardMessageKind = "not-published" | "unavailable";

/** What a message card needs: the card's options, and the slug when it is known. */
export type CardMessageOptions = Pick<CardOptions, "lang" | "theme" | "hubOrigin" | "newTab"> & { slug?: string };

/**
 * The card that stands in for a project: "not published" for an unknown slug,
 * "cannot be loaded" when the hub failed. The latter links to the project page
 * when the slug is known, so readers still get there.
 */
export function CardMessage({ kind, options }: { kind: CardMessageKind; options: CardMessageOptions }): VNode {
  const labels = CARD_LABELS[options.lang];
  const text = kind === "not-published" ? labels.notPublished : labels.unavailable;
  return (
    <article class={cardClass(options.theme, false)} lang={options.lang}>
      <p class="ikz-card__message">{text}</p>
      {kind === "unavailable" && options.slug ? (
        <CardFooter
          href={projectPageUrl(options.hubOrigin, options.slug)}
          lang={options.lang}
          newTab={options.newTab}
        />
      ) : null}
    </article>
  );
}

/** A project card as an HTML fragment (see `ProjectCard`). */
export function renderCard(view: CardView, options: CardOptions): string {
  return renderHtml(<ProjectCard view={view} options={options} />);
}

/** A message card as an HTML fragment (see `CardMessage`). */
export function renderCardMessage(kind: CardMessageKind, options: CardMessageOptions): string {
  return renderHtml(<CardMessage kind={kind} options={options} />);
}
