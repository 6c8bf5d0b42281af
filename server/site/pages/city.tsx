import type { VNode } from "preact";
import { Decisions } from "../components/decisions.js";
import { Indicators } from "../components/indicators.js";
import { NamedLinks } from "../components/named-links.js";
import { Stand } from "../components/stand.js";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { ExternalLink, Layout, ProjectList, Sources, TopicLinks } from "../layout.js";
import { cityAnchors, paths } from "../paths.js";
import type { CityData, CityProjectRef, WorkingGroupRef } from "../queries.js";

type City = NonNullable<CityData["municipality"]>;

/** Projects grouped under each of their topics (a project on two topics shows twice), topics by label; untagged last. */
function projectsByTopic(
  projects: CityProjectRef[],
  noTopic: string,
  locale: string,
): { key: string; label: string; projects: CityProjectRef[] }[] {
  const groups = new Map<string, { key: string; label: string; projects: CityProjectRef[] }>();
  for (const project of projects) {
    const topics = project.topics.length > 0 ? project.topics : [{ key: "", label: noTopic }];
    for (const topic of topics) {
      const group = groups.get(topic.key) ?? { key: topic.key, label: topic.label, projects: [] };
      group.projects.push(project);
      groups.set(topic.key, group);
    }
  }
  return [...groups.values()].sort((a, b) =>
    a.key === "" ? 1 : b.key === "" ? -1 : a.label.localeCompare(b.label, locale),
  );
}

/** The city's providers, one entry per provider with all its roles. */
function providersWithRoles(engagements: City["engagements"], locale: string) {
  const providers = new Map<
    string,
    { slug: string; name: string; roles: string[]; engagements: City["engagements"] }
  >();
  for (const engagement of engagements) {
    const entry = providers.get(engagement.provider.slug) ?? { ...engagement.provider, roles: [], engagements: [] };
    if (!entry.roles.includes(engagement.role)) entry.roles.push(engagement.role);
    entry.engagements.push(engagement);
    providers.set(engagement.provider.slug, entry);
  }
  return [...providers.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

function KeyFigures({ city }: { city: City }): VNode {
  const { t, formatNumber, formatPartialDate } = useSiteLanguage();
  return (
    <dl class="facts">
      <dt>{t.city.state}</dt>
      <dd>{city.stateName}</dd>
      {city.governmentRegion ? (
        <>
          <dt>{t.city.governmentRegion}</dt>
          <dd>{city.governmentRegion}</dd>
        </>
      ) : null}
      {city.district ? (
        <>
          <dt>{t.city.district}</dt>
          <dd>{city.district}</dd>
        </>
      ) : null}
      <dt>{t.city.officialKey}</dt>
      <dd>{city.officialKey}</dd>
      {city.population !== null ? (
        <>
          <dt>{t.city.population}</dt>
          <dd>
            {formatNumber(city.population)}
            {city.populationAsOf ? t.city.populationAsOf(formatPartialDate(city.populationAsOf)) : ""}
          </dd>
        </>
      ) : null}
      {city.website ? (
        <>
          <dt>{t.city.website}</dt>
          <dd>
            <ExternalLink href={city.website}>{city.website}</ExternalLink>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The working groups the city is in, each with its other members, meetings, topics and sources. */
function WorkingGroups({ groups, city }: { groups: WorkingGroupRef[]; city: string }): VNode {
  const { t, contentLang } = useSiteLanguage();
  if (groups.length === 0) return <p>{t.city.noWorkingGroups}</p>;
  return (
    <ul class="plain">
      {groups.map((group) => {
        const others = group.members.filter((member) => member.slug !== city);
        return (
          <li key={group.slug} class="block">
            <h3 lang={contentLang}>{group.name}</h3>
            <p lang={contentLang}>{group.description}</p>
            <dl class="facts">
              {group.cadence ? (
                <>
                  <dt>{t.city.cadence}</dt>
                  <dd>
                    <InGerman>{group.cadence}</InGerman>
                  </dd>
                </>
              ) : null}
              {others.length > 0 || group.otherMembers ? (
                <>
                  <dt>{t.city.otherMembers}</dt>
                  <dd>
                    <NamedLinks items={others} path={paths.city} />
                    {others.length > 0 && group.otherMembers ? "; " : ""}
                    {group.otherMembers ? <InGerman>{group.otherMembers}</InGerman> : null}
                  </dd>
                </>
              ) : null}
            </dl>
            <TopicLinks topics={group.topics} />
            <Sources sources={group.sources} />
          </li>
        );
      })}
    </ul>
  );
}

/** `/kommunen/:slug`: a city's profile, each fact with its sources. */
export function CityPage({ city, workingGroups }: { city: City; workingGroups: WorkingGroupRef[] }): VNode {
  const { t, contentLang, href } = useSiteLanguage();
  return (
    <Layout title={city.name} section="kommunen">
      <p class="breadcrumb">
        <a href={href("/kommunen")}>{t.cities.title}</a> › {city.stateName}
      </p>
      <h1>{city.name}</h1>
      <KeyFigures city={city} />
      <p>
        <a href={href(`/vergleich?kommunen=${encodeURIComponent(city.slug)}`)}>{t.city.compare}</a>
      </p>
      {city.note ? <p lang={contentLang}>{city.note}</p> : null}
      <Sources sources={city.sources} />

      <h2>{t.city.strategies}</h2>
      <Strategies strategies={city.strategies} />

      <h2>{t.city.projectsByTopic}</h2>
      <ProjectsByTopic projects={city.projects.nodes} />

      <h2>{t.city.providersAndRoles}</h2>
      <ProvidersAndRoles engagements={city.engagements} />

      <h2>{t.city.decisions}</h2>
      <Decisions decisions={city.decisions} />

      <h2>{t.city.indicators}</h2>
      <Indicators indicators={city.indicators} />

      <h2>{t.city.workingGroups}</h2>
      <WorkingGroups groups={workingGroups} city={city.slug} />

      <h2>{t.city.lessons}</h2>
      <Lessons lessons={city.lessons} />
      <Stand updatedAt={city.updatedAt} />
    </Layout>
  );
}

/** The city's strategies, each with its fields of action. */
function Strategies({ strategies }: { strategies: City["strategies"] }): VNode {
  const { t, contentLang, href, label, formatPartialDate } = useSiteLanguage();
  return (
    <>
      {strategies.length === 0 ? <p>{t.city.noStrategy}</p> : null}
      {strategies.map((strategy) => (
        <section key={strategy.slug} class="block">
          <h3 lang={contentLang}>
            <a href={href(paths.strategy(strategy.slug))}>{strategy.title}</a>
          </h3>
          <p class="meta">
            {label("strategyStatus", strategy.status)}
            {strategy.adoptedOn ? t.city.adopted(formatPartialDate(strategy.adoptedOn)) : ""}
          </p>
          <p lang={contentLang}>{strategy.summary}</p>
          {strategy.vision ? (
            <p class="vision" lang={contentLang}>
              {strategy.vision}
            </p>
          ) : null}
          <Sources sources={strategy.sources} />
          {strategy.fieldsOfAction.length > 0 ? (
            <>
              <h4>{t.city.fieldsOfAction}</h4>
              <ul class="plain">
                {strategy.fieldsOfAction.map((field, index) => (
                  <li key={index} lang={contentLang}>
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
    </>
  );
}

/** The city's projects, one section per topic. */
function ProjectsByTopic({ projects }: { projects: CityProjectRef[] }): VNode {
  const { t, contentLang, href } = useSiteLanguage();
  return (
    <>
      {projects.length === 0 ? <p>{t.city.noProject}</p> : null}
      {projectsByTopic(projects, t.city.noTopic, t.locale).map((group) => (
        <section key={group.key} class="block">
          <h3 lang={group.key ? contentLang : undefined}>
            {group.key ? <a href={href(paths.topic(group.key))}>{group.label}</a> : group.label}
          </h3>
          <ProjectList projects={group.projects} showCity={false} />
        </section>
      ))}
    </>
  );
}

/** The city's providers with their roles and engagements. */
function ProvidersAndRoles({ engagements }: { engagements: City["engagements"] }): VNode {
  const { t, href, label, formatPartialDate } = useSiteLanguage();
  const providers = providersWithRoles(engagements, t.locale);
  if (providers.length === 0) return <p>{t.city.noProviders}</p>;
  return (
    <ul class="plain">
      {providers.map((provider) => (
        <li key={provider.slug}>
          <a href={href(paths.provider(provider.slug))}>{provider.name}</a>:{" "}
          {provider.roles.map((role) => label("engagementRole", role)).join(", ")}
          {provider.engagements.map((engagement) => (
            <div key={engagement.id} id={cityAnchors.engagement(engagement.id)}>
              <p>
                <InGerman>{engagement.description}</InGerman>
                {engagement.since ? t.city.since(formatPartialDate(engagement.since)) : ""}
              </p>
              <Sources sources={engagement.sources} />
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The city's lessons learned, each with the project it comes from. */
function Lessons({ lessons }: { lessons: City["lessons"] }): VNode {
  const { t, contentLang, href, label } = useSiteLanguage();
  return (
    <>
      {lessons.length === 0 ? <p>{t.city.noLessons}</p> : null}
      <ul class="plain">
        {lessons.map((lesson) => (
          <li key={lesson.slug} class="block">
            <h3 lang={contentLang}>{lesson.title}</h3>
            <p class="meta">
              {label("lessonKind", lesson.kind)}
              {lesson.project ? (
                <>
                  {t.city.projectPrefix}
                  <a href={href(paths.project(lesson.project.slug))} lang={contentLang}>
                    {lesson.project.title}
                  </a>
                </>
              ) : null}
            </p>
            <p lang={contentLang}>{lesson.body}</p>
            <TopicLinks topics={lesson.topics} />
            <Sources sources={lesson.sources} />
          </li>
        ))}
      </ul>
    </>
  );
}
