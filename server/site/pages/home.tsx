import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout } from "../layout.js";
import { paths } from "../paths.js";
import type { HomeData } from "../queries.js";
import { MAX_SEARCH_QUERY } from "../search-params.js";
import { changeView } from "../changes/change-view.js";
import { LatestChanges } from "./changes.js";

/** Published projects per topic key, summed over the states. */
export function projectsPerTopic(rows: HomeData["stats"]["projectsByTopicAndState"]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.topic.key, (counts.get(row.topic.key) ?? 0) + row.count);
  return counts;
}

/** `/`: what the hub is, its figures, and the topics as tiles. */
export function HomePage({ data }: { data: HomeData }): VNode {
  const { t, lang, contentLang, href, formatNumber, formatTotal, counted } = useSiteLanguage();
  const perTopic = projectsPerTopic(data.stats.projectsByTopicAndState);
  const figures = [
    { count: formatTotal(data.municipalities), text: t.home.figures.kommunen, href: "/kommunen" },
    { count: formatNumber(data.stats.projectCount), text: t.home.figures.projekte, href: "/themen" },
    { count: formatTotal(data.providers), text: t.home.figures.anbieter, href: "/anbieter" },
    { count: formatTotal(data.lessons), text: t.home.figures.erfahrungen, href: "/erfahrungen" },
  ];
  return (
    <Layout title={t.home.title} section="start">
      <h1>{t.home.heading}</h1>
      <p class="lead">{t.home.lead}</p>
      <form class="search-form" action="/suche" method="get" role="search" aria-label={t.home.searchLabel}>
        <label for="start-suche">{t.home.searchField}</label>
        <div class="search-row">
          <input type="search" id="start-suche" name="q" maxLength={MAX_SEARCH_QUERY} />
          {lang === "de" ? null : <input type="hidden" name="lang" value={lang} />}
          <button type="submit">{t.home.searchButton}</button>
        </div>
      </form>
      <h2>{t.home.figuresHeading}</h2>
      <ul class="figures">
        {figures.map((figure) => (
          <li key={figure.text}>
            {figure.href ? (
              <a href={href(figure.href)}>
                <span class="figure">{figure.count}</span> {figure.text}
              </a>
            ) : (
              <span>
                <span class="figure">{figure.count}</span> {figure.text}
              </span>
            )}
          </li>
        ))}
      </ul>
      <h2>{t.home.topicsHeading}</h2>
      <ul class="tiles">
        {data.topics.nodes.map((topic) => (
          <li key={topic.key}>
            <a href={href(paths.topic(topic.key))}>
              <span class="tile-title" lang={contentLang}>
                {topic.label}
              </span>
              <span class="tile-count">{counted(perTopic.get(topic.key) ?? 0, t.nouns.project)}</span>
            </a>
          </li>
        ))}
      </ul>
      <LatestChanges changes={data.changes.nodes.map(changeView)} />
      <h2>{t.home.moreHeading}</h2>
      <ul>
        <li>
          <a href={href("/kommunen")}>{t.home.allCities}</a>
        </li>
        <li>
          <a href={href("/anbieter")}>{t.home.allProviders}</a>
        </li>
        <li>
          <a href={href("/themen")}>{t.home.allTopics}</a>
        </li>
      </ul>
    </Layout>
  );
}
