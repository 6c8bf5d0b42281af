import type { VNode } from "preact";
import { shortenSummary } from "../../embed/card.html.js";
import { type ChangeView, formatMoment } from "../changes/change-view.js";
import { Layout, NextPage, paths } from "../layout.js";
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
export function ChangeItem({ change }: { change: ChangeView }): VNode {
  return (
    <li class="change">
      <p class="meta">
        <time datetime={change.at}>{formatMoment(change.at)}</time> · <span class="change-kind">{change.kindLabel}</span> ·{" "}
        {change.typeLabel}
        {change.city ? (
          <>
            {" "}
            · <a href={paths.city(change.city.slug)}>{change.city.name}</a>
          </>
        ) : null}
      </p>
      <p class="change-title">
        {change.href ? <a href={change.href}>{change.title}</a> : change.title === change.typeLabel ? "(nicht mehr öffentlich)" : change.title}
      </p>
      {change.summary ? <p>{shortenSummary(change.summary, 200)}</p> : null}
    </li>
  );
}

/** A list of changes, newest first; a sentence when there are none. */
export function ChangeList({ changes }: { changes: ChangeView[] }): VNode {
  if (changes.length === 0) return <p>Keine Änderungen gefunden.</p>;
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
  return (
    <form class="filters" method="get" action="/aenderungen">
      <div>
        <label for="thema">Thema</label>
        <select id="thema" name="thema">
          <option value="">Alle Themen</option>
          {topics.map((topic) => (
            <option key={topic.key} value={topic.key} selected={topic.key === filters.thema}>
              {topic.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="kommune">Kommune</label>
        <input id="kommune" name="kommune" type="text" value={filters.kommune ?? ""} aria-describedby="kommune-hinweis" />
        <p id="kommune-hinweis" class="hint">
          Der Kurzname aus der Adresse der Kommune, z. B. „herten“ für /kommunen/herten.
        </p>
      </div>
      <button type="submit">Filtern</button>
    </form>
  );
}

/** `/aenderungen`: what became public or changed lately, newest first, by city and topic, with an Atom feed. */
export function ChangesPage({ changes, filters, city, topics, feedHref, nextHref }: ChangesPageProps): VNode {
  const topic = topics.find((candidate) => candidate.key === filters.thema);
  const scope = [city ? `in ${city.name}` : null, topic ? `zum Thema ${topic.label}` : null].filter(Boolean).join(" ");
  const title = scope ? `Letzte Änderungen ${scope}` : "Letzte Änderungen";
  return (
    <Layout title={title} section={null} head={<link rel="alternate" type="application/atom+xml" title={`${title} (Atom-Feed)`} href={feedHref} />}>
      <h1>{title}</h1>
      <p class="lead">
        Was im IKZ-Hub zuletzt veröffentlicht, geändert, zurückgezogen oder archiviert wurde, das Neueste zuerst. Entwürfe erscheinen
        hier nicht.
      </p>
      <p>
        <a href={feedHref}>Diese Liste als Atom-Feed abonnieren</a>
        {scope ? (
          <>
            {" "}
            · <a href="/aenderungen">Alle Änderungen zeigen</a>
          </>
        ) : null}
      </p>
      <FilterForm filters={filters} topics={topics} />
      <h2>Änderungen</h2>
      <ChangeList changes={changes} />
      <NextPage href={nextHref}>Ältere Änderungen</NextPage>
    </Layout>
  );
}

/** The start page's short list of the latest changes, linking to `/aenderungen`. */
export function LatestChanges({ changes }: { changes: ChangeView[] }): VNode {
  return (
    <section aria-labelledby="neueste">
      <h2 id="neueste">Zuletzt geändert</h2>
      <ChangeList changes={changes} />
      <p>
        <a href="/aenderungen">Alle Änderungen</a>
      </p>
    </section>
  );
}
