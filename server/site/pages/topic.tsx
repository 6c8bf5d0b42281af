import type { VNode } from "preact";
import { counted } from "../labels.js";
import { Layout, paths, ProjectList } from "../layout.js";
import type { TopicData } from "../queries.js";

type Topic = NonNullable<TopicData["node"]>;

/** `/themen/:key`: the cities and projects on a topic. */
export function TopicPage({ topic, projects }: { topic: Topic; projects: TopicData["projects"] }): VNode {
  return (
    <Layout title={topic.label} section="themen">
      <p class="breadcrumb">
        <a href="/themen">Themen</a>
      </p>
      <h1>{topic.label}</h1>
      <p class="lead">{topic.description}</p>
      <h2>Kommunen</h2>
      {topic.municipalities.length === 0 ? (
        <p>Noch keine Kommune hat veröffentlichte Handlungsfelder oder Projekte zu diesem Thema.</p>
      ) : (
        <ul class="columns">
          {topic.municipalities.map((entry) => (
            <li key={entry.municipality.slug}>
              <a href={paths.city(entry.municipality.slug)}>{entry.municipality.name}</a>{" "}
              <span class="meta">
({counted(entry.projects, "Projekt", "Projekte")}, {counted(entry.fieldsOfAction, "Handlungsfeld", "Handlungsfelder")})
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>Projekte</h2>
      {projects.nodes.length === 0 ? <p>Kein veröffentlichtes Projekt.</p> : <ProjectList projects={projects.nodes} />}
    </Layout>
  );
}
