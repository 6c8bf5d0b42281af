import { Fragment, type VNode } from "preact";
import { NamedLinks } from "../components/named-links.js";
import { Stand, StatusAsOf } from "../components/stand.js";
import { StatusHistory } from "../components/status-history.js";
import type { Messages } from "../i18n/messages.js";
import { useSiteLanguage } from "../i18n/site-language.js";
import { Layout, Sources, TopicLinks } from "../layout.js";
import { paths } from "../paths.js";
import type { ProjectData } from "../queries.js";
import { EmbedBox, EmbedHead } from "./embed-box.js";
import { ProjectCosts } from "./project-costs.js";

type Project = NonNullable<ProjectData["project"]>;

/** The API's reason prefixes for similar projects (schema/similarity) and their texts. */
const REASON_PREFIXES = [
  ["same topic: ", "sameTopic"],
  ["same provider: ", "sameProvider"],
  ["same product: ", "sameProduct"],
  ["similar wording: ", "similarWording"],
] as const;

/** A similarity reason in the page's words; a topic key becomes its label when `topicLabels` knows it. Unknown reasons stay as they are. */
function reasonText(
  reason: string,
  topicLabels: ReadonlyMap<string, string>,
  texts: Messages["project"]["reasons"],
): string {
  for (const [prefix, key] of REASON_PREFIXES) {
    if (!reason.startsWith(prefix)) continue;
    const rest = reason.slice(prefix.length);
    return texts[key] + (key === "sameTopic" ? (topicLabels.get(rest) ?? rest) : rest);
  }
  return reason;
}

function Dates({ project }: { project: Project }): VNode | null {
  const { t, formatPartialDate } = useSiteLanguage();
  const dates = [
    { text: t.project.started, value: project.startedOn },
    { text: t.project.plannedEnd, value: project.plannedEndOn },
    { text: t.project.completed, value: project.completedOn },
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
  const { t, contentLang, href } = useSiteLanguage();
  return (
    <Layout title={project.title} section="kommunen" head={<EmbedHead project={project} origin={origin} />}>
      <p class="breadcrumb">
        <a href={href("/kommunen")}>{t.cities.title}</a> › <a href={href(paths.city(city.slug))}>{city.name}</a>
      </p>
      <h1 lang={contentLang}>{project.title}</h1>
      <p class="lead" lang={contentLang}>
        {project.summary}
      </p>
      <Facts project={project} />
      <h2>{t.project.topics}</h2>
      {project.topics.length > 0 ? <TopicLinks topics={project.topics} /> : <p>{t.project.noTopic}</p>}
      {project.note ? <p lang={contentLang}>{project.note}</p> : null}
      <StatusHistory steps={project.statusHistory} />
      <Products products={project.products} heading={t.project.products} />
      <Products products={project.replacedProducts} heading={t.project.replacedProducts} />
      <ProjectCosts costs={project.costs} summaries={project.costSummary} />
      <Lessons lessons={project.lessons} />
      <h2>{t.project.sources}</h2>
      {project.sources.length > 0 ? (
        <Sources sources={project.sources} labelled={false} />
      ) : (
        <p>{t.project.noSources}</p>
      )}
      <h2>{t.project.similar}</h2>
      <SimilarProjects project={project} />
      <Stand updatedAt={project.updatedAt} />
      <EmbedBox project={project} origin={origin} />
    </Layout>
  );
}

/** The project's facts: city, status, dates, strategy, partners and providers. */
function Facts({ project }: { project: Project }): VNode {
  const city = project.municipality;
  const { t, contentLang, href, label } = useSiteLanguage();
  return (
    <dl class="facts">
      <dt>{t.project.city}</dt>
      <dd>
        <a href={href(paths.city(city.slug))}>{city.name}</a> ({city.stateName})
      </dd>
      <dt>{t.project.status}</dt>
      <dd>
        {label("projectStatus", project.status)}
        <StatusAsOf date={project.statusAsOf} />
      </dd>
      <Dates project={project} />
      {project.strategy ? (
        <>
          <dt>{t.project.strategy}</dt>
          <dd>
            <a href={href(paths.strategy(project.strategy.slug))} lang={contentLang}>
              {project.strategy.title}
            </a>
            {project.fieldOfAction ? t.project.fieldOfAction(project.fieldOfAction.title) : ""}
          </dd>
        </>
      ) : null}
      {project.partners.length > 0 ? (
        <>
          <dt>{t.project.partners}</dt>
          <dd>
            <NamedLinks items={project.partners} path={paths.city} />
          </dd>
        </>
      ) : null}
      {project.providers.length > 0 ? (
        <>
          <dt>{t.project.providers}</dt>
          <dd>
            <NamedLinks items={project.providers} path={paths.provider} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Products with their vendors under `heading` (those the project uses, or those it replaces); nothing when there are none. */
function Products({ products, heading }: { products: Project["products"]; heading: string }): VNode | null {
  const { t, href } = useSiteLanguage();
  if (products.length === 0) return null;
  return (
    <>
      <h2>{heading}</h2>
      <ul>
        {products.map((product, index) => (
          <li key={index}>
            {product.name}
            {product.vendor ? (
              <>
                {t.project.by}
                <a href={href(paths.provider(product.vendor.slug))}>{product.vendor.name}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The lessons learned in the project; nothing when there are none. */
function Lessons({ lessons }: { lessons: Project["lessons"] }): VNode | null {
  const { t, contentLang, label } = useSiteLanguage();
  if (lessons.length === 0) return null;
  return (
    <>
      <h2>{t.project.lessons}</h2>
      <ul class="plain">
        {lessons.map((lesson, index) => (
          <li key={index} class="block">
            <h3 lang={contentLang}>{lesson.title}</h3>
            <p class="meta">{label("lessonKind", lesson.kind)}</p>
            <p lang={contentLang}>{lesson.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Projects like this one, each with why it is similar (topics by their labels). */
function SimilarProjects({ project }: { project: Project }): VNode {
  const topicLabels = new Map(
    [project, ...project.similar.map((similar) => similar.project)].flatMap((each) =>
      each.topics.map((topic) => [topic.key, topic.label] as const),
    ),
  );
  const { t, contentLang, href, label } = useSiteLanguage();
  return (
    <>
      {project.similar.length === 0 ? <p>{t.project.noSimilar}</p> : null}
      <ul class="cards">
        {project.similar.map(({ project: other, reasons }) => (
          <li key={other.slug} class="card">
            <h3 lang={contentLang}>
              <a href={href(paths.project(other.slug))}>{other.title}</a>
            </h3>
            <p class="meta">
              <a href={href(paths.city(other.municipality.slug))}>{other.municipality.name}</a> ·{" "}
              {label("projectStatus", other.status)}
            </p>
            <p>
              {t.project.whySimilar}
              {reasons.map((reason) => reasonText(reason, topicLabels, t.project.reasons)).join("; ")}
            </p>
            <TopicLinks topics={other.topics} />
          </li>
        ))}
      </ul>
    </>
  );
}
