import type { ComponentChildren, VNode } from "preact";
import { useContext } from "preact/hooks";
import { renderToString } from "preact-render-to-string";
import { stripBidiControls } from "../../schema/common/bidi.js";
import { safeHttpUrl } from "../embed/safe-url.js";
import { formatPartialDate, label } from "./labels.js";
import type { Named, ProjectRef, SourceRef, TopicRef } from "./queries.js";
import { DEFAULT_SITE_SETTINGS, type SiteSettings, SiteSettingsContext } from "./settings.js";

/** The site's sections, for the navigation and `aria-current`. */
export type Section = "start" | "kommunen" | "anbieter" | "themen" | "vergleich" | "erfahrungen" | "suche" | null;

const NAVIGATION: readonly { section: Exclude<Section, null>; href: string; text: string }[] = [
  { section: "start", href: "/", text: "Start" },
  { section: "kommunen", href: "/kommunen", text: "Kommunen" },
  { section: "anbieter", href: "/anbieter", text: "Anbieter" },
  { section: "themen", href: "/themen", text: "Themen" },
  { section: "vergleich", href: "/vergleich", text: "Vergleich" },
  { section: "erfahrungen", href: "/erfahrungen", text: "Erfahrungen" },
  { section: "suche", href: "/suche", text: "Suche" },
];

/** The operator's pages and the hub's own about itself, linked from every page's footer. */
const ABOUT: readonly { href: string; text: string }[] = [
  { href: "/aenderungen", text: "Letzte Änderungen" },
  { href: "/api", text: "API und Daten" },
  { href: "/impressum", text: "Impressum" },
  { href: "/datenschutz", text: "Datenschutz" },
  { href: "/barrierefreiheit", text: "Barrierefreiheit" },
];

/** The exports every page links to. */
const EXPORTS: readonly { href: string; text: string }[] = [
  { href: "/export/projects.csv", text: "Projekte (CSV)" },
  { href: "/export/projects.json", text: "Projekte (JSON)" },
  { href: "/export/strategies.csv", text: "Strategien (CSV)" },
];

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

/** The frame of every page: skip link, header with navigation, main, footer with licence and exports. */
export function Layout({ title, section, head, children }: LayoutProps): VNode {
  const { licence } = useContext(SiteSettingsContext);
  return (
    <html lang="de">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – IKZ-Hub`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {head}
      </head>
      <body>
        <a class="skip" href="#inhalt">
          Zum Inhalt springen
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              IKZ-Hub
            </a>
            <nav aria-label="Hauptnavigation">
              <ul>
                {NAVIGATION.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={item.section === section ? "page" : undefined}>
                      {item.text}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="inhalt" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              Inhalte unter der <ExternalLink href={licence.url}>{licence.name}</ExternalLink>.
            </p>
            <p>
              Daten zum Herunterladen:{" "}
              {EXPORTS.map((item, index) => (
                <span key={item.href}>
                  {index > 0 ? ", " : ""}
                  <a href={item.href}>{item.text}</a>
                </span>
              ))}
              . Für Programme: die <a href="/graphql">GraphQL-API</a> und ihr <a href="/explorer">Explorer</a>.
            </p>
            <nav aria-label="Über den Hub">
              <ul class="footer-links">
                {ABOUT.map((item) => (
                  <li key={item.href}>
                    <a href={item.href}>{item.text}</a>
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
 */
export function renderDocument(page: VNode, settings: SiteSettings = DEFAULT_SITE_SETTINGS): string {
  const provided = <SiteSettingsContext.Provider value={settings}>{page}</SiteSettingsContext.Provider>;
  return `<!doctype html>${stripBidiControls(renderToString(provided))}`;
}

/** The path of a record's page; slugs are percent-encoded so that no stored value can change the path. */
export const paths = {
  city: (slug: string) => `/kommunen/${encodeURIComponent(slug)}`,
  project: (slug: string) => `/projekte/${encodeURIComponent(slug)}`,
  provider: (slug: string) => `/anbieter/${encodeURIComponent(slug)}`,
  strategy: (slug: string) => `/strategien/${encodeURIComponent(slug)}`,
  topic: (key: string) => `/themen/${encodeURIComponent(key)}`,
};

/** A link to another site when its URL is http(s); any other stored value (e.g. `javascript:`) is shown as text. */
export function ExternalLink({ href, children }: { href: string | null; children: ComponentChildren }): VNode {
  const safe = safeHttpUrl(href);
  return safe ? <a href={safe}>{children}</a> : <span>{children}</span>;
}

/** The sources of a fact, as a short list; nothing when there are none. */
export function Sources({ sources, labelled = true }: { sources: SourceRef[]; labelled?: boolean }): VNode | null {
  if (sources.length === 0) return null;
  return (
    <div class="sources">
      {labelled ? <span class="sources-label">Quellen:</span> : null}
      <ul>
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
  if (topics.length === 0) return null;
  return (
    <ul class="chips" aria-label="Themen">
      {topics.map((topic) => (
        <li key={topic.key}>
          <a href={paths.topic(topic.key)}>{topic.label}</a>
        </li>
      ))}
    </ul>
  );
}

/** A list of projects with city, status and topics, each linked. */
export function ProjectList({ projects, showCity = true }: { projects: (Omit<ProjectRef, "municipality"> & { municipality?: Named })[]; showCity?: boolean }): VNode {
  return (
    <ul class="cards">
      {projects.map((project) => (
        <li key={project.slug} class="card">
          <h3>
            <a href={paths.project(project.slug)}>{project.title}</a>
          </h3>
          <p class="meta">
            {showCity && project.municipality ? (
              <>
                <a href={paths.city(project.municipality.slug)}>{project.municipality.name}</a> ·{" "}
              </>
            ) : null}
            {label("projectStatus", project.status)}
          </p>
          <p>{project.summary}</p>
          <TopicLinks topics={project.topics} />
        </li>
      ))}
    </ul>
  );
}

/** The link to a list's next page (`rel="next"`), when there is one. */
export function NextPage({ href, children }: { href: string | null; children: ComponentChildren }): VNode | null {
  if (!href) return null;
  return (
    <p>
      <a href={href} rel="next">
        {children}
      </a>
    </p>
  );
}
