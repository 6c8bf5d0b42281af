import type { VNode } from "preact";
import { Stand } from "../components/stand.js";
import { formatNumber, formatPartialDate, label } from "../labels.js";
import { ExternalLink, Layout, paths, ProjectList, Sources, TopicLinks } from "../layout.js";
import type { CityData, CityProjectRef } from "../queries.js";

type City = NonNullable<CityData["municipality"]>;

/** Projects grouped under each of their topics (a project on two topics shows twice), topics by label; untagged last. */
function projectsByTopic(projects: CityProjectRef[]): { key: string; label: string; projects: CityProjectRef[] }[] {
  const groups = new Map<string, { key: string; label: string; projects: CityProjectRef[] }>();
  for (const project of projects) {
    const topics = project.topics.length > 0 ? project.topics : [{ key: "", label: "Ohne Thema" }];
    for (const topic of topics) {
      const group = groups.get(topic.key) ?? { key: topic.key, label: topic.label, projects: [] };
      group.projects.push(project);
      groups.set(topic.key, group);
    }
  }
  return [...groups.values()].sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : a.label.localeCompare(b.label, "de")));
}

/** The city's providers, one entry per provider with all its roles. */
function providersWithRoles(engagements: City["engagements"]) {
  const providers = new Map<string, { slug: string; name: string; roles: string[]; engagements: City["engagements"] }>();
  for (const engagement of engagements) {
    const entry = providers.get(engagement.provider.slug) ?? { ...engagement.provider, roles: [], engagements: [] };
    if (!entry.roles.includes(engagement.role)) entry.roles.push(engagement.role);
    entry.engagements.push(engagement);
    providers.set(engagement.provider.slug, entry);
  }
  return [...providers.values()].sort((a, b) => a.name.localeCompare(b.name, "de"));
}

function KeyFigures({ city }: { city: City }): VNode {
  return (
    <dl class="facts">
      <dt>Bundesland</dt>
      <dd>{city.stateName}</dd>
      {city.governmentRegion ? (
        <>
          <dt>Regierungsbezirk</dt>
          <dd>{city.governmentRegion}</dd>
        </>
      ) : null}
      {city.district ? (
        <>
          <dt>Kreis</dt>
          <dd>{city.district}</dd>
        </>
      ) : null}
      <dt>Amtlicher Gemeindeschlüssel</dt>
      <dd>{city.officialKey}</dd>
      {city.population !== null ? (
        <>
          <dt>Einwohner</dt>
          <dd>
            {formatNumber(city.population)}
            {city.populationAsOf ? ` (Stand ${formatPartialDate(city.populationAsOf)})` : ""}
          </dd>
        </>
      ) : null}
      {city.website ? (
        <>
          <dt>Website</dt>
          <dd>
            <ExternalLink href={city.website}>{city.website}</ExternalLink>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** `/kommunen/:slug`: a city's profile, each fact with its sources. */
export function CityPage({ city }: { city: City }): VNode {
  const providers = providersWithRoles(city.engagements);
  return (
    <Layout title={city.name} section="kommunen">
      <p class="breadcrumb">
        <a href="/kommunen">Kommunen</a> › {city.stateName}
      </p>
      <h1>{city.name}</h1>
      <KeyFigures city={city} />
      <p>
        <a href={`/vergleich?kommunen=${encodeURIComponent(city.slug)}`}>Mit anderen Kommunen vergleichen</a>
      </p>
      {city.note ? <p>{city.note}</p> : null}
      <Sources sources={city.sources} />

      <h2>Strategien</h2>
      {city.strategies.length === 0 ? <p>Keine veröffentlichte Strategie.</p> : null}
      {city.strategies.map((strategy) => (
        <section key={strategy.slug} class="block">
          <h3>
            <a href={paths.strategy(strategy.slug)}>{strategy.title}</a>
          </h3>
          <p class="meta">
            {label("strategyStatus", strategy.status)}
            {strategy.adoptedOn ? ` · Beschluss ${formatPartialDate(strategy.adoptedOn)}` : ""}
          </p>
          <p>{strategy.summary}</p>
          {strategy.vision ? <p class="vision">{strategy.vision}</p> : null}
          <Sources sources={strategy.sources} />
          {strategy.fieldsOfAction.length > 0 ? (
            <>
              <h4>Handlungsfelder</h4>
              <ul class="plain">
                {strategy.fieldsOfAction.map((field, index) => (
                  <li key={index}>
                    <strong>{field.title}</strong>
                    {field.description ? <p>{field.description}</p> : null}
                    <TopicLinks topics={field.topics} />
                    <Sources sources={field.sources} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}

      <h2>Projekte nach Thema</h2>
      {city.projects.nodes.length === 0 ? <p>Kein veröffentlichtes Projekt.</p> : null}
      {projectsByTopic(city.projects.nodes).map((group) => (
        <section key={group.key} class="block">
          <h3>{group.key ? <a href={paths.topic(group.key)}>{group.label}</a> : group.label}</h3>
          <ProjectList projects={group.projects} showCity={false} />
        </section>
      ))}

      <h2>Anbieter und ihre Rollen</h2>
      {providers.length === 0 ? (
        <p>Keine veröffentlichte Zusammenarbeit mit Anbietern.</p>
      ) : (
        <ul class="plain">
          {providers.map((provider) => (
            <li key={provider.slug}>
              <a href={paths.provider(provider.slug)}>{provider.name}</a>: {provider.roles.map((role) => label("engagementRole", role)).join(", ")}
              {provider.engagements.map((engagement, index) => (
                <div key={index}>
                  <p>
                    {engagement.description}
                    {engagement.since ? ` (seit ${formatPartialDate(engagement.since)})` : ""}
                  </p>
                  <Sources sources={engagement.sources} />
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}

      <h2>Erfahrungen</h2>
      {city.lessons.length === 0 ? <p>Keine veröffentlichten Erfahrungen.</p> : null}
      <ul class="plain">
        {city.lessons.map((lesson) => (
          <li key={lesson.slug} class="block">
            <h3>{lesson.title}</h3>
            <p class="meta">
              {label("lessonKind", lesson.kind)}
              {lesson.project ? (
                <>
                  {" · Projekt: "}
                  <a href={paths.project(lesson.project.slug)}>{lesson.project.title}</a>
                </>
              ) : null}
            </p>
            <p>{lesson.body}</p>
            <TopicLinks topics={lesson.topics} />
            <Sources sources={lesson.sources} />
          </li>
        ))}
      </ul>
      <Stand updatedAt={city.updatedAt} />
    </Layout>
  );
}
