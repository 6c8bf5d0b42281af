import type { VNode } from "preact";
import { counted } from "../labels.js";
import { Layout, paths } from "../layout.js";
import type { TopicsData } from "../queries.js";
import { projectsPerTopic } from "./home.js";

/** `/themen`: every topic with its description and project count. */
export function TopicsPage({ data }: { data: TopicsData }): VNode {
  const perTopic = projectsPerTopic(data.stats.projectsByTopicAndState);
  return (
    <Layout title="Themen" section="themen">
      <h1>Themen</h1>
      <p>Die gemeinsame Themenliste des Hubs: Strategien, Projekte und Erfahrungen aller Kommunen sind ihr zugeordnet.</p>
      <ul class="cards">
        {data.topics.nodes.map((topic) => (
          <li key={topic.key} class="card">
            <h2>
              <a href={paths.topic(topic.key)}>{topic.label}</a>
            </h2>
            <p class="meta">{counted(perTopic.get(topic.key) ?? 0, "Projekt", "Projekte")}</p>
            <p>{topic.description}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
