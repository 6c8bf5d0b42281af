import type { ComponentChildren, VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { stripBidiControls } from "../../schema/common/bidi.js";
import { safeHttpUrl } from "../embed/safe-url.js";
import { formatPartialDate, label } from "./labels.js";
import type { Named, ProjectRef, SourceRef, TopicRef } from "./queries.js";

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

/** The licence the hub's content is published under, named in every page's footer. */
export const DATA_LICENCE = { name: "Datenlizenz Deutschland – Namensnennung 2.0", url: "https://www.govdata.de/dl-de/by-2-0" } as const;

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
              Inhalte unter der <a href={DATA_LICENCE.url}>{DATA_LICENCE.name}</a>.
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
export function renderDocument(page: VNode): string {
  return `<!doctype html>${stripBidiControls(renderToString(page))}`;
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
