import type { VNode } from "preact";
import { shortenSummary } from "../../embed/card.html.js";
import type { ChangeView } from "../changes/change-view.js";
import { InGerman, useSiteLanguage } from "../i18n/site-language.js";
import { Layout, NextPage } from "../layout.js";
import { paths } from "../paths.js";
import type { Named } from "../queries.js";

/** The filters `/aenderungen` was asked for, as they are in its address. */
export interface ChangeFilters {
  kommune: string | null;
  thema: string | null;
}

interface ChangesPageProps {
  changes: ChangeView[];
  filters: ChangeFilters;
  /** The city the filter names, for the heading. */
  city: Named | null;
  topics: { key: string; label: string }[];
  /** The Atom feed of the same filters. */
  feedHref: string;
  nextHref: string | null;
}

/** One change: when, what happened, to which record, where. */
function ChangeItem({ change }: { change: ChangeView }): VNode {
  const { t, contentLang, href, label } = useSiteLanguage();
  const typeLabel = change.type ? label("recordType", change.type) : change.typeLabel;
  return (
    <li class="change">
      <p class="meta">
        <time datetime={change.at}>{t.changes.moment(change.at)}</time> ·{" "}
        <span class="change-kind">{change.kind ? label("changeKind", change.kind) : change.kindLabel}</span> ·{" "}
        {typeLabel}
        {change.city ? (
          <>
            {" "}
            · <a href={href(paths.city(change.city.slug))}>{change.city.name}</a>
          </>
        ) : null}
      </p>
      <p class="change-title">
        {change.href ? (
          <a href={href(change.href)}>
            <InGerman>{change.title}</InGerman>
          </a>
        ) : change.title === change.typeLabel ? (
          t.changes.notPublic
        ) : (
          <InGerman>{change.title}</InGerman>
        )}
      </p>
      {change.summary ? <p lang={contentLang}>{shortenSummary(change.summary, 200)}</p> : null}
    </li>
  );
}

/** A list of changes, newest first; a sentence when there are none. */
function ChangeList({ changes }: { changes: ChangeView[] }): VNode {
  const { t } = useSiteLanguage();
  if (changes.length === 0) return <p>{t.changes.none}</p>;
  return (
    <ol class="changes">
      {changes.map((change) => (
        <ChangeItem key={change.key} change={change} />
      ))}
    </ol>
  );
}

/** The filter form: a topic to choose, a city by its short name; sent as GET so every result has an address. */
function FilterForm({ filters, topics }: Pick<ChangesPageProps, "filters" | "topics">): VNode {
  const { t, lang, contentLang } = useSiteLanguage();
  return (
    <form class="filters" method="get" action="/aenderungen">
      {lang === "de" ? null : <input type="hidden" name="lang" value={lang} />}
      <div>
        <label for="thema">{t.changes.topic}</label>
        <select id="thema" name="thema">
          <option value="">{t.changes.allTopics}</option>
          {topics.map((topic) => (
            <option key={topic.key} value={topic.key} selected={topic.key === filters.thema} lang={contentLang}>
              {topic.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="kommune">{t.changes.city}</label>
        <input
          id="kommune"
          name="kommune"
          type="text"
          value={filters.kommune ?? ""}
          aria-describedby="kommune-hinweis"
        />
        <p id="kommune-hinweis" class="hint">
          {t.changes.cityHint}
        </p>
      </div>
      <button type="submit">{t.changes.filter}</button>
    </form>
  );
}

/** `/aenderungen`: what became public or changed lately, newest first, by city and topic, with an Atom feed. */
export function ChangesPage({ changes, filters, city, topics, feedHref, nextHref }: ChangesPageProps): VNode {
  const { t, href } = useSiteLanguage();
  const topic = topics.find((candidate) => candidate.key === filters.thema);
  const scope = [city ? t.changes.inCity(city.name) : null, topic ? t.changes.onTopic(topic.label) : null]
    .filter(Boolean)
    .join(" ");
  const title = scope ? t.changes.titleWith(scope) : t.changes.title;
  return (
    <Layout
      title={title}
      section={null}
      head={<link rel="alternate" type="application/atom+xml" title={t.changes.feedTitle(title)} href={feedHref} />}
    >
      <h1>{title}</h1>
      <p class="lead">{t.changes.lead}</p>
      <p>
        <a href={feedHref}>{t.changes.subscribe}</a>
        {scope ? (
          <>
            {" "}
            · <a href={href("/aenderungen")}>{t.changes.showAll}</a>
          </>
        ) : null}
      </p>
      <FilterForm filters={filters} topics={topics} />
      <h2>{t.changes.heading}</h2>
      <ChangeList changes={changes} />
      <NextPage href={nextHref}>{t.changes.older}</NextPage>
    </Layout>
  );
}

/** The start page's short list of the latest changes, linking to `/aenderungen`. */
export function LatestChanges({ changes }: { changes: ChangeView[] }): VNode {
  const { t, href } = useSiteLanguage();
  return (
    <section aria-labelledby="neueste">
      <h2 id="neueste">{t.changes.latest}</h2>
      <ChangeList changes={changes} />
      <p>
        <a href={href("/aenderungen")}>{t.changes.allChanges}</a>
      </p>
    </section>
  );
}
