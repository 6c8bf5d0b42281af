import { Fragment, type VNode } from "preact";
import { Stand } from "../components/stand.js";
import { formatPartialDate, germanReason, label } from "../labels.js";
import { Layout, paths, Sources, TopicLinks } from "../layout.js";
import type { ProjectData } from "../queries.js";
import { EmbedBox, EmbedHead } from "./embed-box.js";
import { ProjectCosts } from "./project-costs.js";

type Project = NonNullable<ProjectData["project"]>;

function Dates({ project }: { project: Project }): VNode | null {
  const dates = [
    { text: "Beginn", value: project.startedOn },
    { text: "Geplantes Ende", value: project.plannedEndOn },
    { text: "Abgeschlossen", value: project.completedOn },
  ].filter((date): date is { text: string; value: string } => date.value !== null);
  return (
    <>
      {dates.map((date) => (
        <Fragment key={date.text}>
          <dt>{date.text}</dt>
          <dd>{formatPartialDate(date.value)}</dd>
        </Fragment>
      ))}
    </>
  );
}

/**
 * `/projekte/:slug`: a project with its city, topics, providers, sources and similar projects, all linked,
 * and the snippets to embed its card for the hub's public `origin` (null when unknown).
 */
export function ProjectPage({ project, origin }: { project: Project; origin: string | null }): VNode {
  const city = project.municipality;
  const topicLabels = new Map([project, ...project.similar.map((similar) => similar.project)].flatMap((each) => each.topics.map((topic) => [topic.key, topic.label] as const)));
  return (
    <Layout title={project.title} section="kommunen" head={<EmbedHead project={project} origin={origin} />}>
      <p class="breadcrumb">
        <a href="/kommunen">Kommunen</a> › <a href={paths.city(city.slug)}>{city.name}</a>
      </p>
      <h1>{project.title}</h1>
      <p class="lead">{project.summary}</p>
      <dl class="facts">
        <dt>Kommune</dt>
        <dd>
          <a href={paths.city(city.slug)}>{city.name}</a> ({city.stateName})
        </dd>
        <dt>Status</dt>
        <dd>{label("projectStatus", project.status)}</dd>
        <Dates project={project} />
        {project.strategy ? (
          <>
            <dt>Strategie</dt>
            <dd>
              <a href={paths.strategy(project.strategy.slug)}>{project.strategy.title}</a>
              {project.fieldOfAction ? `, Handlungsfeld „${project.fieldOfAction.title}“` : ""}
            </dd>
          </>
        ) : null}
        {project.partners.length > 0 ? (
          <>
            <dt>Partnerkommunen</dt>
            <dd>
              {project.partners.map((partner, index) => (
                <Fragment key={partner.slug}>
                  {index > 0 ? ", " : ""}
                  <a href={paths.city(partner.slug)}>{partner.name}</a>
                </Fragment>
              ))}
            </dd>
          </>
        ) : null}
        {project.providers.length > 0 ? (
          <>
            <dt>Anbieter</dt>
            <dd>
              {project.providers.map((provider, index) => (
                <Fragment key={provider.slug}>
                  {index > 0 ? ", " : ""}
                  <a href={paths.provider(provider.slug)}>{provider.name}</a>
                </Fragment>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Themen</h2>
      {project.topics.length > 0 ? <TopicLinks topics={project.topics} /> : <p>Keinem Thema zugeordnet.</p>}
      {project.note ? <p>{project.note}</p> : null}
      {project.products.length > 0 ? (
        <>
          <h2>Produkte</h2>
          <ul>
            {project.products.map((product, index) => (
              <li key={index}>
                {product.name}
                {product.vendor ? (
                  <>
                    {" von "}
                    <a href={paths.provider(product.vendor.slug)}>{product.vendor.name}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ProjectCosts costs={project.costs} />
      {project.lessons.length > 0 ? (
        <>
          <h2>Erfahrungen</h2>
          <ul class="plain">
            {project.lessons.map((lesson, index) => (
              <li key={index} class="block">
                <h3>{lesson.title}</h3>
                <p class="meta">{label("lessonKind", lesson.kind)}</p>
                <p>{lesson.body}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Quellen</h2>
      {project.sources.length > 0 ? <Sources sources={project.sources} labelled={false} /> : <p>Keine Quellen angegeben.</p>}
      <h2>Ähnliche Projekte</h2>
      {project.similar.length === 0 ? <p>Keine ähnlichen Projekte gefunden.</p> : null}
      <ul class="cards">
        {project.similar.map(({ project: other, reasons }) => (
          <li key={other.slug} class="card">
            <h3>
              <a href={paths.project(other.slug)}>{other.title}</a>
            </h3>
            <p class="meta">
              <a href={paths.city(other.municipality.slug)}>{other.municipality.name}</a> · {label("projectStatus", other.status)}
            </p>
            <p>Warum ähnlich: {reasons.map((reason) => germanReason(reason, topicLabels)).join("; ")}</p>
            <TopicLinks topics={other.topics} />
          </li>
        ))}
      </ul>
      <Stand updatedAt={project.updatedAt} />
      <EmbedBox project={project} origin={origin} />
    </Layout>
  );
}
