import type { VNode } from "preact";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout, ProjectList } from "../layout.js";
import { paths } from "../paths.js";
import type { TopicData } from "../queries.js";

type Topic = NonNullable<TopicData["topic"]>;

/** `/themen/:key`: the cities and projects on a topic. */
export function TopicPage({ topic, projects }: { topic: Topic; projects: TopicData["projects"] }): VNode {
  const { t, contentLang, href, counted } = useSiteLanguage();
  return (
    <Layout title={topic.label} section="themen">
      <p class="breadcrumb">
        <a href={href("/themen")}>{t.topics.title}</a>
      </p>
      <h1 lang={contentLang}>{topic.label}</h1>
      <p class="lead" lang={contentLang}>
        {topic.description}
      </p>
      <h2>{t.topic.cities}</h2>
      {topic.municipalities.length === 0 ? (
        <p>{t.topic.noCities}</p>
      ) : (
        <ul class="columns">
          {topic.municipalities.map((entry) => (
            <li key={entry.municipality.slug}>
              <a href={href(paths.city(entry.municipality.slug))}>{entry.municipality.name}</a>{" "}
              <span class="meta">
                ({counted(entry.projects, t.nouns.project)}, {counted(entry.fieldsOfAction, t.nouns.fieldOfAction)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t.topic.projects}</h2>
      {projects.nodes.length === 0 ? <p>{t.topic.noProject}</p> : <ProjectList projects={projects.nodes} />}
    </Layout>
  );
}
