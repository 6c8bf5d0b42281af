import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout } from "../layout.js";
import { paths } from "../paths.js";
import type { TopicsData } from "../queries.js";
import { projectsPerTopic } from "./home.js";

/** `/themen`: every topic with its description and project count. */
export function TopicsPage({ data }: { data: TopicsData }): VNode {
  const { t, contentLang, href, counted } = useSiteLanguage();
  const perTopic = projectsPerTopic(data.stats.projectsByTopicAndState);
  return (
    <Layout title={t.topics.title} section="themen">
      <h1>{t.topics.title}</h1>
      <p>{t.topics.lead}</p>
      <ul class="cards">
        {data.topics.nodes.map((topic) => (
          <li key={topic.key} class="card">
            <h2 lang={contentLang}>
              <a href={href(paths.topic(topic.key))}>{topic.label}</a>
            </h2>
            <p class="meta">{counted(perTopic.get(topic.key) ?? 0, t.nouns.project)}</p>
            <p lang={contentLang}>{topic.description}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
