import type { VNode } from "preact";
import { STATE_NAMES, type State } from "../../../schema/municipality/state.enum.js";
import { counted, formatNumber, label } from "../labels.js";
import { Layout, paths } from "../layout.js";
import { MarkedSnippet } from "../marked-snippet.js";
import type { SearchData, SearchFacetData, SearchHitData, SearchOutcome } from "../queries/search.js";
import { FACETS, type FacetParam, hasFilters, MAX_SEARCH_QUERY, SEARCH_PATH, searchHref, type SearchRequest, withoutFilter } from "../search-params.js";

/** The kinds of record by `SearchResultType`, as the site names them (providers are "Anbieter" everywhere). */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  MUNICIPALITY: "Kommune",
  STRATEGY: "Strategie",
  FIELD_OF_ACTION: "Handlungsfeld",
  PROJECT: "Projekt",
  LESSON_LEARNED: "Erfahrung",
  PROVIDER: "Anbieter",
};

/** The label of a chosen value the answer's facets do not list (e.g. with no hits left): known names, else the value. */
function fallbackLabel(param: FacetParam, value: string): string {
  if (param === "typ") return TYPE_LABELS[value] ?? value;
  if (param === "land") return STATE_NAMES[value as State] ?? value;
  if (param === "status") return label("projectStatus", value) !== value ? label("projectStatus", value) : label("strategyStatus", value);
  return value;
}

/** A facet's values to offer: the answer's, plus any chosen value it does not list, so that it can be unticked. */
function facetValues(param: FacetParam, facet: SearchFacetData | undefined, chosen: readonly string[]) {
  // The site calls providers "Anbieter" everywhere; the API's type labels say "Dienstleister".
  const values: { value: string; label: string; count: number | null }[] = (facet?.values ?? []).map((value) =>
    param === "typ" ? { ...value, label: TYPE_LABELS[value.value] ?? value.label } : value,
  );
  const missing = chosen.filter((value) => !values.some((listed) => listed.value === value));
  return [...values, ...missing.map((value) => ({ value, label: fallbackLabel(param, value), count: null }))];
}

/** Where a hit leads, what it is called, and what it belongs to. */
function hitTarget(hit: SearchHitData): { href: string; title: string; kind: string; context: string | null } {
  const city = hit.municipality?.name ?? null;
  const node = hit.node;
  switch (node.__typename) {
    case "Municipality":
      return { href: paths.city(node.slug), title: node.name, kind: "Kommune", context: node.stateName };
    case "Strategy":
      return { href: `/strategien/${encodeURIComponent(node.slug)}`, title: node.title, kind: "Strategie", context: city };
    case "FieldOfAction":
      return { href: `/strategien/${encodeURIComponent(node.strategy.slug)}`, title: node.title, kind: "Handlungsfeld", context: `${node.strategy.title}${city ? `, ${city}` : ""}` };
    case "Project":
      return { href: paths.project(node.slug), title: node.title, kind: "Projekt", context: city };
    case "LessonLearned":
      return { href: hit.municipality ? paths.city(hit.municipality.slug) : "/erfahrungen", title: node.title, kind: "Erfahrung", context: city };
    case "Provider":
      return { href: paths.provider(node.slug), title: node.name, kind: "Anbieter", context: null };
  }
}

function Hit({ hit }: { hit: SearchHitData }): VNode {
  const target = hitTarget(hit);
  const title = hit.highlights.find((highlight) => highlight.field === "title");
  return (
    <li class="card">
      <h3>
        <a href={target.href}>{title ? <MarkedSnippet snippet={title.snippet} /> : target.title}</a>
      </h3>
      <p class="meta">
        {target.kind}
        {target.context ? ` · ${target.context}` : ""}
      </p>
      {hit.highlights
        .filter((highlight) => highlight.field !== "title")
        .map((highlight) => (
          <p key={highlight.field} class="snippet">
            <MarkedSnippet snippet={highlight.snippet} />
          </p>
        ))}
    </li>
  );
}

/** The chosen filters as links that remove them, and one that removes all. */
function FilterChips({ request, facets }: { request: SearchRequest; facets: SearchFacetData[] }): VNode | null {
  if (!hasFilters(request)) return null;
  const chips = FACETS.flatMap(({ param, field, legend }) =>
    request.filters[param].map((value) => {
      const listed = facets.find((facet) => facet.field === field)?.values.find((candidate) => candidate.value === value);
      const shown = param === "typ" || !listed ? fallbackLabel(param, value) : listed.label;
      return { param, value, text: `${legend}: ${shown}` };
    }),
  );
  return (
    <div class="search-chips">
      <p id="aktive-filter" class="meta">
        Aktive Filter (zum Entfernen anklicken):
      </p>
      <ul class="chips" aria-labelledby="aktive-filter">
        {chips.map((chip) => (
          <li key={`${chip.param}=${chip.value}`}>
            <a href={withoutFilter(request, chip.param, chip.value)}>
              <span class="visually-hidden">Filter entfernen: </span>
              {chip.text} <span aria-hidden="true">×</span>
            </a>
          </li>
        ))}
        <li>
          <a href={searchHref(request.query, { typ: [], land: [], kommune: [], thema: [], status: [], anbieter: [] })}>Alle Filter entfernen</a>
        </li>
      </ul>
    </div>
  );
}

/** The facets as checkboxes with counts; they belong to the search form (`form="suche"`), so "Filter anwenden" sends them with the query. */
function Facets({ request, facets }: { request: SearchRequest; facets: SearchFacetData[] }): VNode {
  return (
    <aside id="filter" class="search-facets" aria-labelledby="filter-titel">
      <h2 id="filter-titel">Filter</h2>
      {FACETS.map(({ param, field, legend }) => {
        const values = facetValues(param, facets.find((facet) => facet.field === field), request.filters[param]);
        if (values.length === 0) return null;
        return (
          <fieldset key={param}>
            <legend>{legend}</legend>
            <ul class="plain">
              {values.map((value) => (
                <li key={value.value}>
                  <label>
                    <input type="checkbox" form="suche" name={param} value={value.value} checked={request.filters[param].includes(value.value)} />{" "}
                    {value.label}
                    {value.count !== null ? <span class="meta"> ({formatNumber(value.count)})</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <button type="submit" form="suche">
        Filter anwenden
      </button>
    </aside>
  );
}

function countText(search: SearchData["search"]): string {
  return search.totalCountIsExact ? counted(search.totalCount, "Treffer", "Treffer") : `Mehr als ${formatNumber(search.totalCount)} Treffer`;
}

function Results({ request, data }: { request: SearchRequest; data: SearchData }): VNode {
  const { search } = data;
  const next = search.pageInfo.hasNextPage && search.pageInfo.endCursor ? searchHref(request.query, request.filters, search.pageInfo.endCursor) : null;
  return (
    <div class="search-layout">
      <section class="search-results" aria-labelledby="treffer-titel">
        <h2 id="treffer-titel">
          {countText(search)}
          {request.query ? ` für „${request.query}“` : ""}
        </h2>
        <p class="meta">
          <a href="#filter">Zu den Filtern</a>
        </p>
        <FilterChips request={request} facets={search.facets} />
        {search.hits.length > 0 ? (
          <ol class="cards search-hits">
            {search.hits.map((hit, index) => (
              <Hit key={index} hit={hit} />
            ))}
          </ol>
        ) : (
          <NoHits request={request} />
        )}
        {next || request.after ? (
          <nav aria-label="Trefferseiten" class="search-pages">
            {request.after ? <a href={searchHref(request.query, request.filters)}>Zur ersten Trefferseite</a> : null}
            {next ? (
              <a href={next} rel="next">
                Weitere Treffer
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <Facets request={request} facets={search.facets} />
    </div>
  );
}

function NoHits({ request }: { request: SearchRequest }): VNode {
  return (
    <div class="notice">
      <p>{request.query ? `Keine Treffer für „${request.query}“.` : "Keine Treffer für diese Filter."}</p>
      <ul>
        <li>Prüfen Sie die Schreibweise oder versuchen Sie ein allgemeineres Wort (z. B. „Kita“ statt „Kita-Anmeldeportal“).</li>
        {hasFilters(request) ? <li>Entfernen Sie einzelne Filter oben.</li> : null}
        <li>
          Stöbern Sie nach <a href="/themen">Themen</a> oder <a href="/kommunen">Kommunen</a>.
        </li>
      </ul>
    </div>
  );
}

/** `/suche?q=…`: the search form, the hits with marked snippets, the facets as checkboxes and the chosen filters as chips. */
export function SearchPage({ request, data, problem }: { request: SearchRequest } & SearchOutcome): VNode {
  const notices = problem ? [...request.notices, problem] : request.notices;
  return (
    <Layout title={request.query ? `Suche: ${request.query}` : "Suche"} section="suche">
      <h1>Suche</h1>
      <form id="suche" class="search-form" action={SEARCH_PATH} method="get" role="search" aria-label="Hub durchsuchen">
        <label for="suche-q">Suchbegriff</label>
        <div class="search-row">
          <input type="search" id="suche-q" name="q" value={request.query} maxLength={MAX_SEARCH_QUERY} />
          <button type="submit">Suchen</button>
        </div>
      </form>
      {notices.length > 0 ? (
        <div class="notice" role="status">
          <ul>
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {data ? <Results request={request} data={data} /> : null}
      {!data && problem ? <FilterChips request={request} facets={[]} /> : null}
      {!data && !problem ? (
        <p class="lead">
          Durchsuchen Sie Kommunen, Strategien, Handlungsfelder, Projekte, Erfahrungen und Anbieter, zum Beispiel nach „Kita“,
          „Bauantrag“ oder „Rechenzentrum“.
        </p>
      ) : null}
    </Layout>
  );
}
