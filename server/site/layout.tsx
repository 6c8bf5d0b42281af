import { type ComponentChildren, createContext, type VNode } from "preact";
import { useContext } from "preact/hooks";
import { renderHtmlDocument } from "../embed/render-html.js";
import { safeHttpUrl } from "../embed/safe-url.js";
import {
  InGerman,
  localHref,
  type SiteLanguageContext,
  SiteLanguageProvider,
  siteLanguage,
  useSiteLanguage,
} from "./i18n/site-language.js";
import { paths } from "./paths.js";
import type { Named, ProjectRef, SourceRef, TopicRef } from "./queries.js";
import { DEFAULT_SITE_SETTINGS, type SiteSettings, SiteSettingsContext } from "./settings.js";

/** The site's sections, for the navigation and `aria-current`. */
export type Section = "start" | "kommunen" | "anbieter" | "themen" | "vergleich" | "erfahrungen" | "suche" | null;

const NAVIGATION: readonly { section: Exclude<Section, null>; href: string }[] = [
  { section: "start", href: "/" },
  { section: "kommunen", href: "/kommunen" },
  { section: "anbieter", href: "/anbieter" },
  { section: "themen", href: "/themen" },
  { section: "vergleich", href: "/vergleich" },
  { section: "erfahrungen", href: "/erfahrungen" },
  { section: "suche", href: "/suche" },
];

/** The operator's pages and the hub's own about itself, linked from every page's footer. */
const ABOUT = [
  { href: "/aenderungen", text: "changes" },
  { href: "/api", text: "api" },
  { href: "/impressum", text: "imprint" },
  { href: "/datenschutz", text: "privacy" },
  { href: "/barrierefreiheit", text: "accessibility" },
] as const;

/** The exports every page links to. */
const EXPORTS = [
  { href: "/export/projects.csv", text: "projectsCsv" },
  { href: "/export/projects.json", text: "projectsJson" },
  { href: "/export/strategies.csv", text: "strategiesCsv" },
] as const;

/**
 * A note shown at the top of a page's main content when the page is not what the public sees: the editor's
 * preview of a draft renders the public templates inside it.
 */
export const PageBanner = createContext<ComponentChildren>(null);

/** The site's stylesheet, served by the site router. */
export const STYLESHEET_PATH = "/site/site.css";

interface LayoutProps {
  /** The page's own title; the hub's name is appended. */
  title: string;
  section: Section;
  /** Extra elements of the page's `<head>` (e.g. a canonical link). */
  head?: ComponentChildren;
  children: ComponentChildren;
}

/** The link to this page in the other language, named in that language. */
function LanguageSwitch(): VNode {
  const { lang, t, here } = useSiteLanguage();
  const other = t.layout.otherLanguage;
  return (
    <p class="language-switch">
      <a
        href={lang === "de" ? localHref(here, other.lang) : here}
        hreflang={other.lang}
        lang={other.lang}
        aria-label={other.label}
      >
        {other.name}
      </a>
    </p>
  );
}

/** The frame of every page: skip link, header with navigation and language switch, main, footer with licence and exports. */
export function Layout({ title, section, head, children }: LayoutProps): VNode {
  const { licence } = useContext(SiteSettingsContext);
  const { lang, t, href } = useSiteLanguage();
  const banner = useContext(PageBanner);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.layout.hub}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {head}
      </head>
      <body>
        <a class="skip" href="#inhalt">
          {t.layout.skip}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href={href("/")}>
              {t.layout.hub}
            </a>
            <nav aria-label={t.layout.mainNavigation}>
              <ul>
                {NAVIGATION.map((item) => (
                  <li key={item.href}>
                    <a href={href(item.href)} aria-current={item.section === section ? "page" : undefined}>
                      {t.layout.nav[item.section]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <LanguageSwitch />
          </div>
        </header>
        <main id="inhalt" class="wrap" tabIndex={-1}>
          {banner}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {t.layout.licenceBefore}
              <InGerman>
                <ExternalLink href={licence.url}>{licence.name}</ExternalLink>
              </InGerman>
              {t.layout.licenceAfter}
            </p>
            <p>
              {t.layout.downloads}
              {EXPORTS.map((item, index) => (
                <span key={item.href}>
                  {index > 0 ? ", " : ""}
                  <a href={item.href}>{t.layout.exports[item.text]}</a>
                </span>
              ))}
              {t.layout.forProgramsBefore}
              <a href="/graphql">{t.layout.graphqlApi}</a>
              {t.layout.forProgramsAnd}
              <a href="/explorer">Explorer</a>
              {t.layout.forProgramsAfter}
            </p>
            <nav aria-label={t.layout.aboutHub}>
              <ul class="footer-links">
                {ABOUT.map((item) => (
                  <li key={item.href}>
                    <a href={href(item.href)}>{t.layout.about[item.text]}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}

/**
 * A complete HTML document. Preact escapes every interpolated value; bidirectional
 * control characters, which no template writes, are dropped from the whole page, so
 * that stored text shows in the order it was written ("Bericht\u202Egpj.exe" cannot pose as "Berichtexe.jpg").
 * `language` is the page's (`?lang=`), German by default.
 */
export function renderDocument(
  page: VNode,
  settings: SiteSettings = DEFAULT_SITE_SETTINGS,
  language: SiteLanguageContext = siteLanguage("de", "/"),
): string {
  const provided = (
    <SiteSettingsContext.Provider value={settings}>
      <SiteLanguageProvider value={language}>{page}</SiteLanguageProvider>
    </SiteSettingsContext.Provider>
  );
  return renderHtmlDocument(provided);
}

/** A link to another site when its URL is http(s); any other stored value (e.g. `javascript:`) is shown as text. */
export function ExternalLink({ href, children }: { href: string | null; children: ComponentChildren }): VNode {
  const safe = safeHttpUrl(href);
  return safe ? <a href={safe}>{children}</a> : <span>{children}</span>;
}

/** The sources of a fact, as a short list; nothing when there are none. */
export function Sources({ sources, labelled = true }: { sources: SourceRef[]; labelled?: boolean }): VNode | null {
  const { t, contentLang, formatPartialDate } = useSiteLanguage();
  if (sources.length === 0) return null;
  return (
    <div class="sources">
      {labelled ? <span class="sources-label">{t.layout.sources}</span> : null}
      <ul lang={contentLang}>
        {sources.map((source) => (
          <li key={source.key}>
            <ExternalLink href={source.url}>{source.title}</ExternalLink>
            {source.publisher ? `, ${source.publisher}` : ""}
            {source.publishedOn ? ` (${formatPartialDate(source.publishedOn)})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Topic chips linking to the topics' pages. */
export function TopicLinks({ topics }: { topics: TopicRef[] }): VNode | null {
  const { t, contentLang, href } = useSiteLanguage();
  if (topics.length === 0) return null;
  return (
    <ul class="chips" aria-label={t.layout.topics}>
      {topics.map((topic) => (
        <li key={topic.key}>
          <a href={href(paths.topic(topic.key))} lang={contentLang}>
            {topic.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A list of projects with city, status and topics, each linked. */
export function ProjectList({
  projects,
  showCity = true,
}: {
  projects: (Omit<ProjectRef, "municipality"> & { municipality?: Named })[];
  showCity?: boolean;
}): VNode {
  const { contentLang, href, label } = useSiteLanguage();
  return (
    <ul class="cards">
      {projects.map((project) => (
        <li key={project.slug} class="card">
          <h3 lang={contentLang}>
            <a href={href(paths.project(project.slug))}>{project.title}</a>
          </h3>
          <p class="meta">
            {showCity && project.municipality ? (
              <>
                <a href={href(paths.city(project.municipality.slug))}>{project.municipality.name}</a> ·{" "}
              </>
            ) : null}
            {label("projectStatus", project.status)}
          </p>
          <p lang={contentLang}>{project.summary}</p>
          <TopicLinks topics={project.topics} />
        </li>
      ))}
    </ul>
  );
}

/** The link to a list's next page (`rel="next"`), when there is one; it keeps the page's language. */
export function NextPage({ href, children }: { href: string | null; children: ComponentChildren }): VNode | null {
  const language = useSiteLanguage();
  if (!href) return null;
  return (
    <p>
      <a href={language.href(href)} rel="next">
        {children}
      </a>
    </p>
  );
}
