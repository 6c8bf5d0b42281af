import type { VNode } from "preact";
import { counted, formatNumber } from "../labels.js";
import { Layout, paths } from "../layout.js";
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
  const perTopic = projectsPerTopic(data.stats.projectsByTopicAndState);
  const figures = [
    { count: data.municipalities.totalCount, text: "Kommunen", href: "/kommunen" },
    { count: data.stats.projectCount, text: "Projekte", href: "/themen" },
    { count: data.providers.totalCount, text: "Anbieter", href: "/anbieter" },
    { count: data.lessons.totalCount, text: "Erfahrungen", href: "/erfahrungen" },
  ];
  return (
    <Layout title="Start" section="start">
      <h1>IKZ-Hub: Digitalisierung interkommunal</h1>
      <p class="lead">
        Der IKZ-Hub sammelt Digitalisierungsstrategien, Projekte, Anbieter und Erfahrungen deutscher Kommunen an einem Ort. So
        finden Kommunen Partner für die interkommunale Zusammenarbeit und lernen aus dem, was anderswo schon funktioniert.
      </p>
      <form class="search-form" action="/suche" method="get" role="search" aria-label="Hub durchsuchen">
        <label for="start-suche">Im Hub suchen</label>
        <div class="search-row">
          <input type="search" id="start-suche" name="q" maxLength={MAX_SEARCH_QUERY} />
          <button type="submit">Suchen</button>
        </div>
      </form>
      <h2>Der Hub in Zahlen</h2>
      <ul class="figures">
        {figures.map((figure) => (
          <li key={figure.text}>
            {figure.href ? (
              <a href={figure.href}>
                <span class="figure">{formatNumber(figure.count)}</span> {figure.text}
              </a>
            ) : (
              <span>
                <span class="figure">{formatNumber(figure.count)}</span> {figure.text}
              </span>
            )}
          </li>
        ))}
      </ul>
      <h2>Themen</h2>
      <ul class="tiles">
        {data.topics.nodes.map((topic) => (
          <li key={topic.key}>
            <a href={paths.topic(topic.key)}>
              <span class="tile-title">{topic.label}</span>
              <span class="tile-count">{counted(perTopic.get(topic.key) ?? 0, "Projekt", "Projekte")}</span>
            </a>
          </li>
        ))}
      </ul>
      <LatestChanges changes={data.changes.nodes.map(changeView)} />
      <h2>Weiter</h2>
      <ul>
        <li>
          <a href="/kommunen">Alle Kommunen nach Bundesland</a>
        </li>
        <li>
          <a href="/anbieter">Alle Anbieter</a>
        </li>
        <li>
          <a href="/themen">Alle Themen mit ihren Projekten</a>
        </li>
      </ul>
    </Layout>
  );
}
